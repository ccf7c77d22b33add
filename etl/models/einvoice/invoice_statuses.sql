-- One row per e-invoicing status of an invoice dated on or before the as-of date, as the
-- accredited platform's export gives it: the code of the French lifecycle (200 Déposée … 214
-- Visée), the label and the reason as written, and what the code does here (effect):
-- opens_dispute (207 En litige, 210 Refusée: the dispute is in `disputes`, dunning paused),
-- closes_dispute (205 Approuvée, 211 Paiement transmis, 212 Encaissée after one of those),
-- rejects_invoice (213 Rejetée: never validly issued, left out of the receivables while it is the
-- invoice's latest status), none (the others tell the invoice's way). A 212 Encaissée on an
-- invoice the ledger shows with nothing settled is_cashed_not_in_ledger: the ledger is late (a
-- quality warning). The client page shows the notable ones (is_notable): a status that does
-- something, or the latest status of an invoice still open; the routine steps of invoices long
-- settled stay in this table and its CSV.
-- A roll-up of `invoices`.
with statuses as (
  select * from int_invoice_statuses
),

-- Whether the invoice was in a platform dispute just before each status: the last status before
-- it that opens or closes one opened it.
sequenced as (
  select *,
         last_value(case when opens_dispute then 'open' when closes_dispute then 'closed' end ignore nulls)
           over (partition by invoice_id order by status_date, source_file, line rows between unbounded preceding and 1 preceding) as dispute_before
  from statuses
),

final as (
  select
    statuses.client_id,
    statuses.invoice_id,
    statuses.status_date,
    statuses.status_code,
    statuses.status_label,
    statuses.reason_code,
    statuses.reason,
    case when statuses.opens_dispute then statuses.dispute_reason end as dispute_reason,
    case
      when statuses.opens_dispute then 'opens_dispute'
      when statuses.closes_dispute and statuses.dispute_before = 'open' then 'closes_dispute'
      when statuses.status_code = '213' then 'rejects_invoice'
      else 'none'
    end as effect,
    statuses.is_in_ledger,
    coalesce(statuses.status_code = '212' and invoices.open_amount >= invoices.amount, false) as is_cashed_not_in_ledger,
    effect <> 'none' or is_cashed_not_in_ledger
      or (coalesce(invoices.open_amount, 0) <> 0
          and row_number() over (partition by statuses.invoice_id order by statuses.status_date desc, statuses.source_file desc, statuses.line desc) = 1)
      as is_notable,
    statuses.source_file,
    statuses.line::integer as line
  from sequenced as statuses
  left join invoices using (invoice_id)
)

select * from final
order by client_id, status_date desc, source_file, line desc
