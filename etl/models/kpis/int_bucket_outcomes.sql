-- One row per month end and ageing bucket: the open invoices in that bucket at that month end,
-- and how much of them was written off in the 12 months that followed (known only for month ends
-- at least 12 months before the as-of date: is_outcome_known). written_off_12m_base_amount is the
-- same on the provisions' base (provision_base_amount), for the matrix's backtest.
with positions as (
  select month_end, invoice_id, bucket, bucket_order, open_amount
  from int_invoice_month_ends
  where kind = 'invoice' and open_amount > 0
),

written_off_later as (
  select positions.month_end, positions.invoice_id,
         least(positions.open_amount, sum(allocations.amount)) as written_off,
         provision_base_amount(least(positions.open_amount, sum(allocations.amount)), any_value(invoices.amount), any_value(invoices.amount_excl_tax)) as written_off_base
  from positions
  join int_invoices as invoices using (invoice_id)
  join int_allocations as allocations
    on allocations.invoice_id = positions.invoice_id
   and allocations.source_kind = 'writeoff'
   and allocations.allocation_date > positions.month_end
   and allocations.allocation_date <= positions.month_end + interval 12 month
  group by positions.month_end, positions.invoice_id, positions.open_amount
),

final as (
  select positions.month_end, positions.bucket, any_value(positions.bucket_order) as bucket_order,
         sum(positions.open_amount) as balance_amount,
         coalesce(sum(written_off_later.written_off), 0) as written_off_12m_amount,
         coalesce(sum(written_off_later.written_off_base), 0) as written_off_12m_base_amount,
         positions.month_end + interval 12 month <= getvariable('as_of_date') as is_outcome_known
  from positions
  left join written_off_later using (month_end, invoice_id)
  group by positions.month_end, positions.bucket
)

select * from final
