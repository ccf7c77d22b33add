-- One row per usable invoice or credit note line, whatever its date, with the settlement columns
-- (paid_date, paid_amount) an invoices file may carry. int_invoices cuts these at the as-of date
-- and int_after_as_of lists what the cut leaves out, both from the same valid rows. Later models
-- read invoice lines here (or int_invoices), never stg_invoices.
with source as (
  select * from stg_invoices
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
