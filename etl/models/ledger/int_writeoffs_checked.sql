-- One row per write-off line: of the write-offs file(s) (stg_writeoffs), with what makes it
-- unusable, and of a FEC (client lines against 654: credits are write-offs, debits their
-- reversals); piece_ref is a FEC line's PieceRef. amount is in the document's currency,
-- company_amount in the company's where the source gives it (int_writeoffs converts the others). reject_reason says why a line cannot be used,
-- as a reason(code, field, ref, n, parts) (macros.sql); int_writeoffs keeps the others, quality
-- lists them.
with staged as (
  select * from stg_writeoffs
),

checked as (
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
    currency,
    -- The export's amount in the company currency; int_writeoffs converts the others.
    company_amount,
    case
      when client_id is null then reason('missing_client_id')
      when writeoff_date is null
        then reason('date_unreadable', field := 'writeoff_date', ref := coalesce(writeoff_date_text, ''), parts := [getvariable('date_format')])
      when is_implausible_date(writeoff_date) then reason('date_implausible', field := 'writeoff_date', ref := writeoff_date)
      when amount is null
        then reason('amount_' || coalesce(amount_read.problem_code, 'not_a_number'), field := 'amount', ref := coalesce(amount_text, ''), parts := [amount_read.currency])
      when amount = 0 then reason('zero_amount', field := 'amount')
      when company_amount_text is not null and company_amount is null
        then reason('amount_' || coalesce(company_amount_read.problem_code, 'not_a_number'), field := 'amount_company_currency', ref := company_amount_text, parts := [company_amount_read.currency])
      when row_number() over (partition by writeoff_id order by source_file, line) > 1 then reason('duplicate_id', field := 'writeoff_id', ref := writeoff_id)
    end as reject_reason,
    null::struct(code varchar, field varchar, ref varchar, number bigint, parts varchar[]) as warning
  from staged
),

-- Client lines of a FEC booked against an irrecoverable-loss account (654): credits (write-offs)
-- and debits (their reversals), in their currency (Montantdevise, Idevise) and in the company's.
fec as (
  select source_file, line, item_id, client_id, item_date, -coalesce(currency_amount, signed_amount), null::varchar,
         piece_ref, letter_code, letter_date, currency, -signed_amount, null, null
  from int_fec_lines_checked
  where item_kind = 'writeoff'
),

final as (
  select * from checked
  union all
  select * from fec
)

select * from final
