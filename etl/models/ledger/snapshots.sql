-- One row per document of each open-balance snapshot kept (openItems.shape "snapshot"): this
-- run's, at its snapshot date (the file's, openItems.snapshotDate, else the as-of date), and
-- those of the runs before it, read back from the published warehouse's snapshots (a snapshot
-- of the same date is replaced by this run's). open_amount is what the document still owed at
-- that date (0: settled in full then); history builds up run after run, and snapshot_settlements
-- reads the settlements from one snapshot to the next. Empty in the other shapes.
with current_lines as (
  select
    coalesce(snapshot_date, getvariable('as_of_date')) as snapshot_date,
    client_id,
    item_id as invoice_id,
    kind,
    issue_date,
    due_date,
    amount,
    open_amount,
    source_file,
    line
  from int_snapshot_lines_checked
  -- A cancelled or written-off document is no open item: not kept (a later snapshot without it
  -- lists it as disappeared, as for any document that left the book).
  where reject_reason is null and status_kind is null
),

earlier as (
  select snapshot_date, client_id, invoice_id, kind, issue_date, due_date, amount, open_amount, source_file, line
  from raw_snapshot_history
  where snapshot_date not in (select snapshot_date from current_lines)
),

final as (
  select * from current_lines
  union all
  select * from earlier
)

select * from final
order by snapshot_date, client_id, invoice_id
