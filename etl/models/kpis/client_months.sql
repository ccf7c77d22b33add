-- One row per client and month end of the 12 months up to the as-of date's month, for every client
-- with any activity in them: what was billed and credited (by issue date), what was paid (by payment
-- date), and the invoices settled in the month (paid in full by payments and credit notes; not those
-- a write-off closed) with their amount-weighted average days late and days to pay. Exports that
-- date no payment at all (an open-balance snapshot, an aged-balance report read as invoices) leave
-- what was paid unknown (NULL), not 0. A roll-up of the marts `invoices` and `payments` up to the
-- as-of date.
with bounds as (
  select getvariable('as_of_date') as as_of, last_day(getvariable('as_of_date') - interval 12 month)::date as before_start
),

billed as (
  select client_id, last_day(issue_date) as month_end,
         count(*) filter (where kind = 'invoice') as invoice_count,
         coalesce(sum(amount) filter (where kind = 'invoice'), 0) as invoiced_amount,
         coalesce(sum(amount) filter (where kind = 'credit_note'), 0) as credited_amount
  from invoices, bounds where issue_date > before_start and issue_date <= as_of group by all
),

settled as (
  select client_id, last_day(settled_date) as month_end, count(*) as settled_invoice_count,
         sum(amount * days_late) / nullif(sum(amount), 0) as avg_days_late,
         sum(amount * days_to_pay) / nullif(sum(amount), 0) as avg_days_to_pay
  from invoices, bounds where kind = 'invoice' and settled_date > before_start and settled_date <= as_of group by all
),

paid as (
  select client_id, last_day(payment_date) as month_end, count(*) as payment_count, sum(amount) as paid_amount
  from payments, bounds where payment_date > before_start and payment_date <= as_of group by all
),

active as (
  select client_id from billed union select client_id from settled union select client_id from paid
),

months as (
  select last_day(before_start + to_months(i::integer))::date as month_end from bounds, range(1, 13) as r(i)
),

-- Whether the exports date payments at all: without any, a month's payments are not known to be none.
payments_dated as (
  select exists (select 1 from payments) as is_known
),

final as (
  select active.client_id, months.month_end,
         coalesce(billed.invoice_count, 0)::integer as invoice_count,
         coalesce(billed.invoiced_amount, 0)::decimal(18, 2) as invoiced_amount,
         coalesce(billed.credited_amount, 0)::decimal(18, 2) as credited_amount,
         case when payments_dated.is_known then coalesce(paid.payment_count, 0) end::integer as payment_count,
         case when payments_dated.is_known then coalesce(paid.paid_amount, 0) end::decimal(18, 2) as paid_amount,
         coalesce(settled.settled_invoice_count, 0)::integer as settled_invoice_count,
         settled.avg_days_late::double as avg_days_late,
         settled.avg_days_to_pay::double as avg_days_to_pay
  from active cross join months cross join payments_dated
  left join billed using (client_id, month_end)
  left join settled using (client_id, month_end)
  left join paid using (client_id, month_end)
)

select * from final
order by client_id, month_end
