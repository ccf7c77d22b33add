-- One row per kind of alert at the as-of date, the most costly first: how many alerts, for how many
-- clients, and the amount at stake. A roll-up of `alerts` (and `clients` for the receivables).
-- At stake: the open amount of the invoices (overdue_60, overdue_90), the exposure beyond the limit
-- (over_limit), else the receivables of the clients concerned (grade, lateness, terms, …), each
-- client counted once per kind however many alerts of that kind it has.
with per_alert as (
  select alert, client_id,
         case when alert in ('overdue_60', 'overdue_90') then amount
              when alert = 'over_limit' then amount - limit_amount end as amount
  from alerts
),

client_alerts as (
  select distinct per_alert.alert, per_alert.client_id, clients.receivables_amount
  from per_alert join clients using (client_id)
  where per_alert.amount is null
),

client_receivables as (
  select alert, sum(receivables_amount) as amount from client_alerts group by alert
),

kinds as (
  select alert, count(*) as alert_count, count(distinct client_id) as client_count, sum(amount) as amount
  from per_alert group by alert
),

final as (
  select kinds.alert, kinds.alert_count::integer as alert_count, kinds.client_count::integer as client_count,
         coalesce(kinds.amount, client_receivables.amount, 0)::decimal(18, 2) as at_stake_amount
  from kinds left join client_receivables using (alert)
)

select * from final
order by at_stake_amount desc, alert_count desc, alert
