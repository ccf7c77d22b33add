-- One row per ageing bucket holding anything at the as-of date, company-wide: its open amount,
-- the company's open total and the bucket's share of it (the overview's ageing table).
-- A roll-up of `ageing`.
with by_bucket as (
  select bucket, any_value(bucket_order) as bucket_order, sum(open_amount)::decimal(18, 2) as open_amount
  from ageing
  group by bucket
),

with_total as (
  select *, sum(open_amount) over ()::decimal(18, 2) as total_open_amount
  from by_bucket
),

final as (
  select
    bucket, bucket_order, open_amount, total_open_amount,
    case when total_open_amount > 0 then (open_amount / total_open_amount)::double end as share_open
  from with_total
)

select * from final
order by bucket_order
