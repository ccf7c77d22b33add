-- One row per past forecast date (a month end whose next 13 weeks have passed, within the last 12
-- such month ends) and week: the cash forecast then, from the history known then, against the cash
-- actually collected that week on the invoices open at that date, beside the naive forecast
-- "everything is paid on its due date". Weeks as in forecast (forecast_week): ISO weeks, week 1
-- the one holding the first business day after the forecast date, cash before it counted in it.
-- The error reported on the site is the weighted absolute percentage error over all these weeks:
-- Σ |forecast − actual| / Σ actual.
-- forecast_week() is worked out once per forecast date and day, on the amounts summed per day
-- (a few thousand rows), not once per invoice and allocation (1.7 million at 1M invoices); and the
-- end of a date's 13 weeks once per forecast date, not in the join condition of every allocation.
-- DECIMAL sums, exact in any grouping.
with forecast_dates as (
  -- Month ends whose 13th week has ended by the as-of date.
  select month_end as forecast_date, date_trunc('week', forecast_first_day(month_end))::date + 91 as weeks_end
  from int_month_ends
  where date_trunc('week', forecast_first_day(month_end))::date + 90 <= getvariable('as_of_date')
  order by month_end desc
  limit 12
),

items as (
  select items.*, forecast_dates.weeks_end from int_forecast_items as items join forecast_dates using (forecast_date)
),

weeks as (
  select forecast_date, unnest(range(1, 14)) as week from forecast_dates
),

forecast as (
  select forecast_date, forecast_week(expected_date, forecast_date) as week, sum(amount) as amount
  from (select forecast_date, expected_date, sum(open_amount * expected_share) as amount from items group by all)
  group by all
),

naive as (
  select forecast_date, forecast_week(naive_date, forecast_date) as week, sum(amount) as amount
  from (select forecast_date, naive_date, sum(open_amount) as amount from items group by all)
  group by all
),

actual as (
  select forecast_date, forecast_week(allocation_date, forecast_date) as week, sum(amount) as amount
  from (
    select items.forecast_date, allocations.allocation_date, sum(allocations.amount) as amount
    from items
    join int_allocations as allocations
      on allocations.invoice_id = items.invoice_id and allocations.source_kind = 'payment'
     and allocations.allocation_date > items.forecast_date
     and allocations.allocation_date < items.weeks_end
    group by all
  )
  group by all
)

select weeks.forecast_date, weeks.week::integer as week,
       (date_trunc('week', forecast_first_day(weeks.forecast_date))::date + ((weeks.week - 1) * 7)::integer)::date as week_start,
       coalesce(forecast.amount, 0)::decimal(18, 2) as forecast_amount,
       coalesce(naive.amount, 0)::decimal(18, 2) as naive_amount,
       coalesce(actual.amount, 0)::decimal(18, 2) as actual_amount
from weeks
left join forecast using (forecast_date, week)
left join naive using (forecast_date, week)
left join actual using (forecast_date, week)
order by weeks.forecast_date, weeks.week
