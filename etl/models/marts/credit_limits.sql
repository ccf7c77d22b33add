-- One row per client at the as-of date: its recommended credit limit and its exposure.
-- Credit limit: a recommended limit per client from its grade and sales volume (and capped by
-- external data such as an insured limit where present); exposure = open receivables + uninvoiced
-- orders where provided; over-limit and uninsured exposure are flagged.
-- Rule (config creditLimits): recommended = monthly sales (sales of the last limit_sales_months
-- months / that number) × (terms days + limit_margin_days) / 30 × grade factor (default A 1, B 0.8,
-- C 0.6, D 0.3, E 0), capped by insured limit + guarantees when the client has an insured limit,
-- rounded down to limit_rounding_amount. Terms days = median of due date − issue date of its
-- invoices in that window (30 when none). Grade = the client's latest score (C when never scored).
-- Exposure = open receivables (no order book in the exports yet); usage = exposure / granted
-- credit limit; uninsured exposure = exposure beyond insured limit + guarantees.
with sales as (
  select client_id, sum(amount) / getvariable('limit_sales_months') as monthly_sales, median(due_date - issue_date) as terms_days
  from int_invoices
  where kind = 'invoice' and issue_date > getvariable('as_of_date') - to_months(getvariable('limit_sales_months'))
    and issue_date <= getvariable('as_of_date')
  group by client_id
),

grades as (
  select client_id, arg_max(grade, month_end) as grade from client_scores group by client_id
),

limits as (
  select
    clients.client_id,
    grades.grade,
    coalesce(sales.monthly_sales, 0) as monthly_sales,
    sales.terms_days,
    coalesce(sales.monthly_sales, 0) * (coalesce(sales.terms_days, 30) + getvariable('limit_margin_days')) / 30
      * getvariable('limit_grade_factors')[coalesce(grades.grade, 'C')] as sales_based_limit,
    clients.insured_limit + coalesce(clients.guarantee_amount, 0) as cover_amount,
    clients.credit_limit,
    clients.insured_limit,
    clients.guarantee_amount,
    clients.receivables_amount as exposure_amount
  from clients
  left join sales using (client_id)
  left join grades using (client_id)
),

final as (
  select
    client_id, grade,
    monthly_sales::decimal(18, 2) as monthly_sales_amount,
    terms_days::integer as terms_days,
    sales_based_limit::decimal(18, 2) as sales_based_limit_amount,
    (floor(least(sales_based_limit, coalesce(cover_amount, sales_based_limit)) / getvariable('limit_rounding_amount'))
      * getvariable('limit_rounding_amount'))::decimal(18, 2) as recommended_limit_amount,
    credit_limit, insured_limit, guarantee_amount, exposure_amount,
    (exposure_amount / nullif(credit_limit, 0))::double as limit_usage,
    coalesce(exposure_amount > credit_limit, false) as is_over_limit,
    greatest(0, exposure_amount - coalesce(cover_amount, 0))::decimal(18, 2) as uninsured_exposure_amount
  from limits
)

select * from final
order by client_id
