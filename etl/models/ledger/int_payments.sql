-- One row per usable payment (open-items payments file and FEC payment lines), whatever its
-- date; models that need the as-of cut apply it. Later models read payments here, never
-- stg_payments, so a rejected line cannot be counted.
with source as (
  select * from stg_payments
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
