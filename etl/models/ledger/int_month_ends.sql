-- One row per month end of the history: from the month of the first invoice to the as-of date.
-- An open-balance snapshot (openItems.shape "snapshot") holds what was open at its date, not what
-- was open and paid since: a month end before the first snapshot kept would show only the part of
-- its balance still open later (and sales of only the invoices still unpaid), so the history of a
-- snapshot book starts at the first month end on or after its first snapshot.
with first_snapshot as (
  select min(snapshot_date) as snapshot_date
  from (
    select coalesce(snapshot_date, getvariable('as_of_date')) as snapshot_date from int_snapshot_lines_checked where reject_reason is null
    union all
    select snapshot_date from raw_snapshot_history
  )
),

bounds as (
  select date_trunc('month', min(issue_date)) as first_month
  from int_invoices
),

final as (
  select last_day(unnest(generate_series(first_month::timestamp, getvariable('as_of_date')::timestamp, interval 1 month)))::date as month_end
  from bounds
)

select * from final
where month_end <= getvariable('as_of_date')
  and month_end >= coalesce((select snapshot_date from first_snapshot), date '0001-01-01')
