-- One row per line of the payments file(s), typed: renamed and cast, nothing decided. A payment
-- without an id is named after its file and line. The text of each typed value stays beside it
-- (payment_date_text, amount_text, and amount_read: the amount's value or its problem, see
-- read_amount), for int_payments_checked to say what does not read.
with source as (
  select * from raw_payments
),

-- The amount read once under its file's decimal sign (see read_amount).
amounts as (
  select *, read_amount(amount, decimal_sign) as amount_read,
         read_amount(amount_company_currency, decimal_sign) as company_amount_read
  from source
),

final as (
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
    amount_read,
    amount_company_currency as company_amount_text,
    company_amount_read
  from amounts
)

select * from final
