-- One row per usable invoice or credit note issued on or before the as-of date.
with source as (
  select * from stg_invoices
),

final as (
  select * exclude (reject_reason, warning, paid_date, paid_amount)
  from source
  where reject_reason is null
    and issue_date <= getvariable('as_of_date')
)

select * from final
