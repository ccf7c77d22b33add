-- One row per week of the next 13 (week 1 runs from the day after the as-of date): the cash
-- expected from the open invoices, each on its expected date (due date + the client's usual days
-- late, or its segment's for clients with little history; a share only of disputed invoices and of
-- those beyond 90 days past due). The band is the expected amount ± the forecast's weighted
-- absolute percentage error in the backtest (forecast_backtest), or ± 25 % before there is one.
with items as (
  select * from int_forecast_items where forecast_date = getvariable('as_of_date')
),

weeks as (
  select unnest(range(1, 14)) as week
),

expected as (
  select 1 + (expected_date - getvariable('as_of_date') - 1) // 7 as week, sum(open_amount * expected_share) as amount, count(*) as invoices
  from items group by all
),

error as (
  select coalesce(sum(abs(forecast_amount - actual_amount)) / nullif(sum(actual_amount), 0), 0.25) as wape
  from forecast_backtest
)

select (getvariable('as_of_date') + (1 + (weeks.week - 1) * 7)::integer)::date as week_start,
       weeks.week::integer as week,
       coalesce(expected.amount, 0)::decimal(18, 2) as expected_amount,
       greatest(0, coalesce(expected.amount, 0) * (1 - error.wape))::decimal(18, 2) as low_amount,
       (coalesce(expected.amount, 0) * (1 + error.wape))::decimal(18, 2) as high_amount,
       coalesce(expected.invoices, 0)::integer as invoices
from weeks
cross join error
left join expected using (week)
order by weeks.week
