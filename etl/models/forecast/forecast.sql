-- One row per week of the next 13, Monday to Sunday (ISO weeks): week 1 is the week holding the
-- first business day after the as-of date, counted from that day (from_date) — as of a Friday or
-- a Saturday, the next Monday's week, never a week made of one Sunday; the cash expected from the
-- open invoices (today's receivables only: invoices not issued yet are not in it), each on its
-- expected date (due date + the client's usual days late, or its segment's for clients with little
-- history; overdue invoices spread by that lateness; a share only of disputed invoices and of those
-- beyond 90 days past due; clients under a collective procedure left out), cash expected before
-- week 1 counted in it. The band is the expected amount ± the forecast's weighted absolute
-- percentage error in the backtest (forecast_accuracy), or ± 25 % before there is one.
-- Each week also carries the 13 weeks' expected amount together (the page's total).
-- A roll-up of `forecast_accuracy`.
with items as (
  select * from int_forecast_items where forecast_date = getvariable('as_of_date')
),

first_week as (
  -- date_trunc('week', …) is the ISO week's Monday.
  select date_trunc('week', forecast_first_day(getvariable('as_of_date')))::date as monday,
         forecast_first_day(getvariable('as_of_date')) as first_day
),

weeks as (
  select unnest(range(1, 14)) as week
),

expected as (
  select forecast_week(items.expected_date, items.forecast_date) as week, sum(open_amount * expected_share) as amount, count(*) as invoices
  from items group by all
),

error as (
  select coalesce(model_error, 0.25) as wape
  from forecast_accuracy
),

forecast_weeks as (
  select (first_week.monday + ((weeks.week - 1) * 7)::integer)::date as week_start,
         greatest(first_week.monday + ((weeks.week - 1) * 7)::integer, first_week.first_day)::date as from_date,
         weeks.week::integer as week,
         coalesce(expected.amount, 0)::decimal(18, 2) as expected_amount,
         greatest(0, coalesce(expected.amount, 0) * (1 - error.wape))::decimal(18, 2) as low_amount,
         (coalesce(expected.amount, 0) * (1 + error.wape))::decimal(18, 2) as high_amount,
         coalesce(expected.invoices, 0)::integer as invoices
  from weeks
  cross join first_week
  cross join error
  left join expected using (week)
),

final as (
  select *, (sum(expected_amount) over ())::decimal(18, 2) as total_expected_amount from forecast_weeks
)

select * from final
order by week
