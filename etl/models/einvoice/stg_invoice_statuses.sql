-- One row per line (CSV) or record (JSON) of the e-invoicing status exports (raw_statuses), typed:
-- the invoice, the status as its code of the lifecycle (200 Déposée … 214 Visée, read from the
-- code, else from the label: einvoice_status_of_code / _label in macros.sql), its date (the
-- date format of the exports, or ISO 8601 as platforms write it, a time of day dropped), and the
-- reason a refusal or a dispute gives (its code and text, and the dispute reason they read as).
-- reject_reason says why a line cannot be used; warning, what was read in its place.
with source as (
  select * from raw_statuses
),

typed as (
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
),

final as (
  select
    source_file,
    line,
    invoice_id,
    client_id,
    status_date,
    coalesce(code_read, label_read) as status_code,
    status_label,
    reason_code,
    reason,
    coalesce(dispute_reason_of(reason_code), dispute_reason_of(reason), 'other') as dispute_reason,
    case
      when invoice_id is null then 'missing invoice number'
      when status_date is null then 'status date ''' || coalesce(status_date_text, '') || ''' does not match the date format ' || getvariable('date_format') || ' or ISO 8601'
      when is_implausible_date(status_date) then 'status date ' || status_date || ' is outside 1990–2099'
      when code_read is null and label_read is null
        then 'status ''' || concat_ws(' ', status_code_text, status_label) || ''' is not a code of the e-invoicing lifecycle (200–214) nor its label (Déposée, Refusée, En litige, Encaissée, Rejetée…)'
    end as reject_reason,
    case
      when code_read is null and status_code_text is not null
        then 'status code ''' || status_code_text || ''' is not one of 200–214; read from its label ''' || status_label || ''' as ' || label_read
      when code_read <> label_read
        then 'status code ' || code_read || ' and label ''' || status_label || ''' disagree; the code is read'
    end as warning
  from typed
)

select * from final
