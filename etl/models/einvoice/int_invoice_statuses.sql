-- One row per usable e-invoicing status dated on or before the as-of date, with its invoice's
-- client (the ledger's; the export's client_id when the ledger does not know the invoice) and
-- what the status does here (docs/reference.md, "E-invoicing statuses"): 207 En litige and 210
-- Refusée open a dispute on the invoice; 205 Approuvée, 211 Paiement transmis and 212 Encaissée
-- close it (the client has accepted or paid); 213 Rejetée means the invoice was never validly
-- issued (int_rejected_invoices). The other codes only tell the invoice's way (the timeline).
-- Later models read the statuses here, never int_invoice_statuses_checked.
with statuses as (
  select * exclude (reject_reason, warning)
  from int_invoice_statuses_checked
  where reject_reason is null and status_date <= getvariable('as_of_date')
),

-- Invoices and credit notes of the ledger, whatever their date (a status may come before the
-- as-of cut of its invoice's issue: that is the issue's business, not the status's).
ledger as (
  select invoice_id, any_value(client_id) as client_id from int_invoice_lines group by invoice_id
),

final as (
  select
    statuses.source_file,
    statuses.line,
    statuses.invoice_id,
    coalesce(ledger.client_id, statuses.client_id) as client_id,
    ledger.invoice_id is not null as is_in_ledger,
    statuses.status_date,
    statuses.status_code,
    statuses.status_label,
    statuses.reason_code,
    statuses.reason,
    statuses.dispute_reason,
    statuses.status_code in ('207', '210') as opens_dispute,
    statuses.status_code in ('205', '211', '212') as closes_dispute
  from statuses
  left join ledger using (invoice_id)
)

select * from final
