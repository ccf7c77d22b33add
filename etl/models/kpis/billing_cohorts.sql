-- One row per issue month (billing cohort): of the amount invoiced that month, the share collected
-- within 30, 60, 90 and 120 days of issue, and the share still open 90 days after issue. A share
-- is NULL until every invoice of the cohort has reached that age at the as-of date. Collected
-- means paid (payments allocated); credit notes and write-offs are not collections.
with cohort_invoices as (
  select invoice_id, issue_date, last_day(issue_date) as cohort_month, amount
  from int_invoices
  where kind = 'invoice'
),

paid as (
  select cohort_invoices.cohort_month, allocations.allocation_date - cohort_invoices.issue_date as days_after_issue, allocations.amount
  from int_allocations as allocations
  join cohort_invoices using (invoice_id)
  where allocations.source_kind = 'payment'
),

open_at_90_days as (
  select cohort_invoices.cohort_month, sum(history.open_amount) as open_amount
  from cohort_invoices
  join int_invoice_balance_history as history
    on history.invoice_id = cohort_invoices.invoice_id
   and cohort_invoices.issue_date + 90 >= history.valid_from
   and cohort_invoices.issue_date + 90 < coalesce(history.valid_to, date '9999-12-31')
  group by all
),

cohorts as (
  select cohort_month, sum(amount) as invoiced_amount, count(*) as invoice_count
  from cohort_invoices
  group by cohort_month
),

collected as (
  select cohort_month,
         sum(amount) filter (where days_after_issue <= 30) as within_30,
         sum(amount) filter (where days_after_issue <= 60) as within_60,
         sum(amount) filter (where days_after_issue <= 90) as within_90,
         sum(amount) filter (where days_after_issue <= 120) as within_120
  from paid
  group by cohort_month
),

final as (
  select
    cohorts.cohort_month,
    cohorts.invoiced_amount::decimal(18, 2) as invoiced_amount,
    cohorts.invoice_count::integer as invoice_count,
    case when cohorts.cohort_month + 30 <= getvariable('as_of_date') then coalesce(collected.within_30, 0) / cohorts.invoiced_amount end::double as share_collected_30d,
    case when cohorts.cohort_month + 60 <= getvariable('as_of_date') then coalesce(collected.within_60, 0) / cohorts.invoiced_amount end::double as share_collected_60d,
    case when cohorts.cohort_month + 90 <= getvariable('as_of_date') then coalesce(collected.within_90, 0) / cohorts.invoiced_amount end::double as share_collected_90d,
    case when cohorts.cohort_month + 120 <= getvariable('as_of_date') then coalesce(collected.within_120, 0) / cohorts.invoiced_amount end::double as share_collected_120d,
    case when cohorts.cohort_month + 90 <= getvariable('as_of_date') then coalesce(open_at_90_days.open_amount, 0) / cohorts.invoiced_amount end::double as share_open_after_90d
  from cohorts
  left join collected using (cohort_month)
  left join open_at_90_days using (cohort_month)
)

select * from final
order by cohort_month
