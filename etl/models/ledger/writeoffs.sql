-- One row per write-off (créance irrécouvrable passée en perte) on or before the as-of date, its
-- amount net of the reversals that cancel it by then (int_credits); one reversed in full is gone.
select
  source_id as writeoff_id,
  client_id,
  named_invoice_id as invoice_id,
  credit_date as writeoff_date,
  amount,
  unapplied_amount,
  source_file,
  line
from int_credit_usage
where source_kind = 'writeoff'
order by client_id, writeoff_date, writeoff_id
