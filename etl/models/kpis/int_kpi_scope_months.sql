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

-- The month-end ageing (what ageing_monthly publishes) added up per client.
balances as (
  select month_end, client_id, sum(open_amount) as receivables,
         sum(open_amount) filter (where bucket = 'not_due') as not_due
  from int_invoice_month_ends
  group by all
),

client_months as (
  select coalesce(balances.month_end, activity.month_end) as month_end,
         coalesce(balances.client_id, activity.client_id) as client_id,
         coalesce(balances.receivables, 0) as receivables, coalesce(balances.not_due, 0) as not_due,
         coalesce(activity.sales_amount, 0) as sales, coalesce(activity.writeoff_amount, 0) as writeoffs,
         coalesce(activity.settled_amount, 0) as settled, coalesce(activity.settled_days_to_pay_weighted, 0) as days_to_pay_weighted,
         coalesce(activity.settled_days_late_weighted, 0) as days_late_weighted
  from balances
  full join (select * from int_client_month_activity where month_end in (select month_end from int_month_ends)) as activity
    using (month_end, client_id)
),

scope_values as (
  select distinct scope, scope_value from scopes
),

scoped_client_months as (
  select client_months.*, scopes.scope, scopes.scope_value
  from client_months join scopes using (client_id)
),

scope_months as (
  -- Every month end for every scope value, so that a month without sales still counts.
  select grid.month_end, grid.scope, grid.scope_value, day(grid.month_end) as days_in_month,
         coalesce(sum(m.receivables), 0) as receivables, coalesce(sum(m.not_due), 0) as not_due,
         coalesce(sum(m.sales), 0) as sales, coalesce(sum(m.writeoffs), 0) as writeoffs,
         coalesce(sum(m.settled), 0) as settled, coalesce(sum(m.days_to_pay_weighted), 0) as days_to_pay_weighted,
         coalesce(sum(m.days_late_weighted), 0) as days_late_weighted
  from (select * from int_month_ends cross join scope_values) as grid
  left join scoped_client_months as m
    on m.month_end = grid.month_end and m.scope = grid.scope and m.scope_value = grid.scope_value
  group by all
)

select * from scope_months
