-- One row per line of an open-balance snapshot (openItems.shape "snapshot"): a balance âgée, an
-- A/R Aging Detail, an Aged Receivables Detail — the documents open at a date with what each still
-- owes (open_amount), typed. snapshot_date is the file's own column when mapped, else
-- openItems.snapshotDate (NULL here: the as-of date, taken by the models after it). A line is a
-- credit note when its type says so (openItems.values.kind) or what it owes is negative; its open
-- amount is then negative. A line that owes nothing (Reste à payer 0: a document settled in full
-- at the snapshot) is not an open item: is_settled, no item_kind, kept for the history of
-- snapshots (a document settled since the last one). item_id is the document number, suffixed
-- /1, /2… where one number holds several lines of one snapshot (an invoice with several due
-- dates). A file may stack several snapshots (a snapshot-date column with several dates): only the
-- latest is open items (int_invoices_checked), the earlier ones are history (snapshots).
-- reject_reason says why a line cannot be used.
with source as (
  select * from raw_snapshot
),

amounts as (
  select
    *,
    read_amount(open_amount, decimal_sign) as open_read,
    read_amount(amount, decimal_sign) as amount_read
  from source
),

typed as (
  select
    source_file,
    line,
    client_id,
    client_name,
    document_id,
    coalesce(is_credit_note_kind(kind), false) as is_credit_note_by_kind,
    parse_date(issue_date) as issue_date,
    parse_date(due_date) as due_date,
    coalesce(parse_date(snapshot_date), getvariable('snapshot_date')) as snapshot_date,
    parse_flag(is_disputed) as is_disputed,
    open_read.value as open_value,
    amount_read.value as amount_value,
    issue_date as issue_date_text,
    due_date as due_date_text,
    snapshot_date as snapshot_date_text,
    open_amount as open_amount_text,
    amount as amount_text,
    open_read.problem as open_problem,
    amount_read.problem as amount_problem
  from amounts
),

checked as (
  select
    *,
    is_credit_note_by_kind or open_value < 0 or (open_value = 0 and amount_value < 0) as is_credit_note,
    case
      when document_id is null then 'missing document id'
      when client_id is null then 'missing client id'
      when open_value is null then 'open amount ''' || coalesce(open_amount_text, '') || ''' ' || coalesce(open_problem, 'is not a number')
      when issue_date is null and issue_date_text is not null then 'issue date ''' || issue_date_text || ''' does not match the date format ' || getvariable('date_format')
      when issue_date is null and due_date is null then 'no issue date and no due date: the document cannot be aged'
      when is_implausible_date(coalesce(issue_date, due_date)) then 'issue date ' || coalesce(issue_date, due_date) || ' is outside 1990–2099'
      when snapshot_date is null and snapshot_date_text is not null then 'snapshot date ''' || snapshot_date_text || ''' does not match the date format ' || getvariable('date_format')
    end as reject_reason,
    case
      when due_date is null and due_date_text is not null
        then 'due date ''' || due_date_text || ''' does not match the date format; the client''s payment terms (or the default) are used'
      when issue_date is null then 'no issue date: the due date stands for it'
      when amount_text is not null and amount_value is null
        then 'amount ''' || amount_text || ''' ' || amount_problem || '; the document''s whole amount is not known'
    end as warning
  from typed
),

items as (
  select
    *,
    case
      when reject_reason is not null or open_value = 0 then null
      when is_credit_note then 'credit_note'
      else 'invoice'
    end as item_kind,
    reject_reason is null and open_value = 0 as is_settled,
    -- A number on several valid lines of one snapshot: each gets /1, /2… (windows, not a self-join:
    -- the reading of a snapshot costs no more per row than the documents reader's).
    -- One window spec for both (one sort).
    count(*) over numbered as occurrences,
    row_number() over numbered as occurrence
  from checked
  window numbered as (partition by reject_reason is null, snapshot_date, document_id order by source_file, line
                      rows between unbounded preceding and unbounded following)
),

final as (
  select
    source_file,
    line,
    client_id,
    client_name,
    document_id,
    case
      when reject_reason is not null then null
      when occurrences > 1 then document_id || '/' || occurrence
      else document_id
    end as item_id,
    item_kind,
    case when reject_reason is null then case when is_credit_note then 'credit_note' else 'invoice' end end as kind,
    is_settled,
    coalesce(issue_date, due_date) as issue_date,
    due_date,
    snapshot_date,
    is_disputed,
    case when is_credit_note then -abs(open_value) else open_value end::decimal(18, 2) as open_amount,
    case when is_credit_note then -abs(amount_value) else amount_value end::decimal(18, 2) as amount,
    reject_reason,
    warning
  from items
)

select * from final
