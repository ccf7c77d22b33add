-- Allocations are positive, go to invoices (not credit notes), and never add up to more than the invoice amount.
select allocations.invoice_id, invoices.kind, invoices.amount, sum(allocations.amount) as allocated, min(allocations.amount) as smallest
from allocations
left join invoices using (invoice_id)
group by all
having invoices.kind is distinct from 'invoice' or sum(allocations.amount) > invoices.amount or min(allocations.amount) <= 0
