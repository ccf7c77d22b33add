-- One row per line of the account statement (relevé de compte) of each client with open items,
-- at the as-of date — every client with an open invoice or credit note or unapplied cash, in the
-- worklist or not (a client asking for its statement is not always one being chased): its open
-- invoices, its open credit notes (negative) and its unapplied cash (payments not allocated,
-- negative, shown after the total of open items).
-- Each line is stated in its own currency too (currency, currency_amount, currency_open_amount):
-- an invoice's or credit note's from `invoices`, a payment's from `payments` — what the client was
-- invoiced, owes or paid. amount and open_amount stay in the company currency (the company's books).
-- For a client under a collective procedure, a line born before the opening judgment (an invoice or
-- credit note issued, a payment received, on or before clients.procedure_date, or every line when
-- that date is unknown: is_pre_judgment, macros.sql) is a claim of the procedure — declared to the
-- mandataire, or foreclosed — which the client may not pay (Code de commerce L622-7): is_pre_judgment_claim.
-- A roll-up of `int_client_procedures`, `invoices` and `payments`.
with items as (
  select invoices.client_id, invoices.kind as line_kind, invoices.invoice_id as document_id, invoices.issue_date as document_date,
         invoices.due_date, invoices.amount, invoices.open_amount, invoices.currency, invoices.currency_amount,
         invoices.currency_open_amount, invoices.days_past_due
  from invoices
  where invoices.open_amount <> 0
),

unapplied as (
  select payments.client_id, 'unapplied_payment' as line_kind, payments.payment_id, payments.payment_date, null::date,
         payments.amount, -payments.unapplied_amount, payments.currency, payments.currency_amount,
         -payments.currency_unapplied_amount, null::integer
  from payments
  where payments.unapplied_amount > 0
),

lines as (
  select * from items
  union all
  select * from unapplied
),

final as (
  select lines.*, procedures.client_id is not null and is_pre_judgment(lines.document_date, procedures.procedure_date) as is_pre_judgment_claim
  from lines
  left join int_client_procedures as procedures using (client_id)
)

select client_id, line_kind, document_id, document_date, due_date, amount::decimal(18, 2) as amount,
       open_amount::decimal(18, 2) as open_amount, currency, currency_amount::decimal(18, 2) as currency_amount,
       currency_open_amount::decimal(18, 2) as currency_open_amount, days_past_due::integer as days_past_due,
       is_pre_judgment_claim
from final
order by client_id, line_kind = 'unapplied_payment', due_date nulls last, document_date, document_id
