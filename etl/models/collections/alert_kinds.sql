-- One row per kind of alert at the as-of date, the most costly first: how many alerts, for how many
-- clients, and the amount at stake. A roll-up of `alerts`.
-- At stake: the sum of the alerts' own money at risk (`alerts.amount`, one measure for every alert:
-- an invoice's open amount for overdue_60 and overdue_90, the exposure beyond the limit, the unpaid
-- part of a broken promise, the client's overdue amount or receivables), never recomputed here. The
-- money of one invoice, or of one client when the alert names no invoice, is counted once per kind:
-- a client's alerts of a kind without an invoice measure the client's money (two broken promises of
-- a client made one after the other mostly cover the same open invoices), so the largest of them
-- counts, not their sum; invoices beyond 60 or 90 days are one alert each and add up.
with money as (
  select alert, client_id, invoice_id, max(amount) as amount
  from alerts
  group by alert, client_id, invoice_id
),

at_stake as (
  select alert, sum(amount) as amount from money group by alert
),

kinds as (
  select alert, count(*) as alert_count, count(distinct client_id) as client_count
  from alerts group by alert
),

final as (
  select kinds.alert, kinds.alert_count::integer as alert_count, kinds.client_count::integer as client_count,
         coalesce(at_stake.amount, 0)::decimal(18, 2) as at_stake_amount
  from kinds join at_stake using (alert)
)

select * from final
order by at_stake_amount desc, alert_count desc, alert
