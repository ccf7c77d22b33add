-- One row per usable input row, or part of one, dated after the as-of date and so left out of
-- this run: an invoice, payment or write-off line (FEC items included), a collections-log action, the settlement columns
-- (paid_date) of an invoice line issued by the as-of date, and a FEC client line lettered
-- (DateLet) after it. With the default as-of date — the latest date of any kind in the inputs —
-- it is empty; with an earlier --as-of it says what that date leaves out. dated_part names which.
-- It reads the valid-row models that keep both sides of the as-of date (int_invoice_lines,
-- int_payments, int_writeoffs, int_action_lines, int_fec_lines): the rows the cut keeps and the
-- rows listed here come from one source, so validity is decided once.
with invoice_lines as (
  select source_file, line, 'invoices' as input, invoice_id as record_id, issue_date as record_date, 'row' as dated_part
  from int_invoice_lines
  where issue_date > getvariable('as_of_date')
),

-- Matches the settlements int_credits applies (paid_amount > 0 on an invoice).
settlements as (
  select source_file, line, 'invoices', invoice_id, paid_date, 'settlement'
  from int_invoice_lines
  where kind = 'invoice' and paid_amount > 0
    and issue_date <= getvariable('as_of_date') and paid_date > getvariable('as_of_date')
),

payment_lines as (
  select source_file, line, 'payments', payment_id, payment_date, 'row'
  from int_payments
  where payment_date > getvariable('as_of_date')
),

writeoff_lines as (
  select source_file, line, 'writeoffs', writeoff_id, writeoff_date, 'row'
  from int_writeoffs
  where writeoff_date > getvariable('as_of_date')
),

-- A collections-log line (a call, a promise…) made after the as-of date.
action_lines as (
  select source_file, line, 'actions', client_id, action_date, 'row'
  from int_action_lines
  where action_date > getvariable('as_of_date')
),

fec_lettering as (
  select source_file, line, 'fec', item_id, letter_date, 'lettering'
  from int_fec_lines
  where item_kind is not null and item_date <= getvariable('as_of_date') and letter_date > getvariable('as_of_date')
),

final as (
  select * from invoice_lines
  union all select * from settlements
  union all select * from payment_lines
  union all select * from writeoff_lines
  union all select * from action_lines
  union all select * from fec_lettering
)

select * from final
