-- Each breakdown (segment, sector, country, sales rep) adds up to the company row for the
-- additive figures: receivables, overdue, sales and write-offs.
with company as (select * from kpi_monthly where scope = 'company'),
breakdowns as (
  select month_end, scope, sum(receivables) as receivables, sum(overdue) as overdue, sum(sales) as sales, sum(writeoff_amount) as writeoff_amount
  from kpi_monthly where scope <> 'company' group by month_end, scope
)
select breakdowns.month_end, breakdowns.scope
from breakdowns join company using (month_end)
where breakdowns.receivables <> company.receivables or breakdowns.overdue <> company.overdue
   or breakdowns.sales <> company.sales or breakdowns.writeoff_amount <> company.writeoff_amount
