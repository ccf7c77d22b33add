-- One row per line (CSV) or record (JSON) of the e-invoicing status exports (stg_invoice_statuses),
-- with the status as its code of the lifecycle (read from the code, else from the label).
-- reject_reason says why a line cannot be used, warning what was read in its place, each as a
-- reason(code, field, ref, n, parts) (macros.sql); int_invoice_statuses keeps the usable lines,
-- quality lists the others.
with staged as (
  select * from stg_invoice_statuses
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
    -- The dispute reason a refusal's or a dispute's reason code and text read as.
    coalesce(dispute_reason_of(reason_code), dispute_reason_of(reason), 'other') as dispute_reason,
    case
      when invoice_id is null then reason('missing_invoice_number')
      when status_date is null then reason('status_date_unreadable', field := 'status_date', ref := coalesce(status_date_text, ''), parts := [getvariable('date_format')])
      when is_implausible_date(status_date) then reason('date_implausible', field := 'status_date', ref := status_date)
      when code_read is null and label_read is null then reason('status_unknown', ref := concat_ws(' ', status_code_text, status_label))
    end as reject_reason,
    case
      when code_read is null and status_code_text is not null
        then reason('status_code_unknown', ref := status_code_text, parts := [status_label, label_read])
      when code_read <> label_read then reason('status_code_label_disagree', ref := code_read, parts := [status_label])
    end as warning
  from staged
)

select * from final
