-- One row per month end and client (NULL: the company) whose provision accounts
-- (fec.provisionAccountPrefixes, 491) hold a balance then: credit − debit of the FEC's provision lines
-- dated up to the month end, per client where the lines name one (CompAuxNum). What the books
-- hold, read for comparison beside the computed provisions; empty without a FEC.
select month_ends.month_end, lines.aux_account as client_id, sum(lines.credit - lines.debit) as amount
from int_month_ends as month_ends
join int_fec_lines as lines
  on lines.entry_date <= month_ends.month_end
where lines.is_provision_line and not lines.is_superseded_opening
group by month_ends.month_end, lines.aux_account
having sum(lines.credit - lines.debit) <> 0
