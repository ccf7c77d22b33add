-- One row per client at the as-of date: its recommended credit limit and its exposure.
-- Recommended limit = average monthly sales of the last 12 months × (its usual terms in days + 30)
-- / 30 × the grade factor (A 1, B 0.8, C 0.6, D 0.3, E 0), capped by insured limit + guarantees
-- when the client has an insured limit, rounded down to 500. Usual terms = median of due date −
-- issue date of its invoices of the last 12 months. Exposure = open receivables; usage = exposure /
-- granted credit limit; uninsured exposure = exposure beyond insured limit + guarantees.
with sales as (
  select client_id, sum(amount) / 12 as monthly_sales, median(due_date - issue_date) as terms_days
  from int_invoices
  where kind = 'invoice' and issue_date > getvariable('as_of_date') - interval 12 month
  group by client_id
),

grades as (
  select client_id, grade from client_scores where month_end = (select max(month_end) from client_scores)
),

final as (
  select
    clients.client_id,
    grades.grade,
    coalesce(sales.monthly_sales, 0)::decimal(18, 2) as monthly_sales_amount,
    sales.terms_days::integer as terms_days,
    least(
      coalesce(sales.monthly_sales, 0) * (coalesce(sales.terms_days, 30) + 30) / 30
        * case coalesce(grades.grade, 'C') when 'A' then 1 when 'B' then 0.8 when 'C' then 0.6 when 'D' then 0.3 else 0 end,
      case when clients.insured_limit is not null then clients.insured_limit + coalesce(clients.guarantee_amount, 0) end
    ) as uncapped,
    clients.credit_limit,
    clients.insured_limit,
    clients.guarantee_amount,
    clients.receivables_amount as exposure_amount
  from clients
  left join sales using (client_id)
  left join grades using (client_id)
)

select
  client_id, grade, monthly_sales_amount, terms_days,
  (floor(uncapped / 500) * 500)::decimal(18, 2) as recommended_limit_amount,
  credit_limit, insured_limit, exposure_amount,
  (exposure_amount / nullif(credit_limit, 0))::double as limit_usage,
  coalesce(exposure_amount > credit_limit, false) as is_over_limit,
  greatest(0, exposure_amount - coalesce(insured_limit, 0) - coalesce(guarantee_amount, 0))::decimal(18, 2) as uninsured_exposure_amount
from final
order by client_id
