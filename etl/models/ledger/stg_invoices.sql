-- One row per invoice or credit note line: of the invoices file(s), typed, of a FEC (client
-- debits, credit notes, brought-forward debits; their problems are reported by stg_fec_lines) and
-- of a customer ledger (its debits and credit notes; their problems are reported by stg_ledger_lines)
-- and of an open-balance snapshot (its open documents, each for what it still owes at the
-- snapshot; their problems are reported by stg_snapshot_lines).
-- Credit notes get a negative amount whether the export marks them by type or by sign; due_date
-- is the export's (a FEC has none: int_invoices takes it from the client's payment terms).
-- reject_reason says why a line cannot be used.
with source as (
  select * from raw_invoices
),

-- Each amount read once under its file's decimal sign: {value, problem} (see read_amount).
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
    amount_read.problem as amount_problem,
    amount_excl_tax_read.problem as amount_excl_tax_problem,
    paid_amount_read.problem as paid_amount_problem,
    company_amount_read.value as signed_company_amount,
    amount_company_currency as company_amount_text,
    company_amount_read.problem as company_amount_problem,
    -- Invoice numbers are unique per client, not across clients. One number with several due
    -- dates, each line its own part of the amount, is one invoice with a schedule (instalments,
    -- numbered in int_invoice_lines); a second line of the same number and due date, or of
    -- another issue date, is a duplicate.
    row_number() over (partition by client_id, invoice_id, due_date order by source_file, line) as occurrence,
    first_value(issue_date) over (partition by client_id, invoice_id order by source_file, line) as first_issue_date_text
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
    -- the amount is; int_invoice_lines converts the others.
    case when kind = 'credit_note' then -abs(signed_company_amount) else signed_company_amount end as company_amount,
    is_disputed,
    original_invoice_id,
    paid_date,
    -- A paid date that does not read drops the settlement (said in the warning); an empty one
    -- does not: the amount is settled by the as-of date, its date unknown (int_credits).
    case when paid_date_text is not null and paid_date is null then null else paid_amount end as paid_amount,
    null::varchar as letter_code,
    null::date as letter_date,
    case
      when invoice_id is null then 'missing invoice id'
      when client_id is null then 'missing client id'
      when issue_date is null then 'issue date ''' || coalesce(issue_date_text, '') || ''' does not match the date format ' || getvariable('date_format')
      when is_implausible_date(issue_date) then 'issue date ' || issue_date || ' is outside 1990–2099'
      when signed_amount is null then 'amount ''' || coalesce(amount_text, '') || ''' ' || coalesce(amount_problem, 'is not a number')
      when signed_amount = 0 then 'amount is zero'
      when occurrence > 1 or issue_date_text is distinct from first_issue_date_text then 'duplicate invoice id ' || invoice_id || ' (the first line is kept)'
    end as reject_reason,
    case
      when due_date_given is null and due_date_text is not null then 'due date ''' || due_date_text || ''' does not match the date format; the client''s payment terms (or the default) are used'
      when due_date_given < issue_date then 'due date before the issue date'
      when paid_amount_text is not null and paid_amount is null then 'paid amount ''' || paid_amount_text || ''' ' || paid_amount_problem || '; the settlement is ignored'
      when paid_date_text is not null and paid_date is null then 'paid date ''' || paid_date_text || ''' does not match the date format; the settlement is ignored'
      when paid_amount > 0 and paid_date_text is null
        then 'paid amount ''' || paid_amount_text || ''' has no paid date: read as settled by the as-of date, its date unknown (payment-behaviour figures count it as paid on the as-of date)'
      when company_amount_text is not null and signed_company_amount is null
        then 'amount in the company currency ''' || company_amount_text || ''' ' || company_amount_problem || '; the amount is converted with the rates file'
      when amount_excl_tax_text is not null and signed_amount_excl_tax is null
        then 'amount excl. tax ''' || amount_excl_tax_text || ''' ' || amount_excl_tax_problem || '; the amount incl. tax less the default VAT rate is used'
    end as warning
  from classified
),

fec as (
  select
    source_file,
    line,
    item_id,
    client_id,
    case when signed_amount < 0 then 'credit_note' else 'invoice' end,
    item_date,
    null::date,
    signed_amount,
    case when signed_amount < 0 then -revenue_amount else revenue_amount end,
    currency,
    -- A FEC's debits and credits are in the company currency (Montantdevise is the document's).
    signed_amount,
    false,
    null::varchar,
    null::date,
    null::decimal(18, 2),
    letter_code,
    letter_date,
    null::varchar,
    null::varchar
  from stg_fec_lines
  where item_kind = 'invoice'
),

ledger as (
  select
    source_file,
    line,
    item_id,
    client_id,
    item_kind,
    entry_date,
    case when item_kind = 'invoice' then due_date end,
    signed_amount,
    null::decimal(18, 2),
    currency,
    signed_company_amount,
    false,
    null::varchar,
    null::date,
    null::decimal(18, 2),
    letter_code,
    letter_date,
    null::varchar,
    null::varchar
  from stg_ledger_lines
  where item_kind in ('invoice', 'credit_note')
),

-- A snapshot's documents owe their open amount: that is the whole of what the snapshot knows.
snapshot_documents as (
  select source_file, line, item_id, client_id, item_kind, issue_date, due_date, open_amount,
         null::decimal(18, 2), null::varchar, null::decimal(18, 2), is_disputed, null::varchar, null::date, null::decimal(18, 2),
         null::varchar, null::date, null::varchar, null::varchar
  from stg_snapshot_lines
  -- A file stacking several snapshots: its latest is the open items, the earlier ones history.
  where item_kind is not null
    and (snapshot_date is null or snapshot_date = (select max(snapshot_date) from stg_snapshot_lines where reject_reason is null))
)

select * from final
union all
select * from fec
union all
select * from ledger
union all
select * from snapshot_documents
