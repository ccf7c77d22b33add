-- One row per client and month end at which it owed something or was invoiced: the features of
-- the credit score, the default event of the next 12 months (an invoice still open 91 days past
-- its due date, or a write-off) and the sample the row belongs to ('training', 'validation', or
-- NULL when its outcome is unknown or the client is already in default).
-- Days late = settlement date − due date (0 when paid early), weighted by the invoice amount, over
-- the invoices settled in the last 3, 6 and 12 months. External rating and legal status come from
-- today's client file, so they are kept only at the latest month end (earlier rows would see
-- the future).
with events as (select * from int_score_invoice_events),

rows as (
  select month_end, client_id from int_score_exposure
  union
  select last_day(issue_date), client_id from events where last_day(issue_date) in (select month_end from int_month_ends)
),

history as (
  select rows.month_end, rows.client_id,
    sum(amount * greatest(0, settled_date - due_date)) filter (where settled_date > month_end - interval 3 month and settled_date <= month_end)
      / sum(amount) filter (where settled_date > month_end - interval 3 month and settled_date <= month_end) as days_late_3m,
    sum(amount * greatest(0, settled_date - due_date)) filter (where settled_date > month_end - interval 6 month and settled_date <= month_end)
      / sum(amount) filter (where settled_date > month_end - interval 6 month and settled_date <= month_end) as days_late_6m,
    sum(amount * greatest(0, settled_date - due_date)) filter (where settled_date <= month_end)
      / sum(amount) filter (where settled_date <= month_end) as days_late_12m,
    coalesce(sum(amount) filter (where issue_date > month_end - interval 12 month and issue_date <= month_end), 0) as sales_12m_amount,
    sum(amount) filter (where is_disputed and issue_date > month_end - interval 12 month and issue_date <= month_end)
      / sum(amount) filter (where issue_date > month_end - interval 12 month and issue_date <= month_end) as share_disputed
  from rows
  join events on events.client_id = rows.client_id
    and (events.issue_date > rows.month_end - interval 12 month or events.settled_date > rows.month_end - interval 12 month)
  group by rows.month_end, rows.client_id
),

tenure as (
  select client_id, min(issue_date) as first_issue_date from events group by client_id
),

defaults as (
  select client_id, default_date from events where default_date is not null
  union all
  select client_id, writeoff_date from stg_writeoffs where reject_reason is null and writeoff_date <= getvariable('as_of_date')
),

labels as (
  select rows.month_end, rows.client_id, count(defaults.default_date) > 0 as defaults_within_12m
  from rows
  left join defaults on defaults.client_id = rows.client_id
    and defaults.default_date > rows.month_end and defaults.default_date <= rows.month_end + interval 12 month
  group by rows.month_end, rows.client_id
),

split as (
  -- Out of time: the last validation_month_ends month ends whose outcome is known validate the fit.
  select max(month_end) as last_known, last_day(max(month_end) - to_months(getvariable('score_validation_month_ends'))) as cutoff
  from int_month_ends where month_end + interval 12 month <= getvariable('as_of_date')
),

final as (
  select rows.month_end, rows.client_id,
    coalesce(exposure.open_amount, 0)::decimal(18, 2) as open_amount,
    coalesce(exposure.max_days_past_due, 0) as max_days_past_due,
    coalesce(exposure.open_over_60_amount / nullif(exposure.open_amount, 0), 0) as share_over_60,
    history.days_late_3m, history.days_late_6m, history.days_late_12m,
    history.days_late_3m - history.days_late_12m as days_late_trend,
    coalesce(history.share_disputed, 0) as share_disputed,
    exposure.open_amount / nullif(clients.credit_limit, 0) as limit_usage,
    datediff('month', tenure.first_issue_date, rows.month_end) as tenure_months,
    history.sales_12m_amount::decimal(18, 2) as sales_12m_amount,
    case when rows.month_end = (select max(month_end) from int_month_ends) then clients.external_rating end as external_rating,
    case when rows.month_end = (select max(month_end) from int_month_ends) then clients.legal_status end as legal_status,
    labels.defaults_within_12m,
    coalesce(rows.month_end <= split.last_known, false) as is_outcome_known,
    case when split.last_known is null or rows.month_end > split.last_known or coalesce(exposure.max_days_past_due, 0) > 90 then null
         when rows.month_end <= split.cutoff then 'training' else 'validation' end as sample
  from rows
  cross join split
  join labels using (month_end, client_id)
  join tenure using (client_id)
  left join history using (month_end, client_id)
  left join int_score_exposure as exposure using (month_end, client_id)
  left join stg_clients as clients on clients.client_id = rows.client_id and clients.reject_reason is null
)

select * from final
