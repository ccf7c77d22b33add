-- One row per client at the as-of date: its recommended credit limit and its exposure.
-- Credit limit: a recommended limit per client from its grade and sales volume (and capped by
-- external data such as an insured limit where present); exposure = open receivables + uninvoiced
-- orders where provided; over-limit and uninsured exposure are flagged.
-- Rule (config creditLimits): recommended = monthly sales (sales of the last limit_sales_months
-- months / that number) × (terms days + limit_margin_days) / 30 × grade factor (default A 1, B 0.8,
-- C 0.6, D 0.3, E 0), capped by insured limit + guarantees when the client has an insured limit,
-- rounded down to limit_small_rounding_amount (100) below limit_small_below (10,000) and to
-- limit_rounding_amount (1,000) above; a client graded A–C with sales never rounds down to 0: it
-- gets one small step (100). Terms days = median of due date − issue date of its invoices in that
-- window (defaultTermsDays, 30, when none). Grade = the client's one grade (client_risk: its latest score, or the
-- labelled fallback). A zero limit says why (zero_limit_reason): collective_procedure, grade_e,
-- insurer_refused (insured limit 0 and no guarantee), no_sales.
-- Exposure = open receivables (no order book in the exports yet); usage = exposure / granted
-- credit limit; uninsured exposure = exposure beyond insured limit + guarantees.
-- A roll-up of `client_risk` and `clients`.
with sales as (
  select client_id, sum(amount) / getvariable('limit_sales_months') as monthly_sales, median(due_date - issue_date) as terms_days
  from int_invoices
  where kind = 'invoice' and issue_date > getvariable('as_of_date') - to_months(getvariable('limit_sales_months'))
    and issue_date <= getvariable('as_of_date')
  group by client_id
),

limits as (
  select
    clients.client_id,
    risk.grade,
    risk.grade_source,
    risk.collective_procedure,
    coalesce(sales.monthly_sales, 0) as monthly_sales,
    sales.terms_days,
    coalesce(sales.monthly_sales, 0) * (coalesce(sales.terms_days, getvariable('default_terms_days')) + getvariable('limit_margin_days')) / 30
      * getvariable('limit_grade_factors')[coalesce(risk.grade, 'C')] as sales_based_limit,
    clients.insured_limit + coalesce(clients.guarantee_amount, 0) as cover_amount,
    clients.credit_limit,
    clients.insured_limit,
    clients.guarantee_amount,
    clients.receivables_amount as exposure_amount
  from clients
  left join sales using (client_id)
  left join client_risk as risk using (client_id)
),

capped as (
  select *,
         case when collective_procedure is not null then 0 else least(sales_based_limit, coalesce(cover_amount, sales_based_limit)) end as capped_limit
  from limits
),

rounded as (
  select *,
         case
           when capped_limit < getvariable('limit_small_below')
             then floor(capped_limit / getvariable('limit_small_rounding_amount')) * getvariable('limit_small_rounding_amount')
           else floor(capped_limit / getvariable('limit_rounding_amount')) * getvariable('limit_rounding_amount')
         end as rounded_limit
  from capped
),

final as (
  select
    client_id, grade, grade_source,
    monthly_sales::decimal(18, 2) as monthly_sales_amount,
    terms_days::integer as terms_days,
    sales_based_limit::decimal(18, 2) as sales_based_limit_amount,
    (case when rounded_limit = 0 and capped_limit > 0 and grade in ('A', 'B', 'C') then getvariable('limit_small_rounding_amount')
          else rounded_limit end)::decimal(18, 2) as recommended_limit_amount,
    case when rounded_limit > 0 or (capped_limit > 0 and grade in ('A', 'B', 'C')) then null
         when collective_procedure is not null then 'collective_procedure'
         when grade = 'E' or getvariable('limit_grade_factors')[grade] = 0 then 'grade_e'
         when insured_limit = 0 and coalesce(guarantee_amount, 0) = 0 then 'insurer_refused'
         when monthly_sales = 0 then 'no_sales'
         else 'below_rounding' end as zero_limit_reason,
    credit_limit, insured_limit, guarantee_amount, exposure_amount,
    (exposure_amount / nullif(credit_limit, 0))::double as limit_usage,
    coalesce(exposure_amount > credit_limit, false) as is_over_limit,
    coalesce(exposure_amount > cover_amount, false) as is_over_insured_limit,
    greatest(0, exposure_amount - coalesce(cover_amount, 0))::decimal(18, 2) as uninsured_exposure_amount
  from rounded
)

select * from final
order by client_id
