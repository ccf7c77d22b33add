-- One row per client under a collective procedure: its judgment date, the claim deadline of its
-- dunning rows (judgment + 2 months; NULL when the judgment date is unknown or nothing is open),
-- the last day to ask for relief from the foreclosure (judgment + 6 months, L622-26), and what of
-- its claim is foreclosed (dunning's claim_foreclosed invoices: not declared, the relief window
-- closed, to write off) — the collections page's list of foreclosed claims. Only the invoices issued
-- by the judgment count (dunning.is_post_judgment: a claim born after it is payable when due,
-- L622-17, and never foreclosed; its rows carry no deadline).
-- A roll-up of `client_risk` and `dunning`.
with claims as (
  -- The same deadlines on each of the client's dunning rows.
  select client_id, any_value(claim_deadline_date) as claim_deadline_date, any_value(is_claim_deadline_passed) as is_claim_deadline_passed,
         any_value(relief_deadline_date) as relief_deadline_date
  from dunning where claim_deadline_date is not null group by client_id
),

foreclosed as (
  select client_id, count(*)::integer as foreclosed_invoice_count, sum(open_amount)::decimal(18, 2) as foreclosed_amount
  from dunning where stage = 'claim_foreclosed' group by client_id
),

final as (
  select risk.client_id, risk.collective_procedure, risk.procedure_date, claims.claim_deadline_date, claims.is_claim_deadline_passed,
         claims.relief_deadline_date,
         coalesce(foreclosed.foreclosed_invoice_count, 0) as foreclosed_invoice_count,
         coalesce(foreclosed.foreclosed_amount, 0)::decimal(18, 2) as foreclosed_amount
  from client_risk as risk
  left join claims using (client_id)
  left join foreclosed using (client_id)
  where risk.collective_procedure is not null
)

select * from final
order by client_id
