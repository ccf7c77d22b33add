-- One row per client and basis of a specific provision (French practice) at the as-of date: its
-- buckets added up — the base excl. tax, the basis's rate and the provision — largest first, as
-- the provisions page lists them. Totals are in provision_summary.
-- A roll-up of `clients` and `provisions`.
with specific as (
  select client_id, basis, sum(balance_amount) as balance_amount, max(rate) as rate, sum(amount) as amount
  from provisions
  where method = 'specific'
  group by client_id, basis
),

final as (
  select specific.client_id, clients.name, specific.basis,
         specific.balance_amount::decimal(18, 2) as balance_amount,
         specific.rate::double as rate,
         specific.amount::decimal(18, 2) as amount
  from specific
  left join clients using (client_id)
)

select * from final
order by amount desc, client_id, basis
