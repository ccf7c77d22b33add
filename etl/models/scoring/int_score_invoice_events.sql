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

final as (
  select invoices.*, paid.paid_date as settled_date, paid.days_late,
         -- Default event: still open on the 91st day past due (the first beyond default_days_past_due,
         -- macros.sql). Checked on that very day, not at month ends, so an invoice paid on day 100 counts too.
         case when day_91.invoice_id is not null and invoices.due_date + default_days_past_due() + 1 <= getvariable('as_of_date')
              then invoices.due_date + default_days_past_due() + 1 end as default_date
  from invoices
  left join int_payment_history as paid using (invoice_id)
  -- The balance span holding its 91st day, if the invoice was open then: one more left join
  -- rather than an inner join of the invoices to their spans joined back to them, 0.80 s -> 0.78 s
  -- of CPU at 1M invoices (0.90x, median of 5 alternated pairs). An open-ended span's end as
  -- infinity: with an OR in its condition this left join is a nested loop (minutes).
  left join int_invoice_balance_history as day_91
    on day_91.invoice_id = invoices.invoice_id
   and day_91.open_amount > 0
   and day_91.valid_from <= invoices.due_date + default_days_past_due() + 1
   and coalesce(day_91.valid_to, 'infinity'::date) > invoices.due_date + default_days_past_due() + 1
)

select * from final
