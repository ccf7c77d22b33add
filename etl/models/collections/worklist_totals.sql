-- One row: the totals of today's collections worklist at the as-of date — clients in the worklist,
-- invoice actions in `dunning` (paused ones included, foreclosed claims not: no action), and the amounts due, overdue and at
-- expected loss over the worklist's clients — and how the company's overdue (the overview's, from
-- `invoices`) splits for the desk: to chase today, paused (in dispute, a pending promise, "do not
-- chase until"), to declare (collective procedures: no chasing), foreclosed (a claim not declared
-- and the relief deadline passed: to write off), and the rest (overdue credit notes, negative, and
-- invoices no step of the schedule reaches yet); and what is chased before it is due (preventive
-- reminders). The five parts add up to the overdue (a declared test: dunning's invoices against
-- the ledger's).
-- A roll-up of `dunning`, `invoices` and `worklist`.
with worklist_sums as (
  select
    count(*)::integer as client_count,
    coalesce(sum(due_amount), 0)::decimal(18, 2) as due_amount,
    coalesce(sum(overdue_amount), 0)::decimal(18, 2) as overdue_amount,
    coalesce(sum(expected_loss_amount), 0)::decimal(18, 2) as expected_loss_amount
  from worklist
),

actions as (
  select
    (count(*) filter (where stage <> 'claim_foreclosed'))::integer as action_count,
    coalesce(sum(open_amount) filter (where days_from_due > 0 and stage not like 'paused\_%' escape '\' and stage not in ('declare_claim', 'claim_foreclosed')), 0)::decimal(18, 2) as overdue_to_chase_amount,
    -- The invoices and clients that amount is about (not the whole list's: it holds preventive
    -- reminders, paused invoices and claims to declare too).
    (count(*) filter (where days_from_due > 0 and stage not like 'paused\_%' escape '\' and stage not in ('declare_claim', 'claim_foreclosed')))::integer as overdue_to_chase_invoice_count,
    (count(distinct client_id) filter (where days_from_due > 0 and stage not like 'paused\_%' escape '\' and stage not in ('declare_claim', 'claim_foreclosed')))::integer as overdue_to_chase_client_count,
    coalesce(sum(open_amount) filter (where days_from_due > 0 and stage like 'paused\_%' escape '\'), 0)::decimal(18, 2) as overdue_paused_amount,
    coalesce(sum(open_amount) filter (where days_from_due > 0 and stage = 'declare_claim'), 0)::decimal(18, 2) as overdue_to_declare_amount,
    coalesce(sum(open_amount) filter (where days_from_due > 0 and stage = 'claim_foreclosed'), 0)::decimal(18, 2) as overdue_foreclosed_amount,
    coalesce(sum(open_amount) filter (where days_from_due <= 0 and stage = 'preventive_reminder'), 0)::decimal(18, 2) as preventive_amount
  from dunning
),

company as (
  -- The overview's overdue (run_summary.overdue): every open item past its due date; and the part
  -- no dunning action covers (credit notes, invoices not at a step yet), counted on its own so that
  -- the declared test checks the parts against the ledger.
  select coalesce(sum(open_amount) filter (where bucket <> 'not_due'), 0)::decimal(18, 2) as company_overdue_amount,
         coalesce(sum(open_amount) filter (where bucket <> 'not_due' and invoice_id not in (select invoice_id from dunning)), 0)::decimal(18, 2) as overdue_other_amount
  from invoices
),

final as (
  select worklist_sums.client_count, actions.action_count, worklist_sums.due_amount, worklist_sums.overdue_amount, worklist_sums.expected_loss_amount,
         company.company_overdue_amount,
         actions.overdue_to_chase_amount,
         actions.overdue_to_chase_invoice_count,
         actions.overdue_to_chase_client_count,
         actions.overdue_paused_amount,
         actions.overdue_to_declare_amount,
         actions.overdue_foreclosed_amount,
         company.overdue_other_amount,
         actions.preventive_amount
  from worklist_sums cross join actions cross join company
)

select * from final
