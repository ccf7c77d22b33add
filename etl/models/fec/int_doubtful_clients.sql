-- One row per client the books class as doubtful at the as-of date: its doubtful-client accounts
-- (fec.doubtfulAccountPrefixes, 416 "clients douteux ou litigieux") hold a debit balance then.
-- Only a FEC says so: with open-items exports the table is empty, and procedures come from the
-- clients file's legal status. The client is the line's CompAuxNum (else its account), as for
-- its invoices.
select client_id, sum(debit - credit)::decimal(18, 2) as doubtful_balance_amount
from int_fec_lines
where is_doubtful_line and not is_superseded_opening
  and entry_date <= getvariable('as_of_date')
group by client_id
having sum(debit - credit) > 0
