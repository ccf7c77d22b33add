-- One row per usable line of a customer ledger (any date): the lines staging did not reject.
-- int_allocations_by_letter reads their lettering here, never from stg_ledger_lines, so a rejected
-- line cannot settle another.
with source as (
  select * from stg_ledger_lines
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
