-- One row per client and month end with activity in that month: sales (invoices and credit notes
-- issued), write-offs, and the invoices paid in full in the month with their amount-weighted days
-- to pay and days late (an invoice closed by a write-off was not paid: it is left out of these).
with sales as (
  select client_id, last_day(issue_date) as month_end, sum(amount) as sales_amount
  from int_invoices
  group by all
),

writeoffs as (
  select client_id, last_day(credit_date) as month_end, sum(amount) as writeoff_amount
  from int_credits
  where source_kind = 'writeoff'
  group by all
),

settled as (
  -- An invoice is paid on the day its open amount reached zero for good.
  select invoices.client_id, last_day(history.valid_from) as month_end,
         sum(invoices.amount) as settled_amount,
         count(*) as settled_count,
         sum(invoices.amount * (history.valid_from - invoices.issue_date)) as settled_days_to_pay_weighted,
         sum(invoices.amount * (history.valid_from - invoices.due_date)) as settled_days_late_weighted
  from int_invoice_balance_history as history
  join int_invoices as invoices using (invoice_id)
  where invoices.kind = 'invoice' and history.open_amount = 0 and history.valid_to is null
    and invoices.invoice_id not in (select invoice_id from int_allocations where source_kind = 'writeoff')
  group by all
),

final as (
  select client_id, month_end,
         coalesce(sales.sales_amount, 0) as sales_amount,
         coalesce(writeoffs.writeoff_amount, 0) as writeoff_amount,
         coalesce(settled.settled_amount, 0) as settled_amount,
         coalesce(settled.settled_count, 0) as settled_count,
         coalesce(settled.settled_days_to_pay_weighted, 0) as settled_days_to_pay_weighted,
         coalesce(settled.settled_days_late_weighted, 0) as settled_days_late_weighted
  from sales
  full join writeoffs using (client_id, month_end)
  full join settled using (client_id, month_end)
)

select * from final
