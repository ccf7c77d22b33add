-- One row per write-off (créance irrécouvrable passée en perte) on or before the as-of date.
with writeoffs as (
  select * from int_credits where source_kind = 'writeoff'
),

allocated as (
  select source_id, sum(amount) as allocated_amount
  from int_allocations
  where source_kind = 'writeoff'
  group by source_id
),

final as (
  select
    writeoffs.source_id as writeoff_id,
    writeoffs.client_id,
    writeoffs.named_invoice_id as invoice_id,
    writeoffs.credit_date as writeoff_date,
    writeoffs.amount,
    (writeoffs.amount - coalesce(allocated.allocated_amount, 0))::decimal(18, 2) as unapplied_amount,
    writeoffs.source_file,
    writeoffs.line
  from writeoffs
  left join allocated using (source_id)
)

select * from final
order by client_id, writeoff_date, writeoff_id
