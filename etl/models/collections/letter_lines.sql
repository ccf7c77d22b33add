-- One row per invoice named in a client's dunning letter at the as-of date: its invoices in the
-- worklist (not paused) that are overdue — or, when none is, those due soon (a preventive
-- reminder) — with the late-payment interest and the recovery indemnity `penalties` gives them
-- (Code de commerce L441-10, D441-5), which a formal notice claims.
-- A roll-up of `dunning`, `invoices` and `penalties`.
with active as (
  select dunning.*, bool_or(days_from_due > 0) over (partition by client_id) as has_overdue
  from dunning
  where stage not like 'paused\_%' escape '\'
),

final as (
  select
    active.client_id,
    active.invoice_id,
    invoices.issue_date,
    active.due_date,
    invoices.amount,
    active.open_amount,
    greatest(active.days_from_due, 0)::integer as days_past_due,
    coalesce(penalties.interest_amount, 0)::decimal(18, 2) as interest_amount,
    coalesce(penalties.indemnity_amount, 0)::decimal(18, 2) as indemnity_amount
  from active
  join invoices using (invoice_id)
  left join penalties using (invoice_id)
  where active.days_from_due > 0 or not active.has_overdue
)

select * from final
order by client_id, due_date, invoice_id
