-- One row per invoice of the ledger whose latest e-invoicing status at the as-of date is 213
-- Rejetée: the platform refused it at its compliance checks, so under the reform it was never
-- validly issued. It is left out of the receivables (int_invoices) and named in the quality
-- report. A later status (a 200 Déposée once corrected and submitted again under its number)
-- makes it an invoice again.
with ordered as (
  select
    invoice_id,
    any_value(client_id) as client_id,
    arg_max(status_code, (status_date, source_file, line)) as latest_code,
    arg_max(status_date, (status_date, source_file, line)) as status_date,
    arg_max(reason_code, (status_date, source_file, line)) as reason_code,
    arg_max(reason, (status_date, source_file, line)) as reason,
    arg_max(source_file, (status_date, source_file, line)) as source_file,
    arg_max(line, (status_date, source_file, line)) as line
  from int_invoice_statuses
  where is_in_ledger
  group by invoice_id
),

final as (
  select invoice_id, client_id, status_date as rejected_date, reason_code, reason, source_file, line
  from ordered
  where latest_code = '213'
)

select * from final
