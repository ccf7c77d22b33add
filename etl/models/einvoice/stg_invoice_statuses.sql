-- One row per line (CSV) or record (JSON) of the e-invoicing status exports (raw_statuses), typed:
-- the invoice, the status as its code of the lifecycle (200 Déposée … 214 Visée, read from the
-- code, else from the label: einvoice_status_of_code / _label in macros.sql), its date (the
-- date format of the exports, or ISO 8601 as platforms write it, a time of day dropped), and the
-- reason a refusal or a dispute gives (its code and text).
-- Typed only: int_invoice_statuses_checked says what does not read.
with source as (
  select * from raw_statuses
),

final as (
  select
    source_file,
    line,
    nullif(trim(invoice_id), '') as invoice_id,
    nullif(trim(client_id), '') as client_id,
    coalesce(parse_date(trim(status_date)),
             case when regexp_matches(trim(status_date), '^\d{4}-\d{2}-\d{2}[T ]') then parse_date(left(trim(status_date), 10)) end) as status_date,
    einvoice_status_of_code(status_code) as code_read,
    einvoice_status_of_label(status_label) as label_read,
    nullif(trim(status_label), '') as status_label,
    nullif(trim(reason_code), '') as reason_code,
    nullif(trim(reason), '') as reason,
    status_date as status_date_text,
    nullif(trim(status_code), '') as status_code_text
  from source
)

select * from final
