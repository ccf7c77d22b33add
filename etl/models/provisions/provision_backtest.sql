-- One row per month end whose following 12 months have passed: the matrix provision estimated at
-- that month end (with the loss rates known then) against the write-offs that followed within 12
-- months on the invoices open at that month end, both on the provisions' base (provision_base_amount).
-- A roll-up of `provisions`.
with estimated as (
  select month_end, sum(amount) as provision_amount
  from provisions
  where method = 'matrix'
  group by month_end
),

realised as (
  select month_end, sum(written_off_12m_base_amount) as written_off_12m_amount
  from int_bucket_outcomes
  where is_outcome_known
  group by month_end
)

select estimated.month_end,
       estimated.provision_amount::decimal(18, 2) as provision_amount,
       realised.written_off_12m_amount::decimal(18, 2) as written_off_12m_amount,
       (realised.written_off_12m_amount / nullif(estimated.provision_amount, 0))::double as writeoff_to_provision_ratio
from estimated
join realised using (month_end)
order by month_end
