-- One row per usable payment (open-items payments file and FEC payment lines), whatever its
-- date; models that need the as-of cut apply it. Later models read payments here, never
-- int_payments_checked, so a rejected line cannot be counted.
with source as (
  select * from int_payments_checked
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
