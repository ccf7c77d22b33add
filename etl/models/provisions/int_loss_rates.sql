-- One row per estimation date (each month end) and ageing bucket: the loss rate known at that
-- date — written off within 12 months / balance, over the look-back's month ends whose 12-month
-- outcome had elapsed by then (month ends k with k + 12 months ≤ the estimation date) — with its
-- source. When fewer than provision_min_history_months of them exist (a young history), the
-- documented prudent default rate of the bucket is used instead (rate_source 'prudent_default'):
-- prudent_loss_rate of the last day past due it holds (macros.sql; the last bucket, open-ended,
-- 100 %), so a short history never means no provision, whatever the bucket bounds.
with estimation_dates as (
  select month_end as estimated_at from int_month_ends
),

observed as (
  select dates.estimated_at, outcomes.bucket,
         sum(outcomes.written_off_12m_amount) / nullif(sum(outcomes.balance_amount), 0) as loss_rate,
         count(*) as month_ends_used
  from estimation_dates as dates
  join int_bucket_outcomes as outcomes
    on outcomes.month_end + interval 12 month <= dates.estimated_at
   and outcomes.month_end > dates.estimated_at - interval 12 month - to_months(getvariable('provision_lookback_months'))
  group by dates.estimated_at, outcomes.bucket
),

final as (
  select dates.estimated_at, buckets.bucket, buckets.bucket_order,
         case when observed.month_ends_used >= getvariable('provision_min_history_months') then observed.loss_rate
              else prudent_loss_rate(buckets.max_days)
         end as loss_rate,
         coalesce(observed.month_ends_used, 0) as month_ends_used,
         case when observed.month_ends_used >= getvariable('provision_min_history_months') then 'observed' else 'prudent_default' end as rate_source
  from estimation_dates as dates
  cross join ref_buckets as buckets
  left join observed on observed.estimated_at = dates.estimated_at and observed.bucket = buckets.bucket
)

select * from final
where loss_rate is not null
