-- One row per month end, client and ageing bucket: the IFRS 9 provision-matrix provision =
-- open balance × loss rate of the bucket known at that month end × forward-looking factor; basis
-- says whether that rate was observed or the prudent default of a young history (int_loss_rates).
-- The balance is on the provisions' one base (provision_base_amount: excluding recoverable VAT
-- unless provisions.vatRecoverable is off), the same as the specific provisions'.
with balances as (
  select month_ends.month_end, month_ends.client_id, month_ends.bucket, any_value(month_ends.bucket_order) as bucket_order,
         sum(provision_base_amount(month_ends.open_amount, invoices.amount, invoices.amount_excl_tax)) as open_amount
  from int_invoice_month_ends as month_ends
  join int_invoices as invoices using (invoice_id)
  group by month_ends.month_end, month_ends.client_id, month_ends.bucket
),

matrix as (
  select ageing.month_end, 'matrix' as method, ageing.bucket, ageing.bucket_order, ageing.client_id,
         greatest(ageing.open_amount, 0) as balance_amount, rates.loss_rate as rate, rates.rate_source as basis
  from balances as ageing
  join int_loss_rates as rates on rates.estimated_at = ageing.month_end and rates.bucket = ageing.bucket
  where ageing.open_amount > 0
),

final as (
  select month_end, method, bucket, bucket_order, client_id, balance_amount, rate,
         balance_amount * rate * getvariable('forward_looking_factor') as amount, basis
  from matrix
)

select * from final
