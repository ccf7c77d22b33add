-- One row per line of a customer ledger (openItems.shape "ledger"): every entry of the client
-- accounts in one file, typed and classified. signed_amount is what the line adds to what the
-- client owes (a debit positive), read under its file's amount convention (etl/readers/ledger.ts):
-- debit − credit; an amount times its direction (openItems.values.direction); or the signed amount
-- as written. A line's kind comes from its document type (openItems.values.documentType) and its
-- sign, as a FEC line's does from its journal: a sales document is an invoice as a debit and a
-- credit note as a credit; a payment or a write-off credits the client; a debit that is not a
-- sales document (a refund, a payment reversed) is read as a debit item, as a FEC reads it — it is
-- owed like an invoice. With no document type a credit cannot be told a credit note from a
-- payment: it is read as a payment (quality says so, once per file). item_id is the document
-- number, suffixed /1, /2… where one number holds several lines of one kind (an invoice with
-- several due dates, one payment settling two clients). letter_code and letter_date are the
-- lettering or clearing (document and date): a client's lines sharing a code settle each other
-- (int_allocations_by_letter), as a FEC's do. reject_reason says why a line cannot be used.
with source as (
  select * from raw_ledger
),

-- Each amount read once under its file's decimal sign: {value, problem} (see read_amount).
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
    amount_read.problem as amount_problem,
    debit_read.problem as debit_problem,
    credit_read.problem as credit_problem,
    -- The document's currency and, beside it, its amount in the company currency (Business
    -- Central's "Amount (LCY)"), signed as the amount is; int_invoice_lines and int_payments
    -- convert the others with the rates file.
    upper(currency) as currency,
    company_amount_read.value as company_amount_value,
    amount_company_currency as company_amount_text,
    company_amount_read.problem as company_amount_problem
  from amounts
),

signed as (
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
),

checked as (
  select
    *,
    case
      when client_id is null then 'missing client id'
      when entry_date is null then 'entry date ''' || coalesce(entry_date_text, '') || ''' does not match the date format ' || getvariable('date_format')
      when is_implausible_date(entry_date) then 'entry date ' || entry_date || ' is outside 1990–2099'
      when amount_convention = 'debit_credit' and debit_text is null and credit_text is null then 'no amount: the debit and the credit are both empty'
      when amount_convention = 'debit_credit' and debit_problem is not null then 'debit ''' || debit_text || ''' ' || debit_problem
      when amount_convention = 'debit_credit' and credit_problem is not null then 'credit ''' || credit_text || ''' ' || credit_problem
      when amount_convention <> 'debit_credit' and amount_text is null then 'amount '''' is not a number'
      when amount_convention <> 'debit_credit' and amount_problem is not null then 'amount ''' || amount_text || ''' ' || amount_problem
      when amount_convention = 'direction' and direction_sign is null
        then 'direction ''' || coalesce(direction_text, '') || ''' is neither a debit nor a credit value of openItems.values.direction'
      when document_type is not null and document_kind is null
        then 'document type ''' || document_type || ''' is in none of the lists of openItems.values.documentType (invoice, credit_note, payment, writeoff, refund)'
      when signed_amount = 0 then 'amount is zero'
      when company_amount_text is not null and company_amount_problem is not null
        then 'amount in the company currency ''' || company_amount_text || ''' ' || company_amount_problem
    end as reject_reason,
    case
      when due_date is null and due_date_text is not null
        then 'due date ''' || due_date_text || ''' does not match the date format; the client''s payment terms (or the default) are used'
      when letter_date is null and letter_date_text is not null
        then 'lettering date ''' || letter_date_text || ''' does not match the date format; the line''s own date is used'
    end as warning
  from signed
),

items as (
  select
    *,
    case
      when reject_reason is not null then null
      when signed_amount > 0 then 'invoice'
      when document_kind = 'invoice' then 'credit_note'
      when document_kind = 'writeoff' then 'writeoff'
      else 'payment'
    end as item_kind,
    coalesce(document_id, source_file || ':' || line) as base_id
  from checked
),

-- Invoices and credit notes share one id space (the invoices table); payments and write-offs each their own.
keyed as (
  select *, case when item_kind = 'credit_note' then 'invoice' else item_kind end as id_space
  from items
),

duplicated_ids as (
  select id_space, base_id
  from keyed
  where id_space is not null
  group by id_space, base_id
  having count(*) > 1
),

renamed_duplicates as (
  select keyed.source_file, keyed.line,
         keyed.base_id || '/' || row_number() over (partition by keyed.id_space, keyed.base_id order by keyed.source_file, keyed.line) as item_id
  from keyed
  semi join duplicated_ids using (id_space, base_id)
),

final as (
  select
    keyed.source_file,
    keyed.line,
    keyed.client_id,
    keyed.client_name,
    keyed.document_id,
    keyed.document_type,
    keyed.document_kind,
    keyed.entry_date,
    keyed.due_date,
    keyed.signed_amount,
    keyed.currency,
    keyed.signed_company_amount,
    keyed.letter_code,
    case when not is_implausible_date(keyed.letter_date) then keyed.letter_date end as letter_date,
    keyed.item_kind,
    case when keyed.item_kind is not null then coalesce(renamed.item_id, keyed.base_id) end as item_id,
    keyed.reject_reason,
    keyed.warning
  from keyed
  left join renamed_duplicates as renamed using (source_file, line)
)

select * from final
