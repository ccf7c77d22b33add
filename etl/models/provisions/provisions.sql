-- Provisions for doubtful receivables, two methods side by side.
-- Both methods are on one base (provision_base_amount, provisions.vatRecoverable): the open amount
-- excluding recoverable VAT — the export's amount excl. tax pro rata, else less the default VAT
-- rate — unless the setting says the VAT is not recoverable (then including it).
-- method 'matrix' (IFRS 9 simplified approach): one row per month end, client and ageing bucket:
--   provision = open balance × loss rate of the bucket × forward-looking factor, the loss rate being
--   the one known at that month end (int_loss_rates: written off within 12 months / balance, over
--   the look-back); with fewer than provision_min_history_months such month ends, the documented
--   prudent default rate of the bucket (basis 'prudent_default', else 'observed').
-- method 'specific' (French practice): one row per client, bucket and basis at the as-of date:
--   open invoices of doubtful clients or invoices, provisioned on their open amount (the base) at the rate
--   of their basis (highest rate when several apply): collective procedure named by the clients
--   file's legal status (collective_procedure_of: liquidation, receivership, safeguard) for the
--   invoices issued by the opening judgment (is_pre_judgment, macros.sql: the claims the procedure
--   holds; an invoice issued after it is a claim born after the judgment, payable when due, L622-17,
--   provisioned like any invoice: by the matrix, and specifically only on another basis — dispute,
--   days past due, doubtful in the books; the client's grade E moves no rate, the matrix has none), an invoice
--   whose claim is foreclosed in that procedure (dunning's stage claim_foreclosed: not declared, and
--   too late to ask for relief; basis 'foreclosed', 100 % by default), a client the books class
--   as doubtful (a FEC's 416 balance, int_doubtful_clients), dispute, or beyond the configured days
--   past due (180).
-- method 'booked' (from a FEC only): what the books hold, for comparison (int_booked_provisions):
--   the balance of the provision accounts (491) at each month end; no bucket, base or rate.
-- A roll-up of `clients`, `dunning` and `invoices`.
with doubtful_invoices as (
  select invoices.client_id, invoices.bucket, invoices.bucket_order, invoices.invoice_id,
         provision_base_amount(invoices.open_amount, invoices.amount, invoices.amount_excl_tax) as open_excl_tax,
         case when is_pre_judgment(invoices.issue_date, clients.procedure_date) then collective_procedure_of(clients.legal_status) end as status_basis,
         case when foreclosed.invoice_id is not null then 'foreclosed' end as foreclosed_basis,
         case when doubtful.client_id is not null then 'doubtful' end as doubtful_basis,
         case when invoices.is_disputed then 'dispute' end as dispute_basis,
         case when invoices.days_past_due > getvariable('specific_overdue_days') then 'overdue' end as overdue_basis
  from invoices
  join clients using (client_id)
  left join int_doubtful_clients as doubtful using (client_id)
  left join (select client_id, invoice_id from dunning where stage = 'claim_foreclosed') as foreclosed using (client_id, invoice_id)
  where invoices.kind = 'invoice' and invoices.open_amount > 0
),

bases as (
  select doubtful_invoices.*, rates.basis, rates.rate
  from doubtful_invoices
  join ref_specific_provision_rates as rates
    on rates.basis in (doubtful_invoices.status_basis, doubtful_invoices.foreclosed_basis, doubtful_invoices.doubtful_basis, doubtful_invoices.dispute_basis, doubtful_invoices.overdue_basis)
),

final as (
  select getvariable('as_of_date') as month_end, 'specific' as method, bucket, any_value(bucket_order) as bucket_order, client_id,
         sum(open_excl_tax) as balance_amount, max(rate) as rate, arg_max(basis, rate) as basis,
         sum((open_excl_tax * rate)::decimal(38, 8)) as amount
  from (select * from bases qualify row_number() over (partition by invoice_id order by rate desc, basis) = 1)
  group by client_id, bucket, basis
)

-- The balances are DECIMAL(38, 8), 128-bit: rounding them to cents divides 128-bit integers, which
-- took 1.6 s over the matrix's million rows (1M invoices). Through DECIMAL(18, 8) first (the same
-- value, exactly, wherever it fits in 64 bits) the rounding is a 64-bit division, the same
-- half-away-from-zero rule, 0.1 s; a balance too large for it takes the direct cast.
select month_end, method, bucket, bucket_order, client_id,
       amount::decimal(18, 2) as amount,
       case when balance_amount > -10000000000 and balance_amount < 10000000000
            then balance_amount::decimal(18, 8)::decimal(18, 2)
            else balance_amount::decimal(18, 2) end as balance_amount,
       rate::double as rate, basis
from (
  select * from int_provision_matrix
  union all
  select month_end, method, bucket, bucket_order, client_id, balance_amount, rate, amount, basis from final
  union all
  select month_end, 'booked', null, null, client_id, null, null, amount, null from int_booked_provisions
)
order by method, month_end, client_id, bucket_order
