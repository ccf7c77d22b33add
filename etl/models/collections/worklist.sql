-- One row per client needing a collections action at the as-of date (at least one invoice in
-- `dunning` whose schedule is not paused), ordered by expected loss (open × the client's
-- probability of default, over those invoices): the stage of its most advanced invoice, amounts
-- due and overdue, invoices concerned (detail in `dunning`), last action in the collections log
-- and next action date — today when nobody acted since its most advanced stage started, else
-- the last action + collections.followUpDays (7) — promise status (a broken promise settled since
-- is paid_late) and dispute status, sales rep, contact.
-- A client under a collective procedure has the stage declare_claim and claim_deadline_date, the
-- last day to declare (judgment date + collections.claimDeadlineMonths, 2 by default), NULL when
-- the judgment date is unknown; a claim declared in the log takes its invoices off the list. Past
-- that deadline, relief_deadline_date is the last day to ask the juge-commissaire for relief from
-- the foreclosure (judgment + 6 months, L622-26). A claim_foreclosed invoice is no call — the claim
-- cannot be admitted any more, the amount is to write off — and is left out like a paused one: a
-- client whose claim is foreclosed leaves today's list (the collections page lists it apart, from
-- `client_procedures`).
-- Such a client's row mixes two kinds of invoices, told apart: those issued on or before the
-- judgment (declare_invoice_count, declare_amount: the claims to declare by claim_deadline_date)
-- and those issued after it (post_judgment_invoice_count, post_judgment_amount, at
-- post_judgment_stage: chased on the ordinary schedule, L622-17); the two add up to due_amount.
-- A latest promise 'already_settled' named invoices paid by the day it was logged: the row keeps
-- its logged date and invoices (promise_logged_date, promise_invoice_ids) for the desk to ask which
-- invoices the client meant.
-- A roll-up of `clients`, `disputed_invoices` and `dunning`.
with staged as (
  -- A stage outside the schedule (a legal step such as declaring a claim) ranks above it.
  select dunning.*, coalesce(schedule.stage_order, 1000) as stage_order, dunning.due_date + dunning.stage_start_day as stage_started_date
  from dunning
  left join ref_dunning_schedule as schedule using (stage)
  where dunning.stage not like 'paused\_%' escape '\' and dunning.stage <> 'claim_foreclosed'
),

active as (
  select *, max(stage_order) over (partition by client_id) as top_stage_order from staged
),

by_client as (
  select
    client_id,
    arg_max(stage, (stage_order, stage_started_date)) as stage,
    max(stage_order)::integer as stage_order,
    max(stage_started_date) filter (where stage_order = top_stage_order) as stage_started_date,
    count(*)::integer as invoice_count,
    sum(open_amount)::decimal(18, 2) as due_amount,
    coalesce(sum(open_amount) filter (where days_from_due > 0), 0)::decimal(18, 2) as overdue_amount,
    max(days_from_due)::integer as max_days_from_due,
    sum(expected_loss_amount)::decimal(18, 2) as expected_loss_amount,
    any_value(grade) as grade,
    any_value(pd_12m) as pd_12m,
    -- The same for each invoice of a client under a collective procedure (its judgment date + the claim deadline months).
    min(claim_deadline_date) as claim_deadline_date,
    bool_or(is_claim_deadline_passed) as is_claim_deadline_passed,
    min(relief_deadline_date) as relief_deadline_date,
    -- The claims to declare (issued on or before the judgment) and the claims born after it, chased
    -- on the schedule: apart, so that the desk says how much is to declare and how much to chase.
    (count(*) filter (where stage = 'declare_claim'))::integer as declare_invoice_count,
    coalesce(sum(open_amount) filter (where stage = 'declare_claim'), 0)::decimal(18, 2) as declare_amount,
    (count(*) filter (where is_post_judgment))::integer as post_judgment_invoice_count,
    coalesce(sum(open_amount) filter (where is_post_judgment), 0)::decimal(18, 2) as post_judgment_amount,
    arg_max(stage, (stage_order, stage_started_date)) filter (where is_post_judgment) as post_judgment_stage,
    any_value(collective_procedure) as collective_procedure,
    any_value(procedure_date) as procedure_date
  from active
  group by client_id
),

