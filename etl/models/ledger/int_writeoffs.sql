-- One row per usable write-off (open-items write-offs file and FEC lines credited against 654),
-- whatever its date. Later models read write-offs here, never stg_writeoffs.
with source as (
  select * from stg_writeoffs
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
