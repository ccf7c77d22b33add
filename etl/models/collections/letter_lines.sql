-- One row per invoice named in a client's dunning letter at the as-of date: its invoices in the
-- worklist (not paused) that are overdue — or, when none is, those due soon (a preventive
-- reminder) — with the late-payment interest and the recovery indemnity `penalties` gives them
-- (Code de commerce L441-10, D441-5), which a formal notice claims. An invoice late on days the
-- ECB table has no rate for has no full interest figure (interest_amount NULL, never 0):
-- interest_known_amount is the interest of the days the table prices (what the letter claims) and
-- interest_unknown_from_date the day from which it cannot be computed.
-- Each invoice is stated in its own currency (currency, currency_amount, currency_open_amount from
-- `invoices`: what the client was invoiced and owes); amount and open_amount, and the interest and
-- indemnity computed on them, are in the company currency.
-- A roll-up of `dunning`, `invoices` and `penalties`.
with active as (
  select dunning.*, bool_or(days_from_due > 0) over (partition by client_id) as has_overdue
  from dunning
  -- A claim a collective procedure holds is named in no letter (individual collection is suspended,
  -- L622-21; a foreclosed claim is no longer chased at all); the client's invoices issued after the
  -- judgment (dunning.is_post_judgment: payable when due, L622-17) are on the schedule and are named.
  where stage not like 'paused\_%' escape '\' and stage not in ('declare_claim', 'claim_foreclosed')
),

final as (
  select
    active.client_id,
    active.invoice_id,
    invoices.issue_date,
    active.due_date,
    invoices.amount,
    active.open_amount,
    invoices.currency,
    invoices.currency_amount,
    invoices.currency_open_amount,
    greatest(active.days_from_due, 0)::integer as days_past_due,
    case when penalties.days_without_rate > 0 then null else coalesce(penalties.interest_amount, 0) end::decimal(18, 2) as interest_amount,
    -- penalties.interest_amount sums only the spans a half-year of the table prices.
    coalesce(penalties.interest_amount, 0)::decimal(18, 2) as interest_known_amount,
    penalties.rate_missing_from_date as interest_unknown_from_date,
    coalesce(penalties.indemnity_amount, 0)::decimal(18, 2) as indemnity_amount
  from active
  join invoices using (invoice_id)
  left join penalties using (invoice_id)
  where active.days_from_due > 0 or not active.has_overdue
)

select * from final
order by client_id, due_date, invoice_id
