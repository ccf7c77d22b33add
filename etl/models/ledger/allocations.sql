-- One row per settlement of an invoice (invoice_id) by a payment, credit note or write-off
-- (source_id, source_kind) on allocation_date; method says whether the source named the invoice
-- ('reference'), shared its FEC lettering code ('lettering') or was matched oldest due first within the
-- client ('oldest_due_first').
select invoice_id, source_id, source_kind, client_id, allocation_date, amount, method
from int_allocations
order by client_id, invoice_id, allocation_date, source_id
