-- One row per client under a collective procedure: its judgment date and the claim deadline of its
-- dunning rows (judgment + 2 months; NULL when the judgment date is unknown or nothing is open).
-- A roll-up of `client_risk` and `dunning`.
with claims as (
  -- The same deadline on each of the client's dunning rows.
  select client_id, any_value(claim_deadline_date) as claim_deadline_date, any_value(is_claim_deadline_passed) as is_claim_deadline_passed
  from dunning where claim_deadline_date is not null group by client_id
),

final as (
  select risk.client_id, risk.collective_procedure, risk.procedure_date, claims.claim_deadline_date, claims.is_claim_deadline_passed
  from client_risk as risk
  left join claims using (client_id)
  where risk.collective_procedure is not null
)

select * from final
order by client_id
