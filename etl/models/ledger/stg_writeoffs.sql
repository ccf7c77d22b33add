-- One row per write-off line: of the write-offs file(s), typed, and of a FEC (client lines
-- against 654). The amount keeps its sign: a write-off is positive (a credit to the client), a
-- negative line is the reversal of a write-off (a FEC debit of the client against 654), which
-- int_writeoff_reversals matches to the write-off it cancels; piece_ref is a FEC line's PieceRef.
-- A write-off without an id is named after its file and line. reject_reason says why a line
-- cannot be used.
with source as (
  select * from raw_writeoffs
),

-- The amount read once under its file's decimal sign: {value, problem} (see read_amount).
amounts as (
  select *, read_amount(amount, decimal_sign) as amount_read
  from source
),

typed as (
  select
    source_file,
    line,
    coalesce(writeoff_id, source_file || ':' || line) as writeoff_id,
    client_id,
    parse_date(writeoff_date) as writeoff_date,
    amount_read.value as amount,
    invoice_id,
    writeoff_date as writeoff_date_text,
    amount as amount_text,
    amount_read.problem as amount_problem
  from amounts
),

final as (
  select
    source_file,
    line,
    writeoff_id,
    client_id,
    writeoff_date,
    amount,
    invoice_id,
    null::varchar as piece_ref,
    null::varchar as letter_code,
    null::date as letter_date,
    case
      when client_id is null then 'missing client id'
      when writeoff_date is null then 'write-off date ''' || coalesce(writeoff_date_text, '') || ''' does not match the date format ' || getvariable('date_format')
      when is_implausible_date(writeoff_date) then 'write-off date ' || writeoff_date || ' is outside 1990–2099'
      when amount is null then 'amount ''' || coalesce(amount_text, '') || ''' ' || coalesce(amount_problem, 'is not a number')
      when amount = 0 then 'amount is zero'
      when row_number() over (partition by writeoff_id order by source_file, line) > 1 then 'duplicate write-off id ' || writeoff_id || ' (the first line is kept)'
    end as reject_reason,
    null::varchar as warning
  from typed
),

-- Client lines of a FEC booked against an irrecoverable-loss account (654): credits (write-offs)
-- and debits (their reversals).
fec as (
  select source_file, line, item_id, client_id, item_date, -signed_amount, null::varchar,
         piece_ref, letter_code, letter_date, null::varchar, null::varchar
  from stg_fec_lines
  where item_kind = 'writeoff'
)

select * from final
union all
select * from fec
