-- One row per client and month end at which it had an invoice open: what it owed and how late
-- (the amounts beyond watch_days_past_due and default_days_past_due, 60 and 90 days: macros.sql).
-- Open amounts come from the allocations dated up to the month end (int_invoice_month_ends),
-- never from a later "paid" status.
select
  month_end,
  client_id,
  sum(open_amount) as open_amount,
  greatest(0, max(month_end - due_date)) as max_days_past_due,
  coalesce(sum(open_amount) filter (where month_end - due_date > watch_days_past_due()), 0) as open_over_60_amount,
  coalesce(sum(open_amount) filter (where month_end - due_date > default_days_past_due()), 0) as open_over_90_amount
from int_invoice_month_ends
where kind = 'invoice' and open_amount > 0
group by month_end, client_id
