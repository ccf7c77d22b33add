-- One row per client and month end (and at the as-of date): a provisional risk grade and 12-month
-- probability of default read from the worst ageing bucket the client has open, used by dunning
-- and alerts. Grade E: open beyond 90 days past due, or an insolvency procedure at as-of; D: 61–90;
-- C: 31–60; B: 1–30; A: nothing overdue. PD by grade: A 1 %, B 3 %, C 8 %, D 20 %, E 50 %
-- (assumptions, not fitted). Dunning shifts and grade-drop alerts read this grade, not the
-- credit score of client_scores: both are shown on the client page.
with month_end_worst as (
  select ageing_monthly.month_end, ageing_monthly.client_id, max(buckets.min_days) as worst_days
  from ageing_monthly
  join buckets using (bucket)
  where ageing_monthly.open_amount > 0
  group by all
),

as_of_worst as (
  select getvariable('as_of_date') as month_end, ageing.client_id, max(buckets.min_days) as worst_days
  from ageing
  join buckets using (bucket)
  where ageing.open_amount > 0
  group by all
),

insolvent as (
  select client_id
  from clients
  where is_collective_procedure(legal_status)
),

worst as (
  select * from month_end_worst where month_end < getvariable('as_of_date')
  union all
  select * from as_of_worst
),

final as (
  select
    month_end,
    client_id,
    case
      when worst_days > 90 or (month_end = getvariable('as_of_date') and client_id in (select client_id from insolvent)) then 'E'
      when worst_days > 60 then 'D'
      when worst_days > 30 then 'C'
      when worst_days > 0 then 'B'
      else 'A'
    end as grade
  from worst
)

select
  month_end,
  client_id,
  grade,
  case grade when 'A' then 0.01 when 'B' then 0.03 when 'C' then 0.08 when 'D' then 0.20 else 0.50 end::double as pd_12m
from final
order by month_end, client_id
