-- One row per client and ageing bucket at the as-of date: the open amount of its invoices and
-- credit notes in that bucket, aged by due date (buckets: not due, then days past due ranges),
-- with the client's open total and the bucket's share of it: the rows of a client's ageing table.
-- A roll-up of `invoices`.
with by_bucket as (
  select client_id, bucket, any_value(bucket_order) as bucket_order, sum(open_amount)::decimal(18, 2) as open_amount
  from invoices
  where open_amount <> 0
  group by client_id, bucket
),

with_total as (
  select *, sum(open_amount) over (partition by client_id)::decimal(18, 2) as total_open_amount
  from by_bucket
),

final as (
  select
    client_id, bucket, bucket_order, open_amount, total_open_amount,
    -- a client whose unapplied credit notes outweigh its invoices has no share to speak of
    case when total_open_amount > 0 then (open_amount / total_open_amount)::double end as share_open
  from with_total
)

select * from final
order by client_id, bucket_order
