-- One row per line of the invoices file(s), typed: renamed and cast, nothing decided. Credit
-- notes get a negative amount whether the export marks them by type or by sign; due_date is the
-- export's. The text of each typed value stays beside it, and each amount's read (its value or
-- its problem, see read_amount), for int_invoices_checked to say what does not read.
with source as (
  select * from raw_invoices
),

-- Each amount read once under its file's decimal sign (see read_amount).
amounts as (
  select
    *,
    read_amount(amount, decimal_sign) as amount_read,
    read_amount(amount_excl_tax, decimal_sign) as amount_excl_tax_read,
    read_amount(paid_amount, decimal_sign) as paid_amount_read,
    read_amount(amount_company_currency, decimal_sign) as company_amount_read
  from source
),

typed as (
  select
    source_file,
    line,
    invoice_id,
    client_id,
    is_credit_note_kind(kind) as is_credit_note_by_kind,
    parse_date(issue_date) as issue_date,
    parse_date(due_date) as due_date_given,
    amount_read.value as signed_amount,
    amount_excl_tax_read.value as signed_amount_excl_tax,
    upper(currency) as currency,
    parse_flag(is_disputed) as is_disputed,
    original_invoice_id,
    parse_date(paid_date) as paid_date,
    paid_amount_read.value as paid_amount,
    issue_date as issue_date_text,
    due_date as due_date_text,
    amount as amount_text,
    paid_date as paid_date_text,
    paid_amount as paid_amount_text,
    amount_excl_tax as amount_excl_tax_text,
    amount_read,
    amount_excl_tax_read,
    paid_amount_read,
    company_amount_read.value as signed_company_amount,
    amount_company_currency as company_amount_text,
    company_amount_read
  from amounts
),

classified as (
  select
    *,
    case when is_credit_note_by_kind or signed_amount < 0 then 'credit_note' else 'invoice' end as kind
  from typed
),

final as (
  select
    source_file,
    line,
    invoice_id,
    client_id,
    kind,
    issue_date,
    due_date_given as due_date,
    case when kind = 'credit_note' then -abs(signed_amount) else signed_amount end as amount,
    case when kind = 'credit_note' then -abs(signed_amount_excl_tax) else signed_amount_excl_tax end as amount_excl_tax,
    currency,
    -- The export's amount in the company currency (Business Central's "Amount (LCY)"), signed as
    -- the amount is.
    case when kind = 'credit_note' then -abs(signed_company_amount) else signed_company_amount end as company_amount,
    is_disputed,
    original_invoice_id,
    paid_date,
    paid_amount,
    issue_date_text,
    due_date_text,
    amount_text,
    paid_date_text,
    paid_amount_text,
    amount_excl_tax_text,
    company_amount_text,
    amount_read,
    amount_excl_tax_read,
    paid_amount_read,
    company_amount_read
  from classified
)

select * from final
