-- One row per client with open items at the as-of date: its open amount in each ageing bucket (a
-- list in bucket order, as in `buckets`), its total and its overdue part (every bucket but not
-- due), aged by due date; `rank` orders the ageing balance, largest total first.
-- A roll-up of `ageing`, `buckets` and `clients`.
with scale as (
  select bucket, bucket_order from buckets
),

client_buckets as (
  -- every client with open items × every bucket of the scale, 0 where it holds nothing
  select clients.client_id, scale.bucket, scale.bucket_order, coalesce(ageing.open_amount, 0)::decimal(18, 2) as open_amount
  from (select distinct client_id from ageing) as clients
  cross join scale
  left join ageing using (client_id, bucket)
),

by_client as (
  select
    client_id,
    list(open_amount order by bucket_order) as bucket_amounts,
    sum(open_amount)::decimal(18, 2) as total_amount,
    coalesce(sum(open_amount) filter (where bucket <> 'not_due'), 0)::decimal(18, 2) as overdue_amount,
    bool_or(open_amount <> 0) as has_open_amount
  from client_buckets
  group by client_id
),

final as (
  select
    row_number() over (order by total_amount desc, client_id)::integer as rank,
    by_client.client_id,
    clients.name,
    by_client.bucket_amounts,
    by_client.total_amount,
    by_client.overdue_amount
  from by_client
  left join clients using (client_id)
  where has_open_amount
)

select * from final
order by rank
