-- One row per month end, client and ageing bucket: the open amount of the client's invoices and
-- credit notes at that month end, from the allocations dated up to it, aged by due date.
with open_at_month_end as (
  select month_ends.month_end, history.invoice_id, history.open_amount
  from int_invoice_balance_history as history
  join int_month_ends as month_ends
    on month_ends.month_end >= history.valid_from
   and month_ends.month_end < coalesce(history.valid_to, date '9999-12-31')
  where history.open_amount <> 0
),

aged as (
  select open_at_month_end.month_end, invoices.client_id, buckets.bucket, buckets.bucket_order, open_at_month_end.open_amount
  from open_at_month_end
  join int_invoices as invoices using (invoice_id)
  join ref_buckets as buckets
    on open_at_month_end.month_end - invoices.due_date between buckets.min_days and buckets.max_days
),

final as (
  select month_end, client_id, bucket, any_value(bucket_order) as bucket_order, sum(open_amount)::decimal(18, 2) as open_amount
  from aged
  group by month_end, client_id, bucket
)

select * from final
order by month_end, client_id, bucket_order
