-- One row per invoice or credit note line: of the invoices file(s) (stg_invoices), with what makes
-- it unusable or what is dropped from it, of a FEC (client debits, credit notes, brought-forward
-- debits; their problems are reported by int_fec_lines_checked), of a customer ledger (its debits and
-- credit notes; their problems are reported by int_ledger_lines_checked) and of an open-balance
-- snapshot (its open documents, each for what it still owes at the snapshot; their problems are
-- reported by int_snapshot_lines_checked). reject_reason says why a line cannot be used, warning what is
-- dropped from a kept one, each as a reason(code, field, ref, n, parts) (macros.sql);
-- int_invoice_lines keeps the others, quality lists them. due_date is the export's (a FEC has
-- none: int_invoices takes it from the client's payment terms).
-- Not materialized: the grouping below reads only the numbers, from the raw rows.
with staged as not materialized (
  select * from stg_invoices
),

-- Invoice numbers are unique per client, not across clients. One number with several due dates,
-- each line its own part of the amount, is one invoice with a schedule (instalments, numbered in
-- int_invoice_lines); a second line of the same number and due date (as written), or of another
-- issue date, is a duplicate. Only the few numbers with more than one line (of any client) can
-- hold one: they are found by grouping, and only their lines numbered (narrow rows). Windows over
-- every line sorted all 1M wide rows, most of the model's 2.1 s at 1M invoices.
repeated_numbers as (
  select invoice_id
  from staged
  group by invoice_id
  having count(*) > 1
),

duplicates as (
  select source_file, line, true as is_duplicate
  from (
    select
      source_file,
      line,
      issue_date_text,
      row_number() over (partition by client_id, invoice_id, due_date_text order by source_file, line) as occurrence,
      first_value(issue_date_text) over (partition by client_id, invoice_id order by source_file, line) as first_issue_date_text
    from staged
    semi join repeated_numbers using (invoice_id)
  )
  where occurrence > 1 or issue_date_text is distinct from first_issue_date_text
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
    invoice_id,
    client_id,
    kind,
    issue_date,
    due_date,
    amount,
    amount_excl_tax,
    currency,
    -- The export's amount in the company currency; int_invoice_lines converts the others.
    company_amount,
    -- The amount excl. tax in the company currency where the source gives it (a FEC's revenue
    -- line); int_invoice_lines converts the others with the amount's rate.
    null::decimal(18, 2) as company_amount_excl_tax,
    is_disputed,
    original_invoice_id,
    paid_date,
    -- A paid date that does not read drops the settlement (said in the warning); an empty one
    -- does not: the amount is settled by the as-of date, its date unknown (int_credits). A file
    -- that dates the settlements with no paid-amount column (a "SettledDate", a "Clear date") says
    -- on which day each invoice was settled in full.
    case
      when paid_date_text is not null and paid_date is null then null
      when getvariable('paid_date_settles_in_full') then case when paid_date is not null and kind = 'invoice' then amount end
      else paid_amount
    end as paid_amount,
    null::varchar as letter_code,
    null::date as letter_date,
    case
      when invoice_id is null then reason('missing_invoice_id')
      when client_id is null then reason('missing_client_id')
      when issue_date is null
        then reason('date_unreadable', field := 'issue_date', ref := coalesce(issue_date_text, ''), parts := [getvariable('date_format')])
      when is_implausible_date(issue_date) then reason('date_implausible', field := 'issue_date', ref := issue_date)
      when amount is null
        then reason('amount_' || coalesce(amount_read.problem_code, 'not_a_number'), field := 'amount', ref := coalesce(amount_text, ''), parts := [amount_read.currency])
      when amount = 0 then reason('zero_amount')
      when is_duplicate then reason('duplicate_id', field := 'invoice_id', ref := invoice_id)
    end as reject_reason,
    -- What an amount's problem needs to be worded: the currency written beside it, then the problem.
    case
      when due_date is null and due_date_text is not null then reason('due_date_unreadable', field := 'due_date', ref := due_date_text)
      when due_date < issue_date then reason('due_before_issue', field := 'due_date')
      when paid_amount_text is not null and paid_amount is null
        then reason('paid_amount_unreadable', field := 'paid_amount', ref := paid_amount_text, parts := [paid_amount_read.currency, paid_amount_read.problem_code])
      when paid_date_text is not null and paid_date is null then reason('paid_date_unreadable', field := 'paid_date', ref := paid_date_text)
      when paid_amount > 0 and paid_date_text is null then reason('paid_amount_undated', field := 'paid_amount', ref := paid_amount_text)
      when company_amount_text is not null and company_amount is null
        then reason('company_amount_unreadable', field := 'amount_company_currency', ref := company_amount_text,
                    parts := [company_amount_read.currency, company_amount_read.problem_code])
      when amount_excl_tax_text is not null and amount_excl_tax is null
        then reason('excl_tax_unreadable', field := 'amount_excl_tax', ref := amount_excl_tax_text,
                    parts := [amount_excl_tax_read.currency, amount_excl_tax_read.problem_code])
    end as warning
  from numbered
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
    -- The document's amount: Montantdevise in a foreign currency (Idevise), else the line's.
    coalesce(currency_amount, signed_amount),
    null::decimal(18, 2),
    currency,
    -- A FEC's debits and credits, and its revenue lines, are in the company currency.
    signed_amount,
    case when signed_amount < 0 then -revenue_amount else revenue_amount end,
    false,
    null::varchar,
    null::date,
    null::decimal(18, 2),
    letter_code,
    letter_date,
    null,
    null
  from int_fec_lines_checked
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
    null::decimal(18, 2),
    false,
    null::varchar,
    null::date,
    null::decimal(18, 2),
    letter_code,
    letter_date,
    null,
    null
  from int_ledger_lines_checked
  where item_kind in ('invoice', 'credit_note')
),

-- A snapshot's documents owe their open amount: that is the whole of what the snapshot knows.
snapshot_documents as (
  select source_file, line, item_id, client_id, item_kind, issue_date, due_date, open_amount,
         null::decimal(18, 2), null::varchar, null::decimal(18, 2), null::decimal(18, 2), is_disputed, null::varchar, null::date, null::decimal(18, 2),
         null::varchar, null::date, null, null
  from int_snapshot_lines_checked
  -- A file stacking several snapshots: its latest is the open items, the earlier ones history.
  where item_kind is not null
    and (snapshot_date is null or snapshot_date = (select max(snapshot_date) from int_snapshot_lines_checked where reject_reason is null))
),

final as (
  select * from checked
  union all
  select * from fec
  union all
  select * from ledger
  union all
  select * from snapshot_documents
)

select * from final
