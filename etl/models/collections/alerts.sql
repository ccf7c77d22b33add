-- One row per alert active at the as-of date, with the date it first appeared: invoices newly
-- beyond 60 or 90 days past due (crossed in the last 30 days), a client's exposure over its credit
-- limit, a client whose credit grade dropped since the last month end (client_scores), a client
-- under a collective procedure — or, once its claim is foreclosed (not declared, the relief
-- deadline of L622-26 passed: client_procedures), a claim to write off instead — and a client whose days late are
-- worsening fast (its days late over the last 3 calendar months above the last 12 by the configured
-- number of days, 15 by default: int_days_late_trend's days_late_calendar_3m and _12m, named so
-- here too, since client_behaviour's days_late_3m and _12m count back from the as-of date),
-- a client with open items on payment terms beyond the French legal ceiling, and a promise to pay
-- not kept by its date (collections log; first seen the day after the promise's date, for 30 days,
-- while an amount it covers is open).
-- amount is the money at risk, one measure for every alert: the open amount the alert is about —
-- an invoice's open amount (overdue_60, overdue_90), the exposure beyond the credit limit
-- (over_limit), what a broken promise covers still open (promise_broken), the client's overdue
-- amount (grade_drop, days_late_worsening: what is already late and now less likely to come), and
-- everything the client owes (collective_procedure: the claim to declare, less the invoices issued after the judgment; terms_beyond_legal_ceiling:
-- the open items on those terms), the open amount of the foreclosed invoices (claim_foreclosed). Alerts are ranked on it, the largest first.
-- A roll-up of `ageing_monthly`, `client_procedures`, `client_risk`, `client_scores`, `clients` and `invoices`.
with as_of as (select getvariable('as_of_date') as as_of_date),

overdue_thresholds as (
  -- The thresholds are default_days_past_due (90) and watch_days_past_due (60), macros.sql: an
  -- invoice beyond the first is overdue_90, else beyond the second overdue_60 (one scan of the
  -- million invoices, not one per threshold).
  select alert, invoice_id, client_id, due_date + threshold + 1 as first_seen_date, open_amount as amount,
         'invoice ' || invoice_id || ' is more than ' || threshold || ' days past due' as detail
  from (
    select invoice_id, client_id, due_date, open_amount,
           case when days_past_due > default_days_past_due() then 'overdue_90' else 'overdue_60' end as alert,
           case when days_past_due > default_days_past_due() then default_days_past_due() else watch_days_past_due() end as threshold
    from invoices
    where kind = 'invoice' and open_amount > 0 and days_past_due > watch_days_past_due()
  )
),

-- Only the clients over their limit now (over_limit's) are looked back at: the others' million
-- month-end positions (1M invoices) were summed for nothing.
exposure_by_month as (
  select ageing_monthly.month_end, clients.client_id, sum(ageing_monthly.open_amount) > clients.credit_limit as is_over
  from ageing_monthly join clients using (client_id)
  where clients.credit_limit is not null and clients.receivables_amount > clients.credit_limit
  group by ageing_monthly.month_end, clients.client_id, clients.credit_limit
),

over_limit as (
  -- First seen: the month end after the last one the client was within its limit (or the as-of date).
  select 'over_limit' as alert, null as invoice_id, clients.client_id,
         coalesce((select min(month_end) from exposure_by_month e where e.client_id = clients.client_id and e.is_over
                     and e.month_end > coalesce((select max(month_end) from exposure_by_month w where w.client_id = clients.client_id and not w.is_over), date '1900-01-01')),
                  (select as_of_date from as_of)) as first_seen_date,
         clients.receivables_amount - clients.credit_limit as amount,
         'exposure ' || clients.receivables_amount || ' over the credit limit of ' || clients.credit_limit as detail,
         clients.credit_limit as limit_amount
  from clients
  where clients.receivables_amount > clients.credit_limit
),

-- The credit score's grades (client_scores): the latest month end against the client's grade just
-- before it, which must be the month end before. Only the rows from that month end on are read,
-- not every client's history sorted for lag() (a third of the model's time at 1M invoices): the
-- client's latest row before the last month end is that month end's only when no later one is.
last_month_ends as (
  select max(month_end) as month_end, last_day(max(month_end) - interval 1 month) as previous_month_end
  from client_scores
),

grades as (
  select scores.client_id, scores.month_end, scores.grade, previous.previous_grade, previous.previous_month_end
  from client_scores as scores
  join last_month_ends using (month_end)
  join (
    select scores.client_id, max(scores.month_end) as previous_month_end, arg_max(scores.grade, scores.month_end) as previous_grade
    from client_scores as scores, last_month_ends as last
    where scores.month_end >= last.previous_month_end and scores.month_end < last.month_end
    group by scores.client_id
  ) as previous using (client_id)
),

grade_drops as (
  select 'grade_drop' as alert, client_id, month_end as first_seen_date,
         'grade dropped from ' || previous_grade || ' to ' || grade || ' since the last month end' as detail,
         previous_grade, grade
  from grades
  where grade > previous_grade
    and previous_month_end = last_day(month_end - interval 1 month)
    -- Only a drop that changes what the manager does: into D (shorter terms, guarantees) or E
    -- (cash or secured only), or two notches at once.
    and (grade in ('D', 'E') or ascii(grade) - ascii(previous_grade) >= 2)
),

procedures as (
  -- Dated by the judgment that opened the procedure when the clients file gives it
  -- (procedure_date), else the as-of date (the day it first appears is the first run that reads
  -- the status); it stays while the status does.
  -- The amount is the claim the procedure holds: what the client owes less its open invoices issued
  -- after the judgment (is_pre_judgment, macros.sql: claims born after it, payable when due, L622-17).
  select 'collective_procedure' as alert, client_id, least(coalesce(procedure_date, (select as_of_date from as_of)), (select as_of_date from as_of)) as first_seen_date,
         greatest(receivables_amount - coalesce(post_judgment.open_amount, 0), 0) as amount,
         'collective procedure (' || collective_procedure_of(legal_status) || '): stop dunning and declare the claim within ' || getvariable('claim_deadline_months') || ' months of the judgment''s publication' as detail,
         collective_procedure_of(legal_status) as collective_procedure
  from clients
  left join (
    select invoices.client_id, sum(invoices.open_amount) as open_amount
    from invoices join clients as judged using (client_id)
    where invoices.kind = 'invoice' and invoices.open_amount > 0 and is_collective_procedure(judged.legal_status)
      and not is_pre_judgment(invoices.issue_date, judged.procedure_date)
    group by invoices.client_id
  ) as post_judgment using (client_id)
  where is_collective_procedure(legal_status)
    and client_id not in (select client_id from client_procedures where foreclosed_invoice_count > 0)
),

foreclosed as (
  -- "Declare the claim" is no advice once the claim is foreclosed: the day after the last day to
  -- ask for relief, the alert says to write it off.
  select 'claim_foreclosed' as alert, client_id, relief_deadline_date + 1 as first_seen_date, foreclosed_amount as amount,
         'collective procedure (' || collective_procedure || '): claim not declared, no relief from the foreclosure asked by '
           || relief_deadline_date || ': ' || foreclosed_amount || ' to write off' as detail,
         collective_procedure
  from client_procedures
  where foreclosed_invoice_count > 0
),

worsening as (
  select reference_date, client_id, days_late_calendar_3m, days_late_calendar_12m,
         days_late_calendar_3m - days_late_calendar_12m >= getvariable('worsening_days') and settled_3m >= 2 as is_worsening
  from int_days_late_trend
),

worsening_now as (
  select 'days_late_worsening' as alert, now.client_id,
         coalesce((select min(reference_date) from worsening w where w.client_id = now.client_id and w.is_worsening
                     and w.reference_date > coalesce((select max(reference_date) from worsening x where x.client_id = now.client_id and not x.is_worsening), date '1900-01-01')),
                  now.reference_date) as first_seen_date,
         'pays ' || round(now.days_late_calendar_3m) || ' days late over the last 3 calendar months against ' || round(now.days_late_calendar_12m) || ' over the last 12' as detail,
         round(now.days_late_calendar_3m)::integer as days_late_calendar_3m, round(now.days_late_calendar_12m)::integer as days_late_calendar_12m
  from worsening as now
  where now.reference_date = (select as_of_date from as_of) and now.is_worsening
),

-- Terms are beyond the ceiling when some invoice date of a (leap) year gets a due date beyond it:
-- "30 jours fin de mois le 10" is within it on most days but gives 70 days on a 31 January.
terms_longest_days as (
  select payment_terms, max(terms_due_date(issue::date, payment_terms) - issue::date) as longest_days
  from (select distinct payment_terms from clients where payment_terms is not null),
       range(date '2024-01-01', date '2025-01-01', interval 1 day) as days(issue)
  group by payment_terms
  having bool_or(is_due_beyond_legal_ceiling(issue::date, terms_due_date(issue::date, payment_terms)))
),

terms_beyond_ceiling as (
  -- First seen: the client's first invoice on those terms in the ledger.
  select 'terms_beyond_legal_ceiling' as alert, clients.client_id,
         coalesce(clients.first_invoice_date, (select as_of_date from as_of)) as first_seen_date,
         'payment terms "' || clients.payment_terms || '" give due dates up to ' || terms.longest_days
           || ' days after the invoice, beyond the legal ceiling (60 days from the invoice date, or 45 days end of month)' as detail,
         clients.payment_terms, terms.longest_days::integer as longest_days
  from clients
  join terms_longest_days as terms using (payment_terms)
  where clients.receivables_amount <> 0
),

promises_broken as (
  select 'promise_broken' as alert, client_id, promise_date + 1 as first_seen_date, open_amount as amount,
         'promise to pay ' || promise_amount || ' by ' || promise_date || ' not kept: ' || received_amount || ' received, ' || open_amount || ' still open' as detail
  from int_promises
  where status = 'broken' and open_amount > 0 and promise_date + 1 > getvariable('as_of_date') - 30
),

final as (
  select * from overdue_thresholds where first_seen_date > (select as_of_date from as_of) - 30
  union all by name select * from over_limit
  union all by name select * from grade_drops
  union all by name select * from procedures
  union all by name select * from foreclosed
  union all by name select * from worsening_now
  union all by name select * from terms_beyond_ceiling
  union all by name select * from promises_broken
),

-- The client-level alerts take their money at risk from the client's position at the as-of date.
measured as (
  select final.* replace (
           coalesce(final.amount,
                    case when final.alert in ('grade_drop', 'days_late_worsening') then greatest(coalesce(clients.overdue_amount, 0), 0)
                         else greatest(coalesce(clients.receivables_amount, 0), 0) end) as amount)
  from final
  left join clients using (client_id)
)

-- detail is an English sentence for analysts; the columns after it are its parts, which the site
-- words in its own language.
-- Every alert carries the client's one grade and probability of default (client_risk: its credit
-- score, or the labelled fallback).
select final.alert, final.client_id, final.invoice_id, final.first_seen_date::date as first_seen_date, final.amount::decimal(18, 2) as amount, final.detail,
       final.limit_amount::decimal(18, 2) as limit_amount, final.previous_grade, risk.grade, risk.pd_12m, risk.grade_source,
       final.days_late_calendar_3m, final.days_late_calendar_12m, final.payment_terms, final.longest_days, final.collective_procedure
from measured as final
left join client_risk as risk using (client_id)
order by amount desc, first_seen_date desc, alert, client_id, invoice_id
