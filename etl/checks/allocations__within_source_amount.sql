-- A payment, credit note or write-off is never allocated beyond its own amount.
with sources as (
  select payment_id as source_id, 'payment' as source_kind, amount from payments
  union all select invoice_id, 'credit_note', -amount from invoices where kind = 'credit_note'
  union all select writeoff_id, 'writeoff', amount from writeoffs
),

per_source as (
  select source_id, source_kind, sum(amount) as allocated from allocations group by source_id, source_kind
)
select per_source.source_id, per_source.source_kind, sources.amount, per_source.allocated
from per_source
left join sources using (source_id, source_kind)
where sources.amount is null or per_source.allocated > sources.amount
