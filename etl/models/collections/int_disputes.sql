-- One row per dispute in the collections log, with its state at the as-of date. A dispute is the
-- lines sharing its dispute_id, else its client and list of invoices; its latest line (by date,
-- then file and line) gives its status, and the latest line that says so its reason and owner.
-- Opened = the earliest opened date given, else its first line's date; it is closed when its
-- latest status is closed (on the closed date given, else that line's date) — a closed date after
-- the as-of date leaves it open.
with lines as (
  select *, coalesce(dispute_id, client_id || ':' || array_to_string(invoice_ids, ',')) as dispute_key
  from int_actions
  where kind = 'dispute'
),

grouped as (
  select
    dispute_key,
    any_value(client_id) as client_id,
    min(coalesce(dispute_opened_date, action_date)) as opened_date,
    arg_max(dispute_status, (action_date, source_file, line)) filter (where dispute_status is not null) as latest_status,
    arg_max(coalesce(dispute_closed_date, action_date), (action_date, source_file, line)) filter (where dispute_status = 'closed') as closed_on,
    coalesce(arg_max(dispute_reason, (action_date, source_file, line)) filter (where dispute_reason is not null), 'other') as reason,
    arg_max(dispute_owner, (action_date, source_file, line)) filter (where dispute_owner is not null) as owner,
    list_distinct(flatten(list(invoice_ids))) as invoice_ids,
    max(action_date) as last_action_date
  from lines
  group by dispute_key
),

final as (
  select
    dispute_key as dispute_id,
    client_id,
    opened_date,
    case when latest_status = 'closed' and closed_on <= getvariable('as_of_date') then closed_on end as closed_date,
    reason,
    owner,
    list_sort(invoice_ids) as invoice_ids,
    case when latest_status = 'closed' and closed_on <= getvariable('as_of_date') then 'closed' else 'open' end as status,
    last_action_date
  from grouped
)

select * from final
