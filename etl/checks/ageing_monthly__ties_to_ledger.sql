-- At every month end, the monthly ageing adds up to the ledger of that date, computed
-- independently: amounts issued up to it, less allocations dated up to it (a credit note
-- applied to an invoice leaves the total unchanged, as it was already counted negative).
-- Summed by calendar month first (month ends are last days of months), then accumulated.
with month_ends as (select distinct month_end from ageing_monthly),
issued_by_month as (
  select last_day(issue_date) as month_end, sum(amount) as amount from invoices group by 1
),
settled_by_month as (
  select last_day(allocation_date) as month_end, sum(amount) filter (where source_kind <> 'credit_note') as amount
  from allocations group by 1
),
issued as (
  select month_ends.month_end, sum(issued_by_month.amount) as amount
  from month_ends join issued_by_month on issued_by_month.month_end <= month_ends.month_end
  group by month_ends.month_end
),
settled as (
  select month_ends.month_end, sum(settled_by_month.amount) as amount
  from month_ends join settled_by_month on settled_by_month.month_end <= month_ends.month_end
  group by month_ends.month_end
),
aged as (select month_end, sum(open_amount) as amount from ageing_monthly group by month_end)
select month_end, issued.amount - coalesce(settled.amount, 0) as ledger_amount, aged.amount as ageing_amount
from aged
join issued using (month_end)
left join settled using (month_end)
where issued.amount - coalesce(settled.amount, 0) <> aged.amount
