-- One row per e-invoicing status of an invoice dated on or before the as-of date, as the
-- accredited platform's export gives it: the code of the French lifecycle (200 Déposée … 214
-- Visée), the label and the reason as written, and what the code does here (effect):
-- opens_dispute (207 En litige, 210 Refusée: the dispute is in `disputes`, dunning paused),
-- closes_dispute (205 Approuvée, 211 Paiement transmis, 212 Encaissée end an open one),
-- rejects_invoice (213 Rejetée: never validly issued, left out of the receivables while it is the
-- invoice's latest status), none (the others tell the invoice's way). A 212 Encaissée on an
-- invoice the ledger shows with nothing settled is_cashed_not_in_ledger: the ledger is late (a
-- quality warning). The client page's timeline shows these rows.
-- A roll-up of `invoices`.
with statuses as (
  select * from int_invoice_statuses
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
      when statuses.closes_dispute then 'closes_dispute'
      when statuses.status_code = '213' then 'rejects_invoice'
      else 'none'
    end as effect,
    statuses.is_in_ledger,
    coalesce(statuses.status_code = '212' and invoices.open_amount >= invoices.amount, false) as is_cashed_not_in_ledger,
    statuses.source_file,
    statuses.line::integer as line
  from statuses
  left join invoices using (invoice_id)
)

select * from final
order by client_id, status_date desc, source_file, line desc
