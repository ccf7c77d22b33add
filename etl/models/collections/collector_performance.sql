-- One row per sales rep and month with an action in the collections log: clients chased (a call,
-- e-mail or letter that month), the overdue amount they owed at the previous month end (chased:
-- their invoices past due at that date, with what was open on them), the payments allocated to
-- those chased invoices in the 30 days after the client's first action of the month (collected
-- after an action: a payment of another invoice, or of an invoice not yet due then, is no fruit of
-- the chase, so collected never exceeds chased),
-- promises made that month and how they ended, disputes of the rep's clients closed that month,
-- and the amount-weighted days beyond terms of the invoices the rep's clients settled that month.
-- A roll-up of `allocations`, `clients` and `invoices`.
with actions as (
  select actions.*, clients.sales_rep, date_trunc('month', actions.action_date)::date as month
  from int_actions as actions
  join clients using (client_id)
  where clients.sales_rep is not null
),

chased as (
  select sales_rep, month, client_id, min(action_date) as first_action_date
  from actions
  where kind in ('call', 'email', 'letter')
  group by all
),

-- The invoices each chased client had past due at the previous month end, with their open amount then.
chased_invoices as (
  select chased.sales_rep, chased.month, chased.client_id, chased.first_action_date, invoices.invoice_id, history.open_amount
  from chased
  join invoices on invoices.client_id = chased.client_id and invoices.kind = 'invoice' and invoices.due_date < chased.month - 1
  join int_invoice_balance_history as history
    on history.invoice_id = invoices.invoice_id
   and history.valid_from <= chased.month - 1 and (history.valid_to is null or history.valid_to > chased.month - 1)
  where history.open_amount > 0
),

-- What payments settled of those invoices in the 30 days after the first action.
collected_on_chased as (
  select chased_invoices.sales_rep, chased_invoices.month, chased_invoices.client_id, sum(allocations.amount) as amount
  from chased_invoices
  join allocations
    on allocations.invoice_id = chased_invoices.invoice_id and allocations.client_id = chased_invoices.client_id
   and allocations.source_kind = 'payment'
   and allocations.allocation_date between chased_invoices.first_action_date and chased_invoices.first_action_date + 30
  group by all
),

chased_amounts as (
  select chased.sales_rep, chased.month, count(*)::integer as clients_chased,
         coalesce(sum(overdue.amount), 0)::decimal(18, 2) as chased_amount,
         coalesce(sum(collected.amount), 0)::decimal(18, 2) as collected_after_action_amount
  from chased
  left join (select sales_rep, month, client_id, sum(open_amount) as amount from chased_invoices group by all) as overdue
    using (sales_rep, month, client_id)
  left join collected_on_chased as collected using (sales_rep, month, client_id)
  group by all
),

promise_outcomes as (
  select clients.sales_rep, date_trunc('month', promises.action_date)::date as month,
         count(*)::integer as promises_made,
         count(*) filter (where promises.status = 'kept')::integer as promises_kept,
         count(*) filter (where promises.status = 'broken')::integer as promises_broken
  from int_promises as promises
  join clients using (client_id)
  where clients.sales_rep is not null
  group by all
),

disputes_closed as (
  select clients.sales_rep, date_trunc('month', disputes.closed_date)::date as month, count(*)::integer as disputes_resolved
  from int_disputes as disputes
  join clients using (client_id)
  where disputes.status = 'closed' and clients.sales_rep is not null
  group by all
),

days_beyond_terms as (
  select clients.sales_rep, date_trunc('month', invoices.settled_date)::date as month,
         round(sum(invoices.days_late * invoices.amount) / nullif(sum(invoices.amount), 0), 1) as days_beyond_terms
  from invoices
  join clients using (client_id)
  where invoices.kind = 'invoice' and invoices.settled_date is not null and clients.sales_rep is not null
  group by all
),

rep_months as (
  select distinct sales_rep, month from actions
),

final as (
  select
    rep_months.sales_rep,
    rep_months.month,
    coalesce(chased_amounts.clients_chased, 0) as clients_chased,
    coalesce(chased_amounts.chased_amount, 0)::decimal(18, 2) as chased_amount,
    coalesce(chased_amounts.collected_after_action_amount, 0)::decimal(18, 2) as collected_after_action_amount,
    coalesce(promise_outcomes.promises_made, 0) as promises_made,
    coalesce(promise_outcomes.promises_kept, 0) as promises_kept,
    coalesce(promise_outcomes.promises_broken, 0) as promises_broken,
    coalesce(disputes_closed.disputes_resolved, 0) as disputes_resolved,
    days_beyond_terms.days_beyond_terms
  from rep_months
  left join chased_amounts using (sales_rep, month)
  left join promise_outcomes using (sales_rep, month)
  left join disputes_closed using (sales_rep, month)
  left join days_beyond_terms using (sales_rep, month)
)

select * from final
order by sales_rep, month
