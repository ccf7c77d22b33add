-- Allocations are positive, go to invoices (not credit notes), and never add up to more than the invoice amount.
with per_invoice as (
  select invoice_id, sum(amount) as allocated, min(amount) as smallest from allocations group by invoice_id
)
select per_invoice.invoice_id, invoices.kind, invoices.amount, per_invoice.allocated, per_invoice.smallest
from per_invoice
left join invoices using (invoice_id)
where invoices.kind is distinct from 'invoice' or per_invoice.allocated > invoices.amount or per_invoice.smallest <= 0
