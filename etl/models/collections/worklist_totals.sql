-- One row: the totals of today's collections worklist at the as-of date — clients in the worklist,
-- invoice actions in `dunning` (paused ones included), and the amounts due, overdue and at
-- expected loss over the worklist's clients.
-- A roll-up of `dunning` and `worklist`.
with worklist_sums as (
  select
    count(*)::integer as client_count,
    coalesce(sum(due_amount), 0)::decimal(18, 2) as due_amount,
    coalesce(sum(overdue_amount), 0)::decimal(18, 2) as overdue_amount,
    coalesce(sum(expected_loss_amount), 0)::decimal(18, 2) as expected_loss_amount
  from worklist
),

actions as (
  select count(*)::integer as action_count from dunning
),

final as (
  select worklist_sums.client_count, actions.action_count, worklist_sums.due_amount, worklist_sums.overdue_amount, worklist_sums.expected_loss_amount
  from worklist_sums cross join actions
)

select * from final
