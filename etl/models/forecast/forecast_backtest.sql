-- One row per past forecast date (a month end whose next 13 weeks have passed, within the last 12
-- such month ends) and week: the cash forecast then, from the history known then, against the cash
-- actually collected that week on the invoices open at that date, beside the naive forecast
-- "everything is paid on its due date". Week 1 runs from the day after the forecast date.
-- The error reported on the site is the weighted absolute percentage error over all these weeks:
-- Σ |forecast − actual| / Σ actual.
with forecast_dates as (
  select month_end as forecast_date
  from int_month_ends
  where month_end + 91 <= getvariable('as_of_date')
  order by month_end desc
  limit 12
),

items as (
  select items.* from int_forecast_items as items join forecast_dates using (forecast_date)
),

weeks as (
  select forecast_date, unnest(range(1, 14)) as week from forecast_dates
),

forecast as (
  select forecast_date, 1 + (expected_date - forecast_date - 1) // 7 as week, sum(open_amount * expected_share) as amount
  from items group by all
),

naive as (
  select forecast_date, 1 + (naive_date - forecast_date - 1) // 7 as week, sum(open_amount) as amount
  from items group by all
),

actual as (
  select items.forecast_date, 1 + (allocations.allocation_date - items.forecast_date - 1) // 7 as week, sum(allocations.amount) as amount
  from items
  join int_allocations as allocations
    on allocations.invoice_id = items.invoice_id and allocations.source_kind = 'payment'
   and allocations.allocation_date > items.forecast_date and allocations.allocation_date <= items.forecast_date + 91
  group by all
)

select weeks.forecast_date, weeks.week::integer as week,
       (weeks.forecast_date + (1 + (weeks.week - 1) * 7)::integer)::date as week_start,
       coalesce(forecast.amount, 0)::decimal(18, 2) as forecast_amount,
       coalesce(naive.amount, 0)::decimal(18, 2) as naive_amount,
       coalesce(actual.amount, 0)::decimal(18, 2) as actual_amount
from weeks
left join forecast using (forecast_date, week)
left join naive using (forecast_date, week)
left join actual using (forecast_date, week)
order by weeks.forecast_date, weeks.week
