-- One row per payment received on or before the as-of date (including settlements given on
-- invoice lines), with the part allocated to invoices and the unapplied rest (a client credit).
with payments as (
  select * from int_credits where source_kind = 'payment'
),

allocated as (
  select source_id, sum(amount) as allocated_amount
  from int_allocations
  where source_kind = 'payment'
  group by source_id
),

final as (
  select
    payments.source_id as payment_id,
    payments.client_id,
    payments.credit_date as payment_date,
    payments.amount,
    payments.named_invoice_id as invoice_id,
    coalesce(allocated.allocated_amount, 0)::decimal(18, 2) as allocated_amount,
    (payments.amount - coalesce(allocated.allocated_amount, 0))::decimal(18, 2) as unapplied_amount,
    payments.source_file,
    payments.line
  from payments
  left join allocated using (source_id)
)

select * from final
order by client_id, payment_date, payment_id
