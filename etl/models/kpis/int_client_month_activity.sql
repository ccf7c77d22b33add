-- One row per client and month end with activity in that month: sales (invoices and credit notes
-- issued), write-offs, and the invoices paid in full in the month (int_payment_history: not those
-- closed by a write-off) with their amount-weighted days to pay and days late (signed).
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
  select client_id, last_day(paid_date) as month_end,
         sum(amount) as settled_amount,
         count(*) as settled_count,
         sum(amount * days_to_pay) as settled_days_to_pay_weighted,
         sum(amount * days_late) as settled_days_late_weighted
  from int_payment_history
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
