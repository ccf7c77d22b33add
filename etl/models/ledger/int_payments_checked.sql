-- One row per payment line: of the payments file(s) (stg_payments), with what makes it unusable,
-- of a FEC (client credits that are neither credit notes nor write-offs) and of a customer
-- ledger (its payments; their problems are reported by int_ledger_lines_checked). reject_reason says why
-- a line cannot be used, as a reason(code, field, ref, n, parts) (macros.sql); int_payments keeps
-- the others, quality lists them.
-- Not materialized: the grouping below reads only the ids, from the raw rows.
with staged as not materialized (
  select * from stg_payments
),

-- A second line of a payment id is a duplicate. Only the few ids with more than one line can be:
-- found by grouping, and only their lines numbered (narrow rows); a window over every line
-- sorted all 890,000 wide rows at 1M invoices, most of the model's 0.5 s.
repeated_ids as (
  select payment_id
  from staged
  group by payment_id
  having count(*) > 1
),

duplicates as (
  select source_file, line, true as is_duplicate
  from (
    select source_file, line, row_number() over (partition by payment_id order by source_file, line) as occurrence
    from staged
    semi join repeated_ids on staged.payment_id is not distinct from repeated_ids.payment_id
  )
  where occurrence > 1
),

numbered as (
  select staged.*, duplicates.is_duplicate
  from staged
  left join duplicates using (source_file, line)
),

checked as (
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
      when client_id is null then reason('missing_client_id')
      when payment_date is null
        then reason('date_unreadable', field := 'payment_date', ref := coalesce(payment_date_text, ''), parts := [getvariable('date_format')])
      when is_implausible_date(payment_date) then reason('date_implausible', field := 'payment_date', ref := payment_date)
      when amount is null
        then reason('amount_' || coalesce(amount_read.problem_code, 'not_a_number'), field := 'amount', ref := coalesce(amount_text, ''), parts := [amount_read.currency])
      when amount <= 0 then reason('payment_not_positive', field := 'amount')
      when company_amount_text is not null and company_amount is null
        then reason('amount_' || coalesce(company_amount_read.problem_code, 'not_a_number'), field := 'amount_company_currency', ref := company_amount_text, parts := [company_amount_read.currency])
      when is_duplicate then reason('duplicate_id', field := 'payment_id', ref := payment_id)
    end as reject_reason,
    null::struct(code varchar, field varchar, ref varchar, number bigint, parts varchar[]) as warning
  from numbered
),

-- Client credits of a FEC that are neither credit notes nor write-offs, and brought-forward credits:
-- the payment's amount in its currency (Montantdevise, Idevise) and in the company's (the credit).
fec as (
  select source_file, line, item_id, client_id, item_date, -coalesce(currency_amount, signed_amount), null::varchar,
         letter_code, letter_date, currency, -signed_amount, null, null
  from int_fec_lines_checked
  where item_kind = 'payment'
),

-- A customer ledger's payments, with their currency and company-currency amount.
ledger as (
  select source_file, line, item_id, client_id, entry_date, -signed_amount, null::varchar,
         letter_code, letter_date, currency, -signed_company_amount, null, null
  from int_ledger_lines_checked
  where item_kind = 'payment'
),

final as (
  select * from checked
  union all
  select * from fec
  union all
  select * from ledger
)

select * from final
