-- One row per line of an open-balance snapshot (stg_snapshot_lines), checked and classified.
-- reject_reason says why a line cannot be used, warning what is dropped from a kept one, each as
-- a reason(code, field, ref, n, parts) (macros.sql); quality lists them. A line is a credit note
-- when its type says so (openItems.values.kind) or what it owes is negative; its open amount is
-- then negative. A line that owes nothing (Reste à payer 0: a document settled in full at the
-- snapshot) is not an open item: is_settled, no item_kind, kept for the history of snapshots (a
-- document settled since the last one). item_id is the document number, suffixed /1, /2… where
-- one number holds several lines of one snapshot (an invoice with several due dates). A file may
-- stack several snapshots (a snapshot-date column with several dates): only the latest is open
-- items (int_invoices_checked), the earlier ones are history (snapshots). A status
-- (openItems.values.status) may say a line is no receivable at all (status_kind 'cancelled': a
-- draft never issued, a voided invoice) or one written off ('written_off': Stripe's
-- "uncollectible", a bad debt): neither is an open item nor checked further (a draft has no
-- number yet); quality counts them (info), the written-off amount with them.
with source as (
  select * from stg_snapshot_lines
),

staged as (
  select
    *,
    case
      when list_contains(getvariable('snapshot_cancelled_values'), lower(trim(status))) then 'cancelled'
      when list_contains(getvariable('snapshot_written_off_values'), lower(trim(status))) then 'written_off'
    end as status_kind
  from source
),

checked as (
  select
    *,
    is_credit_note_by_kind or open_value < 0 or (open_value = 0 and amount_value < 0) as is_credit_note,
    case
      when status_kind is not null then null
      when document_id is null then reason('missing_document_id')
      when client_id is null then reason('missing_client_id')
      when open_value is null
        then reason('amount_' || coalesce(open_read.problem_code, 'not_a_number'), field := 'open_amount', ref := coalesce(open_amount_text, ''), parts := [open_read.currency])
      when issue_date is null and issue_date_text is not null
        then reason('date_unreadable', field := 'issue_date', ref := issue_date_text, parts := [getvariable('date_format')])
      when issue_date is null and due_date is null then reason('no_issue_or_due_date')
      when is_implausible_date(coalesce(issue_date, due_date)) then reason('date_implausible', field := 'issue_date', ref := coalesce(issue_date, due_date))
      when snapshot_date is null and snapshot_date_text is not null
        then reason('date_unreadable', field := 'snapshot_date', ref := snapshot_date_text, parts := [getvariable('date_format')])
    end as reject_reason,
    case
      when status_kind is not null then null
      when due_date is null and due_date_text is not null then reason('due_date_unreadable', field := 'due_date', ref := due_date_text)
      when issue_date is null then reason('no_issue_date', field := 'issue_date')
      when amount_text is not null and amount_value is null
        then reason('whole_amount_unreadable', field := 'amount', ref := amount_text, parts := [amount_read.currency, amount_read.problem_code])
    end as warning
  from staged
),

items as (
  select
    *,
    case
      when reject_reason is not null or status_kind is not null or open_value = 0 then null
      when is_credit_note then 'credit_note'
      else 'invoice'
    end as item_kind,
    reject_reason is null and status_kind is null and open_value = 0 as is_settled,
    -- A number on several valid lines of one snapshot: each gets /1, /2… (windows, not a self-join:
    -- the reading of a snapshot costs no more per row than the documents reader's).
    -- One window spec for both (one sort).
    count(*) over numbered as occurrences,
    row_number() over numbered as occurrence
  from checked
  window numbered as (partition by reject_reason is null and status_kind is null, snapshot_date, document_id order by source_file, line
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
      when reject_reason is not null or status_kind is not null then null
      when occurrences > 1 then document_id || '/' || occurrence
      else document_id
    end as item_id,
    item_kind,
    case when reject_reason is null then case when is_credit_note then 'credit_note' else 'invoice' end end as kind,
    is_settled,
    status,
    status_kind,
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
