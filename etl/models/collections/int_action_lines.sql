-- One row per usable line of the collections log, whatever its date. int_actions cuts these at
-- the as-of date and int_after_as_of lists what the cut leaves out, both from the same valid rows.
with source as (
  select * from int_actions_checked
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
