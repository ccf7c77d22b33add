-- One row per line of a customer ledger (stg_ledger_lines), checked and classified. reject_reason
-- says why a line cannot be used, warning what is dropped from a kept one, each as a
-- reason(code, field, ref, n, parts) (macros.sql); int_ledger_lines keeps the usable lines,
-- quality lists the others. A line's kind comes from its document type
-- (openItems.values.documentType) and its sign, as a FEC line's does from its journal: a sales
-- document is an invoice as a debit and a credit note as a credit; a payment or a write-off
-- credits the client; a debit that is not a sales document (a refund, a payment reversed) is read
-- as a debit item, as a FEC reads it — it is owed like an invoice. With no document type a credit
-- cannot be told a credit note from a payment: it is read as a payment (quality says so, once per
-- file). item_id is the document number, suffixed /1, /2… where one number holds several lines
-- of one kind (an invoice with several due dates, one payment settling two clients). letter_code
-- and letter_date are the lettering or clearing (document and date): a client's lines sharing a
-- code settle each other (int_allocations_by_letter), as a FEC's do.
with staged as (
  select * from stg_ledger_lines
),

checked as (
  select
    *,
    case
      when client_id is null then reason('missing_client_id')
      when entry_date is null
        then reason('date_unreadable', field := 'entry_date', ref := coalesce(entry_date_text, ''), parts := [getvariable('date_format')])
      when is_implausible_date(entry_date) then reason('date_implausible', field := 'entry_date', ref := entry_date)
      when amount_convention = 'debit_credit' and debit_text is null and credit_text is null then reason('no_amount')
      when amount_convention = 'debit_credit' and debit_read.problem_code is not null
        then reason('amount_' || debit_read.problem_code, field := 'debit', ref := debit_text, parts := [debit_read.currency])
      when amount_convention = 'debit_credit' and credit_read.problem_code is not null
        then reason('amount_' || credit_read.problem_code, field := 'credit', ref := credit_text, parts := [credit_read.currency])
      when amount_convention <> 'debit_credit' and amount_text is null then reason('amount_not_a_number', field := 'amount', ref := '')
      when amount_convention <> 'debit_credit' and amount_read.problem_code is not null
        then reason('amount_' || amount_read.problem_code, field := 'amount', ref := amount_text, parts := [amount_read.currency])
      when amount_convention = 'direction' and direction_sign is null then reason('direction_unknown', ref := coalesce(direction_text, ''))
      when document_type is not null and document_kind is null then reason('document_type_unknown', ref := document_type)
      when signed_amount = 0 then reason('zero_amount')
      when company_amount_text is not null and company_amount_read.problem_code is not null
        then reason('amount_' || company_amount_read.problem_code, field := 'amount_company_currency', ref := company_amount_text,
                    parts := [company_amount_read.currency])
    end as reject_reason,
    case
      when due_date is null and due_date_text is not null then reason('due_date_unreadable', field := 'due_date', ref := due_date_text)
      when letter_date is null and letter_date_text is not null then reason('letter_date_unreadable', field := 'letter_date', ref := letter_date_text)
    end as warning
  from staged
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
