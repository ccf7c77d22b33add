-- One row per dispute of the collections log or of the e-invoicing platform, with its state at
-- the as-of date. A dispute of the log is the lines sharing its dispute_id, else its client and
-- list of invoices; its latest line (by date, then file and line) gives its status, and the
-- latest line that says so its reason and owner.
-- Opened = the earliest opened date given, else its first line's date; it is closed when its
-- latest status is closed (on the closed date given, else that line's date) — a closed date after
-- the as-of date leaves it open.
-- The e-invoicing platform's disputes join them (source 'einvoice', int_invoice_statuses): a
-- status 207 En litige or 210 Refusée opens one on its invoice, with the status's reason; the
-- next 205 Approuvée, 211 Paiement transmis or 212 Encaissée closes it on its date. Statuses
-- opening before the same close are one dispute. One the log already records — a dispute of the
-- log covering that invoice (naming it, or naming none) over days that overlap — is that dispute,
-- not a second one: the log carries the owner and the follow-up.
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

log_disputes as (
  select
    dispute_key as dispute_id,
    client_id,
    opened_date,
    case when latest_status = 'closed' and closed_on <= getvariable('as_of_date') then closed_on end as closed_date,
    reason,
    owner,
    list_sort(invoice_ids) as invoice_ids,
    case when latest_status = 'closed' and closed_on <= getvariable('as_of_date') then 'closed' else 'open' end as status,
    last_action_date,
    'collections_log' as source
  from grouped
),

-- Each status that opens or closes a platform dispute, numbered by the closes up to it: the
-- openings after the n-th close belong to the dispute the (n+1)-th close ends.
platform_events as (
  select *, count(*) filter (where closes_dispute) over (partition by invoice_id order by status_date, source_file, line) as closes_so_far
  from int_invoice_statuses
  where is_in_ledger and (opens_dispute or closes_dispute)
),

platform_opened as (
  select invoice_id, closes_so_far as episode, any_value(client_id) as client_id, min(status_date) as opened_date,
         arg_max(dispute_reason, (status_date, source_file, line)) as reason, max(status_date) as last_date
  from platform_events
  where opens_dispute
  group by invoice_id, closes_so_far
),

platform_closed as (
  select invoice_id, closes_so_far - 1 as episode, status_date as closed_date from platform_events where closes_dispute
),

platform_disputes as (
  select
    'einvoice:' || opened.invoice_id || ':' || strftime(opened.opened_date, '%Y-%m-%d') as dispute_id,
    opened.client_id,
    opened.opened_date,
    closed.closed_date,
    opened.reason,
    null::varchar as owner,
    [opened.invoice_id] as invoice_ids,
    case when closed.closed_date is null then 'open' else 'closed' end as status,
    greatest(opened.last_date, closed.closed_date) as last_action_date,
    'einvoice' as source
  from platform_opened as opened
  left join platform_closed as closed using (invoice_id, episode)
),

final as (
  select * from log_disputes
  union all
  select * from platform_disputes as platform
  where not exists (
    select 1 from log_disputes as log
    where log.client_id = platform.client_id
      and (list_contains(log.invoice_ids, platform.invoice_ids[1]) or len(log.invoice_ids) = 0)
      and log.opened_date <= coalesce(platform.closed_date, getvariable('as_of_date'))
      and coalesce(log.closed_date, getvariable('as_of_date')) >= platform.opened_date
  )
)

select * from final
