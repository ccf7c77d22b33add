-- One row per payment line: of the payments file(s), typed, of a FEC (client credits that are
-- neither credit notes nor write-offs) and of a customer ledger (its payments). A payment without an id is named after its file and
-- line. reject_reason says why a line cannot be used.
with source as (
  select * from raw_payments
),

-- The amount read once under its file's decimal sign: {value, problem} (see read_amount).
amounts as (
  select *, read_amount(amount, decimal_sign) as amount_read,
         read_amount(amount_company_currency, decimal_sign) as company_amount_read
  from source
),

typed as (
  select
    source_file,
    line,
    coalesce(payment_id, source_file || ':' || line) as payment_id,
    client_id,
    parse_date(payment_date) as payment_date,
    amount_read.value as amount,
    invoice_id,
    upper(currency) as currency,
    company_amount_read.value as company_amount,
    payment_date as payment_date_text,
    amount as amount_text,
    amount_read.problem as amount_problem,
    amount_company_currency as company_amount_text,
    company_amount_read.problem as company_amount_problem
  from amounts
),

final as (
  select
    source_file,
    line,
    payment_id,
    client_id,
    payment_date,
    amount,
    invoice_id,
    null::varchar as letter_code,
    null::date as letter_date,
    currency,
    -- The export's amount in the company currency; int_payments converts the others.
    company_amount,
    case
      when client_id is null then 'missing client id'
      when payment_date is null then 'payment date ''' || coalesce(payment_date_text, '') || ''' does not match the date format ' || getvariable('date_format')
      when is_implausible_date(payment_date) then 'payment date ' || payment_date || ' is outside 1990–2099'
      when amount is null then 'amount ''' || coalesce(amount_text, '') || ''' ' || coalesce(amount_problem, 'is not a number')
      when amount <= 0 then 'amount is not positive (refunds are not read yet)'
      when company_amount_text is not null and company_amount is null
        then 'amount in the company currency ''' || company_amount_text || ''' ' || company_amount_problem
      when row_number() over (partition by payment_id order by source_file, line) > 1 then 'duplicate payment id ' || payment_id || ' (the first line is kept)'
    end as reject_reason,
    null::varchar as warning
  from typed
),

-- Client credits of a FEC that are neither credit notes nor write-offs, and brought-forward credits.
fec as (
  select source_file, line, item_id, client_id, item_date, -signed_amount, null::varchar,
         letter_code, letter_date, null::varchar, -signed_amount, null::varchar, null::varchar
  from stg_fec_lines
  where item_kind = 'payment'
),

-- A customer ledger's payments (their problems are reported by stg_ledger_lines).
ledger as (
  select source_file, line, item_id, client_id, entry_date, -signed_amount, null::varchar,
         letter_code, letter_date, currency, -signed_company_amount, null::varchar, null::varchar
  from stg_ledger_lines
  where item_kind = 'payment'
)

select * from final
union all
select * from fec
union all
select * from ledger
