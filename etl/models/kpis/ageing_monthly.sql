-- One row per month end, client and ageing bucket: the open amount of the client's invoices and
-- credit notes at that month end, from the allocations dated up to it, aged by due date.
select month_end, client_id, bucket, any_value(bucket_order) as bucket_order, sum(open_amount)::decimal(18, 2) as open_amount
from int_invoice_month_ends
group by month_end, client_id, bucket
order by month_end, client_id, bucket_order
