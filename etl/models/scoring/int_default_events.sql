-- One row per default event of a client: the day it went into default by days past due, and each
-- write-off. Default event: 90+ DPD on a material overdue amount — the amount open more than
-- default_days_past_due (90, macros.sql) days past due above both default_materiality_amount
-- (500) and default_materiality_share (1 %) of the client's open receivables that day, as in the
-- EU definition of default (Delegated Regulation 2018/171) — or a write-off. Checked every day (at each change of the client's
-- balances), so a client that cures and falls back again defaults twice. The opening of a
-- collective procedure is the third event, dated by its judgment (clients file's procedure_date)
-- when the file gives it; without that date only today's legal status is known, and it enters
-- the latest score as an override (client_scores), not the history.
with invoices as (
  select invoice_id, client_id, due_date from int_score_invoice_events
),

spans as (
  select invoices.client_id, invoices.due_date, history.valid_from, history.valid_to, history.open_amount
  from int_invoice_balance_history as history
  join invoices using (invoice_id)
  where history.open_amount > 0 and history.valid_from <= getvariable('as_of_date')
),

-- The client's open amount, and its part beyond 90 days past due, as step functions: each span
-- adds its amount from its start to its end; the part beyond 90 days from the 91st day past due.
changes as (
  select client_id, valid_from as change_date, open_amount as open_change, 0::decimal(18, 2) as over_90_change from spans
  union all
  select client_id, valid_to, -open_amount, 0 from spans where valid_to <= getvariable('as_of_date')
  union all
  select client_id, greatest(valid_from, due_date + default_days_past_due() + 1), 0, open_amount from spans
  where coalesce(valid_to, date '9999-12-31') > due_date + default_days_past_due() + 1 and greatest(valid_from, due_date + default_days_past_due() + 1) <= getvariable('as_of_date')
  union all
  select client_id, valid_to, 0, -open_amount from spans where valid_to > due_date + default_days_past_due() + 1 and valid_to <= getvariable('as_of_date')
),

positions as (
  -- At each change: the positions after its day's changes (range frames: all rows of a day are
  -- peers) and that day's changes.
  select client_id, change_date,
         sum(open_change) over through_day as open_amount,
         sum(over_90_change) over through_day as over_90_amount,
         sum(open_change) over the_day as open_change,
         sum(over_90_change) over the_day as over_90_change
  from changes
  window through_day as (partition by client_id order by change_date range between unbounded preceding and current row),
         the_day as (partition by client_id order by change_date range between current row and current row)
),

entries as (
  -- In default after the day's changes and not before them: the positions less the day's changes
  -- are the day before's (nothing before the first change: 0, no default), exact as decimals. One
  -- window over the 2.2M changes (1M invoices), no group-by of them into their 1.8M days before it
  -- nor a lag after it: 2.8 s -> 2.15 s of CPU. A day's rows all hold the same values: distinct.
  select distinct client_id, change_date as default_date, 'past_due_90' as default_kind, over_90_amount, open_amount
  from positions
  where is_material_past_due(over_90_amount, open_amount)
    and not is_material_past_due(over_90_amount - over_90_change, open_amount - open_change)
),

final as (
  select * from entries
  union all
  -- int_credits: a write-off reversed in full by the as-of date was never one.
  select client_id, credit_date, 'writeoff', null, null
  from int_credits
  where source_kind = 'writeoff'
  union all
  select client_id, procedure_date, 'collective_procedure', null, null
  from int_clients
  where is_collective_procedure(legal_status) and procedure_date <= getvariable('as_of_date')
)

select client_id, default_date, default_kind, over_90_amount::decimal(18, 2) as over_90_amount, open_amount::decimal(18, 2) as open_amount
from final
