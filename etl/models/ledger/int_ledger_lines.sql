-- One row per usable line of a customer ledger (any date): the lines int_ledger_lines_checked did
-- not reject. int_allocations_by_letter reads their lettering here, so a rejected line cannot
-- settle another. (The checked models of invoices, payments, write-offs and clients, which run
-- before the as-of date is known, read int_ledger_lines_checked by item kind, set only on a
-- usable line.)
with source as (
  select * from int_ledger_lines_checked
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
