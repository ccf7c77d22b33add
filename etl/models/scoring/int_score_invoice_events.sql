-- One row per invoice: what the credit score reads of it — when it was paid in full and how many
-- days late (int_payment_history, signed; never for one closed by a write-off, which is a default
-- event instead) and
-- the day it went beyond 90 days past due while still open (a default event of the score when the
-- client's amount beyond 90 days is material: int_default_events), if it did by the as-of date.
with invoices as (
  select invoice_id, client_id, issue_date, due_date, amount, is_disputed
  from int_invoices
  where kind = 'invoice' and amount > 0
),

history as (
  select * from int_invoice_balance_history
),

open_at_day_91 as (
  -- Default event: still open on the 91st day past due (the first beyond default_days_past_due,
  -- macros.sql). Checked on that very day, not at month ends, so an invoice paid on day 100 counts too.
  select invoices.invoice_id, invoices.due_date + default_days_past_due() + 1 as default_date
  from invoices
  join history
    on history.invoice_id = invoices.invoice_id
   and history.valid_from <= invoices.due_date + default_days_past_due() + 1
   and (history.valid_to is null or history.valid_to > invoices.due_date + default_days_past_due() + 1)
  where history.open_amount > 0 and invoices.due_date + default_days_past_due() + 1 <= getvariable('as_of_date')
),

final as (
  select invoices.*, paid.paid_date as settled_date, paid.days_late, open_at_day_91.default_date
  from invoices
  left join int_payment_history as paid using (invoice_id)
  left join open_at_day_91 using (invoice_id)
)

select * from final
