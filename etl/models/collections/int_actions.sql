-- One row per usable line of the collections log dated on or before the as-of date. Later models
-- read the log here, never stg_actions or int_actions_checked.
with source as (
  select * from int_action_lines
),

final as (
  select *
  from source
  where action_date <= getvariable('as_of_date')
)

select * from final
