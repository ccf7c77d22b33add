-- One row per issue month (billing cohort): of the amount invoiced that month, the share collected
-- within 30, 60, 90 and 120 days of issue, and the share still open 90 days after issue. A share
-- is NULL until every invoice of the cohort has reached that age at the as-of date. Collected
-- means paid (payments allocated); credit notes and write-offs are not collections.
with cohort_invoices as (
  select invoice_id, issue_date, last_day(issue_date) as cohort_month, amount
  from int_invoices
  where kind = 'invoice'
),

-- The payments and the balance spans of the invoices, joined to them in one join: two joins each
-- built the million invoices of 1M invoices into a hash table. A span with nothing open adds
-- nothing, so only the others are read (half of the 2 million spans are the zero that follows an
-- invoice's payment). DECIMAL sums, exact in any order.
invoice_events as (
  select invoice_id, true as is_payment, allocation_date as event_date, null::date as valid_to, amount
  from int_allocations
  where source_kind = 'payment'
  union all
  select invoice_id, false, valid_from, valid_to, open_amount
  from int_invoice_balance_history
  where open_amount <> 0
),

by_cohort as (
  select cohort_invoices.cohort_month,
         sum(events.amount) filter (where events.is_payment and events.event_date - cohort_invoices.issue_date <= 30) as within_30,
         sum(events.amount) filter (where events.is_payment and events.event_date - cohort_invoices.issue_date <= 60) as within_60,
         sum(events.amount) filter (where events.is_payment and events.event_date - cohort_invoices.issue_date <= 90) as within_90,
         sum(events.amount) filter (where events.is_payment and events.event_date - cohort_invoices.issue_date <= 120) as within_120,
         -- The span holding the day 90 days after issue: its open amount then.
         sum(events.amount) filter (where not events.is_payment and cohort_invoices.issue_date + 90 >= events.event_date
                                      and cohort_invoices.issue_date + 90 < coalesce(events.valid_to, date '9999-12-31')) as open_at_90_days
  from cohort_invoices
  join invoice_events as events using (invoice_id)
  group by cohort_invoices.cohort_month
),

cohorts as (
  select cohort_month, sum(amount) as invoiced_amount, count(*) as invoice_count
  from cohort_invoices
  group by cohort_month
),

final as (
  select
    cohorts.cohort_month,
    cohorts.invoiced_amount::decimal(18, 2) as invoiced_amount,
    cohorts.invoice_count::integer as invoice_count,
    case when cohorts.cohort_month + 30 <= getvariable('as_of_date') then coalesce(by_cohort.within_30, 0) / cohorts.invoiced_amount end::double as share_collected_30d,
    case when cohorts.cohort_month + 60 <= getvariable('as_of_date') then coalesce(by_cohort.within_60, 0) / cohorts.invoiced_amount end::double as share_collected_60d,
    case when cohorts.cohort_month + 90 <= getvariable('as_of_date') then coalesce(by_cohort.within_90, 0) / cohorts.invoiced_amount end::double as share_collected_90d,
    case when cohorts.cohort_month + 120 <= getvariable('as_of_date') then coalesce(by_cohort.within_120, 0) / cohorts.invoiced_amount end::double as share_collected_120d,
    case when cohorts.cohort_month + 90 <= getvariable('as_of_date') then coalesce(by_cohort.open_at_90_days, 0) / cohorts.invoiced_amount end::double as share_open_after_90d
  from cohorts
  left join by_cohort using (cohort_month)
)

select * from final
order by cohort_month
