-- One row per payment received on or before the as-of date (including settlements given on
-- invoice lines), with the part allocated to invoices and the unapplied rest (a client credit).
select
  source_id as payment_id,
  client_id,
  credit_date as payment_date,
  amount,
  named_invoice_id as invoice_id,
  allocated_amount,
  unapplied_amount,
  source_file,
  line
from int_credit_usage
where source_kind = 'payment'
order by client_id, payment_date, payment_id
