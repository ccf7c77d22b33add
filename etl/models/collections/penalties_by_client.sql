-- One row per client with late-payment penalties: what is claimable on its invoices still open,
-- what is to declare to the mandataire (its open invoices issued by the judgment while it is under a
-- collective procedure, interest stopped at the judgment: not claimable; those issued after it are
-- claims born after it, claimable, L622-17), what went with a foreclosed claim (lost), and what
-- accrued on invoices it already paid late (not claimed). A roll-up of `penalties`.
with final as (
  select client_id, count(*)::integer as invoice_count,
         coalesce(sum(interest_amount) filter (where is_still_open and not is_to_declare), 0)::decimal(18, 2) as interest_claimable_amount,
         coalesce(sum(indemnity_amount) filter (where is_still_open and not is_to_declare), 0)::decimal(18, 2) as indemnity_claimable_amount,
         coalesce(sum(penalty_amount) filter (where is_still_open and not is_to_declare), 0)::decimal(18, 2) as claimable_amount,
         coalesce(sum(penalty_amount) filter (where is_to_declare and not is_claim_foreclosed), 0)::decimal(18, 2) as to_declare_amount,
         coalesce(sum(penalty_amount) filter (where is_claim_foreclosed), 0)::decimal(18, 2) as foreclosed_amount,
         coalesce(sum(penalty_amount) filter (where not is_still_open), 0)::decimal(18, 2) as paid_late_amount,
         sum(penalty_amount)::decimal(18, 2) as penalty_amount,
         sum(days_without_rate)::integer as days_without_rate,
         -- From this day the interest claimable cannot be computed (an ECB half-year missing): the
         -- client page, as its letter, then gives the interest of the days priced and says so.
         min(rate_missing_from_date) filter (where is_still_open and not is_to_declare) as rate_missing_from_date
  from penalties
  group by client_id
)

select * from final
order by claimable_amount desc, client_id
