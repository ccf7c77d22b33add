-- An invoice's open amount is never negative nor above its amount; a credit note's lies
-- between its (negative) amount and zero.
select invoice_id, kind, amount, open_amount
from invoices
where (kind = 'invoice' and (open_amount < 0 or open_amount > amount))
   or (kind = 'credit_note' and (open_amount > 0 or open_amount < amount))
