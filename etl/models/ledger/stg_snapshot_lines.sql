-- One row per line of an open-balance snapshot (openItems.shape "snapshot"): a balance âgée, an
-- A/R Aging Detail, an Aged Receivables Detail — the documents open at a date with what each still
-- owes (open_amount), typed: renamed and cast, nothing decided. snapshot_date is the file's own
-- column when mapped, else openItems.snapshotDate (NULL here: the as-of date, taken by the models
-- after it). The text of each typed value stays beside it, and each amount's read (its value or
-- its problem, see read_amount), for int_snapshot_lines_checked to say what does not read.
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

final as (
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
    status,
    open_read.value as open_value,
    amount_read.value as amount_value,
    issue_date as issue_date_text,
    due_date as due_date_text,
    snapshot_date as snapshot_date_text,
    open_amount as open_amount_text,
    amount as amount_text,
    open_read,
    amount_read
  from amounts
)

select * from final
