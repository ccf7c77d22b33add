-- One row per month end and ageing bucket: the flow of the invoices that were in the bucket at the
-- previous month end. Flow rate = part still open and in a later bucket this month end / balance
-- last month end; write-off rate = part written off during the month / balance last month end;
-- loss rate 12m = part written off within the 12 months after this month end / balance now
-- (the cumulative loss of the bucket, observed per invoice rather than multiplied along the chain;
-- NULL until 12 months have passed).
-- month_end + 1 is the next day as a DATE; + interval 1 day made a TIMESTAMP of each of the 2.6
-- million positions (1M invoices) before last_day, a fifth of the model's time, for the same date.
with previous as (
  select month_end, last_day(month_end + 1) as next_month_end, invoice_id, bucket, bucket_order, open_amount
  from int_invoice_month_ends
  where kind = 'invoice' and open_amount > 0
),

-- Only a position past the first bucket (0, not due) can be in a later bucket than the month
-- before: the others are left out of the join, whose side to build they halve (1.3 of 2.6 million
-- positions at 1M invoices); their pairs counted 0 rolled forward, as an unmatched position does.
current_positions as (
  select month_end, invoice_id, bucket_order, open_amount from int_invoice_month_ends where kind = 'invoice' and bucket_order > 0
),

-- Written off during the month that ends at next_month_end.
written_off as (
  select last_day(allocation_date) as next_month_end, invoice_id, sum(amount) as amount
  from int_allocations
  where source_kind = 'writeoff'
  group by all
),

flows as (
  select previous.next_month_end as month_end, previous.bucket, previous.bucket_order,
         sum(previous.open_amount) as opening_balance_amount,
         sum(case when current_positions.bucket_order > previous.bucket_order then least(current_positions.open_amount, previous.open_amount) else 0 end) as rolled_forward_amount,
         sum(coalesce(written_off.amount, 0)) as written_off_amount
  from previous
  left join current_positions
    on current_positions.invoice_id = previous.invoice_id and current_positions.month_end = previous.next_month_end
  left join written_off on written_off.invoice_id = previous.invoice_id and written_off.next_month_end = previous.next_month_end
  where previous.next_month_end <= getvariable('as_of_date')
  group by all
),

final as (
  select flows.month_end, flows.bucket, flows.bucket_order,
         flows.opening_balance_amount::decimal(18, 2) as opening_balance_amount,
         flows.rolled_forward_amount::decimal(18, 2) as rolled_forward_amount,
         flows.written_off_amount::decimal(18, 2) as written_off_amount,
         (flows.rolled_forward_amount / flows.opening_balance_amount)::double as flow_rate,
         (flows.written_off_amount / flows.opening_balance_amount)::double as writeoff_rate,
         case when outcomes.is_outcome_known then outcomes.written_off_12m_amount / outcomes.balance_amount end::double as loss_rate_12m
  from flows
  left join int_bucket_outcomes as outcomes using (month_end, bucket)
)

select * from final
order by month_end, bucket_order
