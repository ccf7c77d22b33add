-- One row per invoice whose dunning the collections log pauses at the as-of date, and why: a
-- pending promise to pay covering it (until the promise's date; a broken promise pauses nothing,
-- so the schedule resumes the day after its date), or "do not chase until" (until that date).
-- When both apply, the promise comes first; the latest date of that kind counts. A dispute pauses
-- too, and before either: `dunning` reads it from disputed_invoices, the one notion of dispute.
with promised as (
  select unnest(invoice_ids) as invoice_id, 'paused_promise' as stage, 2 as rank, promise_date as paused_until_date
  from int_promises
  where status = 'pending'
),

do_not_chase as (
  select invoices.invoice_id, 'paused_do_not_chase' as stage, 3 as rank, actions.until_date as paused_until_date
  from int_actions as actions
  join int_invoices as invoices
    on invoices.client_id = actions.client_id
   and (list_contains(actions.invoice_ids, invoices.invoice_number) or len(actions.invoice_ids) = 0)
  where actions.kind = 'do_not_chase' and actions.until_date >= getvariable('as_of_date')
),

all_pauses as (
  select * from promised
  union all select * from do_not_chase
),

ranked as (
  select *, min(rank) over (partition by invoice_id) as top_rank from all_pauses
),

final as (
  select invoice_id, any_value(stage) as stage, max(paused_until_date) as paused_until_date
  from ranked
  where rank = top_rank
  group by invoice_id
)

select * from final
