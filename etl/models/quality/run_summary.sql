-- One row: the headline figures of this run at the as-of date. The runner copies it into
-- manifest.json, so each run can be compared with the previous ones.
-- The overview's tiles also say how receivables and overdue moved since the last month end before
-- the as-of date (kpi_monthly, the company): now − then; NULL without such a month end.
-- A roll-up of `clients`, `invoices`, `kpi_monthly`, `payments`, `snapshot_settlements` and `quality`.
with headline as (
  select
    getvariable('as_of_date') as as_of_date,
    (select coalesce(sum(open_amount), 0) from invoices)::decimal(18, 2) as receivables,
    (select coalesce(sum(open_amount) filter (where bucket <> 'not_due'), 0) from invoices)::decimal(18, 2) as overdue,
    -- Overdue / receivables (DESIGN.md "Overdue rate"); NULL when there is nothing receivable.
    (select (sum(open_amount) filter (where bucket <> 'not_due')) / nullif(sum(open_amount), 0) from invoices having sum(open_amount) > 0)::double as share_overdue,
    (select coalesce(sum(unapplied_amount), 0) from payments)::decimal(18, 2) as unapplied_cash,
    (select count(*) from clients where receivables_amount <> 0)::integer as clients_with_open_items,
    (select count(*) from invoices where open_amount <> 0)::integer as open_items,
    (select count(*) from quality where severity = 'error')::integer as rejected_rows,
    (select count(*) from quality where severity = 'warning')::integer as warnings,
    (select count(*) from quality where severity = 'info')::integer as info_rows,
    -- Rows and settlements left out because dated after the as-of date (each also in quality).
    (select count(*) from int_after_as_of)::integer as rows_after_as_of,
    -- French late-payment penalties apply (penalties.enabled; by default a company in France): the
    -- site says "not applicable" rather than show an empty claim.
    getvariable('penalties_enabled')::boolean as is_penalties_enabled,
    -- The exports date some settlement (a payment, or a document gone from one snapshot to the
    -- next). An open-balance snapshot on its first night, or an invoice list with no payments,
    -- dates none: a client's last payment is then unknown, not "never".
    (exists (select 1 from payments) or exists (select 1 from snapshot_settlements)) as has_settlements
),

last_month_end as (
  select month_end, receivables, overdue from kpi_monthly
  where scope = 'company' and month_end < getvariable('as_of_date')
  order by month_end desc limit 1
),

final as (
  select headline.*, last_month_end.month_end as last_month_end,
         (headline.receivables - last_month_end.receivables)::decimal(18, 2) as receivables_change_amount,
         (headline.overdue - last_month_end.overdue)::decimal(18, 2) as overdue_change_amount
  from headline left join last_month_end on true
)

select * from final
