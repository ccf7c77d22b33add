-- One row per usable line of the collections log dated on or before the as-of date. Later models
-- read the log here, never stg_actions.
with source as (
  select * from stg_actions
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null and action_date <= getvariable('as_of_date')
)

select * from final
