-- One row per line of the clients file(s), typed: renamed and cast, nothing decided. The text of
-- each typed value stays beside it (credit_limit_text…, procedure_date_text, and the amounts'
-- reads: value or problem, see read_amount), for int_clients_checked to say what does not read.
with source as (
  select * from raw_clients
),

-- Each amount read once under its file's decimal sign: {value, problem} (see read_amount).
amounts as (
  select
    *,
    read_amount(credit_limit, decimal_sign) as credit_limit_read,
    read_amount(insured_limit, decimal_sign) as insured_limit_read,
    read_amount(guarantee_amount, decimal_sign) as guarantee_amount_read
  from source
),

final as (
  select
    source_file,
    line,
    client_id,
    name,
    segment,
    sector,
    country,
    sales_rep,
    payment_terms,
    credit_limit_read.value as credit_limit,
    insured_limit_read.value as insured_limit,
    guarantee_amount_read.value as guarantee_amount,
    external_rating,
    legal_status,
    -- The date of the judgment that opened the collective procedure, in the file's date format.
    parse_date(procedure_date) as procedure_date,
    -- The postal address letters are sent to (optional columns; country above).
    address_line_1,
    address_line_2,
    postcode,
    city,
    credit_limit as credit_limit_text,
    insured_limit as insured_limit_text,
    guarantee_amount as guarantee_amount_text,
    credit_limit_read,
    insured_limit_read,
    guarantee_amount_read,
    procedure_date as procedure_date_text
  from amounts
)

select * from final

