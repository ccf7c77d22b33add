-- One row per usable write-off line (open-items write-offs file, FEC client lines against 654 and a
-- customer ledger's write-offs), whatever its date: a write-off (amount > 0), or the reversal of one
-- (amount < 0), which never counts as a write-off of its own: int_writeoff_reversals matches it to
-- the write-off it cancels. Later models read write-offs here, never int_writeoffs_checked.
with source as (
  select * from int_writeoffs_checked
),

-- A customer ledger's write-offs (their problems are reported by int_ledger_lines_checked); by name, so
-- that a column int_writeoffs_checked gains is NULL here rather than shifted.
ledger as (
  select source_file, line, item_id as writeoff_id, client_id, entry_date as writeoff_date, -signed_amount as amount,
         null::varchar as invoice_id, letter_code, letter_date
  from int_ledger_lines_checked
  where item_kind = 'writeoff'
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
  union all by name
  select * from ledger
)

select * from final
