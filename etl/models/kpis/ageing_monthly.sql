-- One row per month end, client and ageing bucket: the open amount of the client's invoices and
-- credit notes at that month end, from the allocations dated up to it, aged by due date.
-- bucket_order is a key beside bucket (one order per bucket), not any_value(): sorting on a grouped
-- column, whose range DuckDB knows, took half the time of sorting on an aggregate's result (the
-- million rows of 1M invoices: 0.28 → 0.13 s).
select month_end, client_id, bucket, bucket_order, sum(open_amount)::decimal(18, 2) as open_amount
from int_invoice_month_ends
group by month_end, client_id, bucket, bucket_order
order by month_end, client_id, bucket_order
