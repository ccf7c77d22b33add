-- One row per invoice (or credit note) and month end at which it was open: its open amount from
-- the allocations dated up to that month end, its due date and its ageing bucket by due date.
with open_at_month_end as (
  select month_ends.month_end, history.invoice_id, history.open_amount
  from int_invoice_balance_history as history
  join int_month_ends as month_ends
    on month_ends.month_end >= history.valid_from
   and month_ends.month_end < coalesce(history.valid_to, date '9999-12-31')
  where history.open_amount <> 0
),

final as (
  select open_at_month_end.month_end, open_at_month_end.invoice_id, invoices.client_id, invoices.kind, invoices.due_date,
         buckets.bucket, buckets.bucket_order, open_at_month_end.open_amount
  from open_at_month_end
  join int_invoices as invoices using (invoice_id)
  join ref_buckets as buckets on buckets.bucket_order = bucket_order_of(open_at_month_end.month_end - invoices.due_date)
)

select * from final
