-- One row per usable write-off line (open-items write-offs file and FEC client lines against 654),
-- whatever its date: a write-off (amount > 0), or the reversal of one (amount < 0), which never
-- counts as a write-off of its own: int_writeoff_reversals matches it to the write-off it cancels.
-- Later models read write-offs here, never stg_writeoffs.
with source as (
  select * from stg_writeoffs
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
