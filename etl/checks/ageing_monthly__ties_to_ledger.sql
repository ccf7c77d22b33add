-- At every month end, the monthly ageing adds up to the ledger of that date, computed
-- independently: amounts issued up to it, less allocations dated up to it (a credit note
-- applied to an invoice leaves the total unchanged, as it was already counted negative).
with month_ends as (select distinct month_end from ageing_monthly),
issued as (
  select month_end, sum(invoices.amount) as amount
  from month_ends join invoices on invoices.issue_date <= month_end
  group by month_end
),
settled as (
  select month_end, sum(allocations.amount) filter (where source_kind <> 'credit_note') as amount
  from month_ends join allocations on allocations.allocation_date <= month_end
  group by month_end
),
aged as (select month_end, sum(open_amount) as amount from ageing_monthly group by month_end)
select month_end, issued.amount - coalesce(settled.amount, 0) as ledger_amount, aged.amount as ageing_amount
from aged
join issued using (month_end)
left join settled using (month_end)
where issued.amount - coalesce(settled.amount, 0) <> aged.amount
