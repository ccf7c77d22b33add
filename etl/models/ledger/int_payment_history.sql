-- One row per invoice paid in full by the as-of date: the client's payment history, the one place
-- that says when an invoice was paid and how many days that took. Paid date = the day its open
-- amount reached zero for good (int_invoice_balance_history, from the allocations dated up to
-- as-of): a reversal that reopens it moves the date to the day it closes again. An invoice closed
-- by a write-off was not paid and has no row: its write-off counts as a loss, never as a payment.
-- days_to_pay = paid date − issue date; days_late = paid date − due date, signed (negative = paid
-- early). Every reader keeps the sign (invoices, client_behaviour, int_client_month_activity →
-- kpi_monthly, alerts' trend, the forecast's expected lateness), so early payers average below
-- zero and the forecast expects them before the due date; only the credit score
-- (int_score_features) clips early payment to 0: it measures lateness as a risk, and an invoice
-- paid early must not offset another paid late.
with invoices as (
  select invoice_id, client_id, issue_date, due_date, amount
  from int_invoices
  where kind = 'invoice'
),

closed as (
  select invoice_id, valid_from as paid_date
  from int_invoice_balance_history
  where valid_to is null and open_amount <= 0
    and invoice_id not in (select invoice_id from int_allocations where source_kind = 'writeoff')
),

final as (
  select invoices.invoice_id, invoices.client_id, invoices.issue_date, invoices.due_date, closed.paid_date, invoices.amount,
         (closed.paid_date - invoices.issue_date)::integer as days_to_pay,
         (closed.paid_date - invoices.due_date)::integer as days_late
  from closed
  join invoices using (invoice_id)
)

select * from final
