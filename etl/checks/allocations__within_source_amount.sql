-- A payment, credit note or write-off is never allocated beyond its own amount.
with sources as (
  select payment_id as source_id, 'payment' as source_kind, amount from payments
  union all select invoice_id, 'credit_note', -amount from invoices where kind = 'credit_note'
  union all select writeoff_id, 'writeoff', amount from writeoffs
)
select allocations.source_id, allocations.source_kind, any_value(sources.amount) as amount, sum(allocations.amount) as allocated
from allocations
left join sources using (source_id, source_kind)
group by all
having any_value(sources.amount) is null or sum(allocations.amount) > any_value(sources.amount)
