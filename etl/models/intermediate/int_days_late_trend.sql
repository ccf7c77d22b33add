-- One row per client and reference date (each month end, and the as-of date): the amount-weighted
-- average days late of its invoices settled in the 3 and in the 12 months up to that date.
with settled as (
  select invoices.client_id, history.valid_from as settled_date,
         history.valid_from - invoices.due_date as days_late, invoices.amount
  from int_invoice_balance_history as history
  join int_invoices as invoices using (invoice_id)
  where invoices.kind = 'invoice' and history.open_amount = 0 and history.valid_to is null
),

reference_dates as (
  select month_end as reference_date from int_month_ends
  union
  select getvariable('as_of_date')
),

windows as (
  select reference_dates.reference_date, settled.client_id, settled.days_late, settled.amount,
         settled.settled_date > reference_dates.reference_date - interval 3 month as is_last_3_months
  from reference_dates
  join settled
    on settled.settled_date <= reference_dates.reference_date
   and settled.settled_date > reference_dates.reference_date - interval 12 month
),

final as (
  select
    reference_date,
    client_id,
    sum(days_late * amount) filter (where is_last_3_months) / sum(amount) filter (where is_last_3_months) as days_late_3m,
    sum(days_late * amount) / sum(amount) as days_late_12m,
    count(*) filter (where is_last_3_months) as settled_3m,
    count(*) as settled_12m
  from windows
  group by reference_date, client_id
)

select * from final
