-- One row per client and month end at which it had an invoice open: what it owed and how late.
-- Open amounts come from the allocations dated up to the month end (int_invoice_balance_history),
-- never from a later "paid" status.
with month_ends as (
  select month_end from int_month_ends
),

invoices as (
  select invoice_id, client_id, due_date from int_invoices where kind = 'invoice'
),

open_items as (
  select month_end, invoices.client_id, invoices.due_date, history.open_amount
  from int_invoice_balance_history as history
  join invoices using (invoice_id)
  join month_ends
    on history.valid_from <= month_ends.month_end
   and (history.valid_to is null or history.valid_to > month_ends.month_end)
  where history.open_amount > 0
),

final as (
  select
    month_end,
    client_id,
    sum(open_amount) as open_amount,
    greatest(0, max(month_end - due_date)) as max_days_past_due,
    coalesce(sum(open_amount) filter (where month_end - due_date > 60), 0) as open_over_60_amount
  from open_items
  group by month_end, client_id
)

select * from final
