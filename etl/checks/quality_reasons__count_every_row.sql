-- Every quality row is counted once in the kinds of problem and in run_summary, severity by severity.
-- (The quality page shows both: the kinds' row_count and run_summary's count per severity.)
with by_kinds as (select severity, sum(row_count) as rows from quality_reasons group by severity),
by_rows as (select severity, count(*) as rows from quality group by severity),
by_summary as (
  select 'error' as severity, rejected_rows as rows from run_summary
  union all select 'warning', warnings from run_summary
  union all select 'info', info_rows from run_summary
)
select severity, by_kinds.rows as kind_rows, by_rows.rows as quality_rows, by_summary.rows as summary_rows
from by_kinds full join by_rows using (severity) full join by_summary using (severity)
where coalesce(by_kinds.rows, 0) <> coalesce(by_rows.rows, 0) or coalesce(by_summary.rows, 0) <> coalesce(by_rows.rows, 0)
