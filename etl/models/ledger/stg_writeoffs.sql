-- One row per write-off line: of the write-offs file(s), typed, and of a FEC (client lines
-- against 654). The amount keeps its sign: a write-off is positive (a credit to the client), a
-- negative line is the reversal of a write-off (a FEC debit of the client against 654), which
-- int_writeoff_reversals matches to the write-off it cancels; piece_ref is a FEC line's PieceRef.
-- A file that writes its write-offs as negative amounts (a credit to the client, as some
-- ledgers export them) is read with its signs turned, so that its positive lines are the
-- reversals. The convention is told by the first line of each invoice's write-off history (a
-- reversal always comes after the write-off it cancels): negative on most of them, the file's
-- write-offs are negative. Counting every line instead would let a file with many reversals
-- turn itself over. A write-off without an id is named after its
-- file and line. reject_reason says why a line cannot be used, as a reason(code, field, ref, n, parts)
-- (macros.sql).
with source as (
  select * from raw_writeoffs
),

-- The amount read once under its file's decimal sign: {value, problem} (see read_amount).
amounts as (
  select *, read_amount(amount, decimal_sign) as amount_read
  from source
),

-- The sign of the first non-zero line of each client's invoice (or of a write-off naming none).
first_lines as (
  select source_file, sign(arg_min(amount_read.value, (writeoff_date, line))) as first_sign
  from amounts
  where amount_read.value <> 0
  group by source_file, client_id, coalesce(invoice_id, writeoff_id, line::varchar)
),

-- The file's sign convention: -1 when most of those first lines are negative.
conventions as (
  select source_file,
         case when count(*) filter (where first_sign < 0) > count(*) filter (where first_sign > 0) then -1 else 1 end as file_sign
  from first_lines
  group by source_file
),

signed as (
  select amounts.*, coalesce(conventions.file_sign, 1) as file_sign
  from amounts
  left join conventions using (source_file)
),

typed as (
  select
    source_file,
    line,
    coalesce(writeoff_id, source_file || ':' || line) as writeoff_id,
    client_id,
    parse_date(writeoff_date) as writeoff_date,
    amount_read.value * file_sign as amount,
    invoice_id,
    writeoff_date as writeoff_date_text,
    amount as amount_text,
    amount_read
  from signed
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
      when client_id is null then reason('missing_client_id')
      when writeoff_date is null
        then reason('date_unreadable', field := 'writeoff_date', ref := coalesce(writeoff_date_text, ''), parts := [getvariable('date_format')])
      when is_implausible_date(writeoff_date) then reason('date_implausible', field := 'writeoff_date', ref := writeoff_date)
      when amount is null
        then reason('amount_' || coalesce(amount_read.problem_code, 'not_a_number'), field := 'amount', ref := coalesce(amount_text, ''), parts := [amount_read.currency])
      when amount = 0 then reason('writeoff_zero', field := 'amount')
      when row_number() over (partition by writeoff_id order by source_file, line) > 1 then reason('duplicate_id', field := 'writeoff_id', ref := writeoff_id)
    end as reject_reason,
    null::struct(code varchar, field varchar, ref varchar, number bigint, parts varchar[]) as warning
  from typed
),

-- Client lines of a FEC booked against an irrecoverable-loss account (654): credits (write-offs)
-- and debits (their reversals).
fec as (
  select source_file, line, item_id, client_id, item_date, -signed_amount, null::varchar,
         piece_ref, letter_code, letter_date, null, null
  from stg_fec_lines
  where item_kind = 'writeoff'
)

select * from final
union all
select * from fec
