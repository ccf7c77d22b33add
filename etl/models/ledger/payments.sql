-- One row per payment received on or before the as-of date (including settlements given on
-- invoice lines), with the part allocated to invoices and the unapplied rest (a client credit).
-- amount, allocated_amount and unapplied_amount are in the company currency; currency and
-- currency_amount are the payment's own, currency_unapplied_amount its unapplied rest in it (the
-- same share of it as in the company currency): what the account statement states.
select
  source_id as payment_id,
  client_id,
  credit_date as payment_date,
  amount,
  named_invoice_id as invoice_id,
  allocated_amount,
  unapplied_amount,
  currency,
  currency_amount::decimal(18, 2) as currency_amount,
  case when currency_amount = amount then unapplied_amount
       else round(unapplied_amount * currency_amount / amount, 2) end::decimal(18, 2) as currency_unapplied_amount,
  source_file,
  line
from int_credit_usage
where source_kind = 'payment'
order by client_id, payment_date, payment_id
