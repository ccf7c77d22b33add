-- One row per month end and ageing bucket: the open invoices in that bucket at that month end,
-- and how much of them was written off in the 12 months that followed (known only for month ends
-- at least 12 months before the as-of date: is_outcome_known). written_off_12m_base_amount is the
-- same on the provisions' base (provision_base_amount), for the matrix's backtest.
-- The balances are summed from the positions, the write-offs per bucket from the positions that
-- have one (12,816 of 2.6 million at 1M invoices), and the two sums joined: left-joining every
-- position to its write-offs, most to none, before summing cost a sixth more. A position is one
-- invoice at one month end, so each is summed once either way.
with positions as (
  select month_end, invoice_id, bucket, bucket_order, open_amount
  from int_invoice_month_ends
  where kind = 'invoice' and open_amount > 0
),

balances as (
  select month_end, bucket, any_value(bucket_order) as bucket_order, sum(open_amount) as balance_amount
  from positions
  group by month_end, bucket
),

written_off_later as (
  select positions.month_end, positions.invoice_id, positions.bucket,
         least(positions.open_amount, sum(allocations.amount)) as written_off,
         provision_base_amount(least(positions.open_amount, sum(allocations.amount)), any_value(invoices.amount), any_value(invoices.amount_excl_tax)) as written_off_base
  from positions
  join int_invoices as invoices using (invoice_id)
  join int_allocations as allocations
    on allocations.invoice_id = positions.invoice_id
   and allocations.source_kind = 'writeoff'
   and allocations.allocation_date > positions.month_end
   and allocations.allocation_date <= positions.month_end + interval 12 month
  group by positions.month_end, positions.invoice_id, positions.bucket, positions.open_amount
),

written_off_by_bucket as (
  select month_end, bucket, sum(written_off) as written_off, sum(written_off_base) as written_off_base
  from written_off_later
  group by month_end, bucket
),

final as (
  select balances.month_end, balances.bucket, balances.bucket_order, balances.balance_amount,
         coalesce(written_off_by_bucket.written_off, 0) as written_off_12m_amount,
         coalesce(written_off_by_bucket.written_off_base, 0) as written_off_12m_base_amount,
         balances.month_end + interval 12 month <= getvariable('as_of_date') as is_outcome_known
  from balances
  left join written_off_by_bucket using (month_end, bucket)
)

select * from final
