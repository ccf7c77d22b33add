-- One row: the company's late-payment penalties, split: claimable now (invoices still open and
-- overdue, not to declare), to declare (open invoices of a client under a collective procedure
-- issued by its judgment, to the judgment's date; one issued after it is claimable, L622-17), lost
-- with a foreclosed claim, and accrued on invoices already paid late, with how far back
-- those go. A roll-up of `penalties`.
with final as (
  select coalesce(sum(penalty_amount) filter (where is_still_open and not is_to_declare), 0)::decimal(18, 2) as claimable_amount,
         (count(*) filter (where is_still_open and not is_to_declare))::integer as claimable_invoice_count,
         coalesce(sum(penalty_amount) filter (where is_to_declare and not is_claim_foreclosed), 0)::decimal(18, 2) as to_declare_amount,
         (count(*) filter (where is_to_declare and not is_claim_foreclosed))::integer as to_declare_invoice_count,
         coalesce(sum(penalty_amount) filter (where is_claim_foreclosed), 0)::decimal(18, 2) as foreclosed_amount,
         (count(*) filter (where is_claim_foreclosed))::integer as foreclosed_invoice_count,
         coalesce(sum(penalty_amount) filter (where not is_still_open), 0)::decimal(18, 2) as paid_late_amount,
         (count(*) filter (where not is_still_open))::integer as paid_late_invoice_count,
         min(due_date) filter (where not is_still_open) as paid_late_since_date,
         coalesce(sum(days_without_rate), 0)::integer as days_without_rate,
         -- When part of the interest cannot be priced (an ECB half-year missing) the pages say
         -- claimable_amount (the indemnities and the interest of the days priced) and from when
         -- the rest is unknown.
         coalesce(sum(indemnity_amount) filter (where is_still_open and not is_to_declare), 0)::decimal(18, 2) as indemnity_claimable_amount,
         min(rate_missing_from_date) filter (where is_still_open and not is_to_declare) as rate_missing_from_date
  from penalties
)

select * from final
