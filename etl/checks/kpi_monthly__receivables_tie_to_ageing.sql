-- The company's receivables in kpi_monthly equal the monthly ageing, every month end.
with aged as (select month_end, sum(open_amount) as receivables from ageing_monthly group by month_end)
select kpi.month_end, kpi.receivables, aged.receivables as aged
from kpi_monthly as kpi
left join aged using (month_end)
where kpi.scope = 'company' and kpi.receivables <> coalesce(aged.receivables, 0)
