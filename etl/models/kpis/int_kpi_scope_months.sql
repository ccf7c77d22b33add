-- One row per month end and scope value (the company, and each segment, sector, country and
-- sales rep, '(none)' where a client has none): the month's receivables, not-due part, gross
-- sales, write-offs and the invoices settled in it (amount and amount-weighted days to pay and
-- late), every month end for every scope value so that a month without sales still counts.
-- kpi_monthly computes its ratios from these rows, int_kpi_countback its countback DSO.
with scopes as (
  select client_id, 'company' as scope, 'all' as scope_value from int_all_clients
  union all select client_id, 'segment', coalesce(segment, '(none)') from int_all_clients
  union all select client_id, 'sector', coalesce(sector, '(none)') from int_all_clients
  union all select client_id, 'country', coalesce(country, '(none)') from int_all_clients
  union all select client_id, 'sales_rep', coalesce(sales_rep, '(none)') from int_all_clients
),

-- The client's value in each scope.
client_scope_values as (
  select client_id, coalesce(segment, '(none)') as segment, coalesce(sector, '(none)') as sector,
         coalesce(country, '(none)') as country, coalesce(sales_rep, '(none)') as sales_rep
  from int_all_clients
),

-- The month-end ageing (what ageing_monthly publishes) and the month's activity, summed per month
-- and combination of scope values (some thousands), not per client month: summing the 2.7 million
-- positions of 1M invoices into 360,000 client months, joining those to the activity and each to
-- its five scope rows took most of the model's time. DECIMAL sums, exact in any grouping.
balances as (
  select positions.month_end, clients.segment, clients.sector, clients.country, clients.sales_rep,
         sum(positions.open_amount) as receivables,
         sum(positions.open_amount) filter (where positions.bucket = 'not_due') as not_due
  from int_invoice_month_ends as positions
  join client_scope_values as clients using (client_id)
  group by all
),

activity as (
  select activity.month_end, clients.segment, clients.sector, clients.country, clients.sales_rep,
         sum(activity.sales_amount) as sales, sum(activity.writeoff_amount) as writeoffs,
         sum(activity.settled_amount) as settled, sum(activity.settled_days_to_pay_weighted) as days_to_pay_weighted,
         sum(activity.settled_days_late_weighted) as days_late_weighted
  from int_client_month_activity as activity
  join client_scope_values as clients using (client_id)
  where activity.month_end in (select month_end from int_month_ends)
  group by all
),

scope_values as (
  select distinct scope, scope_value from scopes
),

-- Each combination's sums added into its five scope values at once (grouping sets).
scope_sums as (
  select month_end,
         case when grouping(segment) = 0 then 'segment' when grouping(sector) = 0 then 'sector'
              when grouping(country) = 0 then 'country' when grouping(sales_rep) = 0 then 'sales_rep' else 'company' end as scope,
         coalesce(segment, sector, country, sales_rep, 'all') as scope_value,
         sum(receivables) as receivables, sum(not_due) as not_due, sum(sales) as sales, sum(writeoffs) as writeoffs,
         sum(settled) as settled, sum(days_to_pay_weighted) as days_to_pay_weighted, sum(days_late_weighted) as days_late_weighted
  from (select * from balances union all by name select * from activity)
  group by grouping sets ((month_end), (month_end, segment), (month_end, sector), (month_end, country), (month_end, sales_rep))
),

scope_months as (
  -- Every month end for every scope value, so that a month without sales still counts.
  select grid.month_end, grid.scope, grid.scope_value, day(grid.month_end) as days_in_month,
         coalesce(m.receivables, 0) as receivables, coalesce(m.not_due, 0) as not_due,
         coalesce(m.sales, 0) as sales, coalesce(m.writeoffs, 0) as writeoffs,
         coalesce(m.settled, 0) as settled, coalesce(m.days_to_pay_weighted, 0) as days_to_pay_weighted,
         coalesce(m.days_late_weighted, 0) as days_late_weighted
  from (select * from int_month_ends cross join scope_values) as grid
  left join scope_sums as m
    on m.month_end = grid.month_end and m.scope = grid.scope and m.scope_value = grid.scope_value
)

select * from scope_months
