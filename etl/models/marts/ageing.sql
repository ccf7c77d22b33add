-- One row per client and ageing bucket at the as-of date: the open amount of its invoices and
-- credit notes in that bucket, aged by due date (buckets: not due, then days past due ranges).
select client_id, bucket, any_value(bucket_order) as bucket_order, sum(open_amount)::decimal(18, 2) as open_amount
from invoices
where open_amount <> 0
group by client_id, bucket
order by client_id, bucket_order
