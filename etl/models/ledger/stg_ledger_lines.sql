-- One row per line of a customer ledger (openItems.shape "ledger"), typed: renamed and cast,
-- nothing decided. signed_amount is what the line adds to what the client owes (a debit
-- positive), read under its file's amount convention (etl/readers/ledger.ts): debit − credit; an
-- amount times its direction (openItems.values.direction); or the signed amount as written.
-- document_kind is the document type's list in openItems.values.documentType. The text of each
-- typed value stays beside it, and each amount's read (its value or its problem, see
-- read_amount), for int_ledger_lines_checked to say what does not read and to classify the line.
with source as (
  select * from raw_ledger
),

-- Each amount read once under its file's decimal sign (see read_amount).
amounts as (
  select
    *,
    read_amount(amount, decimal_sign) as amount_read,
    read_amount(debit, decimal_sign) as debit_read,
    read_amount(credit, decimal_sign) as credit_read,
    read_amount(amount_company_currency, decimal_sign) as company_amount_read
  from source
),

typed as (
  select
    source_file,
    line,
    client_id,
    client_name,
    document_id,
    document_type,
    parse_date(entry_date) as entry_date,
    parse_date(due_date) as due_date,
    letter_code,
    parse_date(letter_date) as letter_date,
    amount_convention,
    case
      when list_contains(getvariable('ledger_debit_values'), lower(direction)) then 1
      when list_contains(getvariable('ledger_credit_values'), lower(direction)) then -1
    end as direction_sign,
    -- 'invoice' (a sales document: invoice or credit note by its sign), 'payment', 'writeoff', 'refund'.
    getvariable('ledger_document_types')[lower(document_type)] as document_kind,
    debit_read.value as debit_amount,
    credit_read.value as credit_amount,
    amount_read.value as amount_value,
    entry_date as entry_date_text,
    due_date as due_date_text,
    letter_date as letter_date_text,
    amount as amount_text,
    debit as debit_text,
    credit as credit_text,
    direction as direction_text,
    amount_read,
    debit_read,
    credit_read,
    -- The document's currency and, beside it, its amount in the company currency (Business
    -- Central's "Amount (LCY)"), signed as the amount is; int_invoice_lines and int_payments
    -- convert the others with the rates file.
    upper(currency) as currency,
    company_amount_read.value as company_amount_value,
    amount_company_currency as company_amount_text,
    company_amount_read
  from amounts
),

final as (
  select
    *,
    case amount_convention
      when 'debit_credit' then coalesce(debit_amount, 0) - coalesce(credit_amount, 0)
      when 'direction' then amount_value * direction_sign
      else amount_value
    end::decimal(18, 2) as signed_amount,
    case amount_convention
      when 'direction' then company_amount_value * direction_sign
      when 'signed' then company_amount_value
    end::decimal(18, 2) as signed_company_amount
  from typed
)

select * from final
