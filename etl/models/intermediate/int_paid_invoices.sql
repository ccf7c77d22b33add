-- One row per invoice paid in full by the as-of date: the day its open amount reached zero for
-- good (int_invoice_balance_history, from the allocations dated up to as-of). An invoice closed by
-- a write-off was not paid and has no row: its write-off counts as a loss, never as a payment.
select history.invoice_id, history.valid_from as paid_date
from int_invoice_balance_history as history
join int_invoices as invoices using (invoice_id)
where invoices.kind = 'invoice' and history.valid_to is null and history.open_amount <= 0
  and history.invoice_id not in (select invoice_id from int_allocations where source_kind = 'writeoff')
