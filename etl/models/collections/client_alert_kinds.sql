-- One row per client and kind of alert, for the client's page: how many alerts of that kind, since
-- when the first, and the sum of their amounts (the open amount of the invoices more than 60 or 90
-- days past due, the amount not received of broken promises). A roll-up of `alerts`: a kind with one
-- alert is worded from that alert's own row.
with final as (
  select client_id, alert, count(*)::integer as alert_count, min(first_seen_date) as first_seen_date,
         sum(amount)::decimal(18, 2) as amount
  from alerts
  group by client_id, alert
)

select * from final
order by client_id, first_seen_date desc, alert