paused as (
  select client_id, count(*)::integer as paused_invoice_count from dunning where stage like 'paused\_%' escape '\' group by client_id
),

last_actions as (
  select client_id, max(action_date) as last_action_date, arg_max(kind, (action_date, source_file, line)) as last_action_kind
  from int_actions
  where kind <> 'note'
  group by client_id
),

-- Its latest promise (a superseded one is replaced by a newer). A broken promise whose invoices
-- were all settled after its date is told apart as paid_late: it was not kept (promises says
-- broken, and counts it so in collector_performance), but nothing it covers is left to chase — the
-- same test as the promise_broken alert (raised only while an amount it covers is open), so the
-- desk never shows "not kept" for a client whose page carries no such alert.
latest_promises as (
  select client_id,
         arg_max(case when status = 'broken' and open_amount <= 0 then 'paid_late' else status end, (action_date, action_id)) as promise_status,
         arg_max(promise_date, (action_date, action_id)) as promise_date, arg_max(promise_amount, (action_date, action_id)) as promise_amount,
         max(action_date) as promise_logged_date,
         arg_max(array_to_string(invoice_ids, ', '), (action_date, action_id)) as promise_invoice_ids
  from int_promises
  where status <> 'superseded'
  group by client_id
),

-- Its invoices in dispute (disputed_invoices, the one notion: the export's flag or an open dispute
-- of the log), paused and so not in the amounts above.
disputed as (
  select client_id, count(*)::integer as disputed_invoice_count, sum(open_amount)::decimal(18, 2) as disputed_amount
  from disputed_invoices
  group by client_id
),

first_contacts as (
  select client_id, name as contact_name, role as contact_role, email as contact_email, phone as contact_phone
  from int_contacts
  where contact_order = 1
),

final as (
  select
    row_number() over (order by by_client.expected_loss_amount desc, by_client.client_id)::integer as priority,
    by_client.client_id,
    clients.name,
    clients.sales_rep,
    by_client.stage,
    by_client.stage_order,
    by_client.stage_started_date,
    by_client.invoice_count,
    coalesce(paused.paused_invoice_count, 0) as paused_invoice_count,
    by_client.due_amount,
    by_client.overdue_amount,
    by_client.max_days_from_due,
    by_client.expected_loss_amount,
    by_client.grade,
    by_client.pd_12m,
    by_client.claim_deadline_date,
    by_client.is_claim_deadline_passed,
    by_client.relief_deadline_date,
    by_client.collective_procedure,
    by_client.procedure_date,
    by_client.declare_invoice_count,
    by_client.declare_amount,
    by_client.post_judgment_invoice_count,
    by_client.post_judgment_amount,
    by_client.post_judgment_stage,
    last_actions.last_action_date,
    last_actions.last_action_kind,
    case when last_actions.last_action_date is null or last_actions.last_action_date < by_client.stage_started_date then getvariable('as_of_date')
         else greatest(getvariable('as_of_date'), last_actions.last_action_date + getvariable('follow_up_days')::integer) end::date as next_action_date,
    latest_promises.promise_status,
    latest_promises.promise_date,
    latest_promises.promise_amount,
    latest_promises.promise_logged_date,
    latest_promises.promise_invoice_ids,
    coalesce(disputed.disputed_invoice_count, 0) as disputed_invoice_count,
    coalesce(disputed.disputed_amount, 0)::decimal(18, 2) as disputed_amount,
    first_contacts.contact_name,
    first_contacts.contact_role,
    first_contacts.contact_email,
    first_contacts.contact_phone
  from by_client
  left join clients using (client_id)
  left join paused using (client_id)
  left join last_actions using (client_id)
  left join latest_promises using (client_id)
  left join disputed using (client_id)
  left join first_contacts using (client_id)
)

-- Whether the next action is due at the as-of date (nobody acted since the stage started, or the
-- follow-up day has come): the desk says "to do now" rather than a date the reader may be past.
select final.*, final.next_action_date <= getvariable('as_of_date') as is_next_action_due
from final
order by priority
