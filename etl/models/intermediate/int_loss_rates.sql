-- One row per estimation date (each month end) and ageing bucket: the loss rate known at that
-- date — written off within 12 months / balance, over the look-back's month ends whose 12-month
-- outcome had elapsed by then (month ends k with k + 12 months ≤ the estimation date).
with estimation_dates as (
  select month_end as estimated_at from int_month_ends
),

final as (
  select dates.estimated_at, outcomes.bucket, any_value(outcomes.bucket_order) as bucket_order,
         sum(outcomes.written_off_12m_amount) / nullif(sum(outcomes.balance_amount), 0) as loss_rate,
         count(*) as month_ends_used
  from estimation_dates as dates
  join int_bucket_outcomes as outcomes
    on outcomes.month_end + interval 12 month <= dates.estimated_at
   and outcomes.month_end > dates.estimated_at - interval 12 month - to_months(getvariable('provision_lookback_months'))
  group by dates.estimated_at, outcomes.bucket
)

select * from final
