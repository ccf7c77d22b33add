-- Per client, the ledger ties out: invoices − credit notes − payments − write-offs
-- = open receivables − unapplied cash − unapplied write-offs.
with ledger as (
  select client_id, amount as movement, open_amount as open_part from invoices
  union all select client_id, -amount, -unapplied_amount from payments
  union all select client_id, -amount, -unapplied_amount from writeoffs
)
select client_id, sum(movement) as ledger_balance, sum(open_part) as open_balance
from ledger
group by client_id
having sum(movement) <> sum(open_part)
