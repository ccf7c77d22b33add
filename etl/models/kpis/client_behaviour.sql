-- One row per client: how it pays, at the as-of date. Days to pay and days late (signed: early
-- payment counts below zero) are amount-weighted over the invoices paid in full in the last 3, 6
-- and 12 months back from the as-of date (int_payment_history); the trend is the last 3 months'
-- days late minus the last 12 months' (positive = paying later than usual).
-- A roll-up of `clients` and `invoices`.
with settled as (
  select client_id, amount, days_to_pay, days_late,
         paid_date > getvariable('as_of_date') - interval 3 month as in_3m,
         paid_date > getvariable('as_of_date') - interval 6 month as in_6m
  from int_payment_history
  where paid_date > getvariable('as_of_date') - interval 12 month
),

payment_figures as (
  select
    client_id,
    sum(amount * days_to_pay) filter (where in_3m) / sum(amount) filter (where in_3m) as days_to_pay_3m,
    sum(amount * days_to_pay) filter (where in_6m) / sum(amount) filter (where in_6m) as days_to_pay_6m,
    sum(amount * days_to_pay) / sum(amount) as days_to_pay_12m,
    sum(amount * days_late) filter (where in_3m) / sum(amount) filter (where in_3m) as days_late_3m,
    sum(amount * days_late) filter (where in_6m) / sum(amount) filter (where in_6m) as days_late_6m,
    sum(amount * days_late) / sum(amount) as days_late_12m,
    avg(case when days_late > 0 then 1 else 0 end) as share_paid_late_12m,
    count(*) as invoices_settled_12m
  from settled
  group by client_id
),

issued as (
  select client_id, avg(case when is_disputed then 1 else 0 end) as dispute_rate_12m
  from invoices
  where kind = 'invoice' and issue_date > getvariable('as_of_date') - interval 12 month
  group by client_id
),

final as (
  select
    clients.client_id,
    payment_figures.days_to_pay_3m::double as days_to_pay_3m,
    payment_figures.days_to_pay_6m::double as days_to_pay_6m,
    payment_figures.days_to_pay_12m::double as days_to_pay_12m,
    payment_figures.days_late_3m::double as days_late_3m,
    payment_figures.days_late_6m::double as days_late_6m,
    payment_figures.days_late_12m::double as days_late_12m,
    (payment_figures.days_late_3m - payment_figures.days_late_12m)::double as days_late_trend,
    payment_figures.share_paid_late_12m::double as share_paid_late_12m,
    coalesce(payment_figures.invoices_settled_12m, 0)::integer as invoices_settled_12m,
    clients.max_days_past_due,
    issued.dispute_rate_12m::double as dispute_rate_12m
  from clients
  left join payment_figures using (client_id)
  left join issued using (client_id)
)

select * from final
order by client_id
