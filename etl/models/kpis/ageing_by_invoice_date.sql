-- One row per client and age bucket at the as-of date: its open invoices and credit notes aged by
-- days since the issue date (the second view beside the due-date ageing). Buckets use the same
-- edges: 0–30 days, 31–60, …, beyond the last.
-- A roll-up of `invoices`.
with aged as (
  select invoices.client_id, invoices.open_amount,
         getvariable('as_of_date') - invoices.issue_date as age_days
  from invoices
  where invoices.open_amount <> 0
),

final as (
  select aged.client_id,
         case when buckets.bucket = 'not_due' or buckets.bucket_order = 1 then '0-' || (select max_days from ref_buckets where bucket_order = 1)
              else buckets.bucket end as age_bucket,
         greatest(buckets.bucket_order, 1) as bucket_order,
         aged.open_amount
  from aged
  join ref_buckets as buckets on buckets.bucket_order = bucket_order_of(aged.age_days)
)

select client_id, age_bucket, bucket_order, sum(open_amount)::decimal(18, 2) as open_amount
from final
group by client_id, age_bucket, bucket_order
order by client_id, bucket_order
