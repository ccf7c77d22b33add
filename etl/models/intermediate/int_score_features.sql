-- One row per client and month end at which it owed something: the payment-behaviour features
-- of the credit score, each also cut into its documented band, and the default event of the next
-- 12 months (an invoice beyond 90 days past due, or a write-off) when that is known.
with exposure as (
  select month_end, client_id,
         sum(open_amount) as open_amount,
         max(month_end - invoices.due_date) filter (where kind = 'invoice') as max_days_past_due,
         sum(open_amount) filter (where month_end - invoices.due_date > 60) as open_over_60
  from int_invoice_month_ends
  join int_invoices as invoices using (invoice_id, client_id, kind)
  where open_amount > 0
  group by month_end, client_id
),

tenure as (
  select client_id, min(issue_date) as first_issue_date from int_invoices group by client_id
),

default_months as (
  -- Month ends at which the client was in default: an invoice beyond 90 days past due open, or a
  -- write-off during the month.
  select distinct client_id, month_end from int_invoice_month_ends
  where kind = 'invoice' and open_amount > 0 and bucket_order >= (select min(bucket_order) from ref_buckets where min_days > 90)
  union
  select client_id, last_day(credit_date) from int_credits where source_kind = 'writeoff'
),

later_defaults as (
  select exposure.month_end, exposure.client_id, true as defaults_within_12m
  from exposure
  join default_months as defaults
    on defaults.client_id = exposure.client_id
   and defaults.month_end > exposure.month_end and defaults.month_end <= exposure.month_end + interval 12 month
  group by exposure.month_end, exposure.client_id
),

features as (
  select exposure.month_end, exposure.client_id, exposure.open_amount,
         greatest(exposure.max_days_past_due, 0) as max_days_past_due,
         coalesce(exposure.open_over_60, 0) / exposure.open_amount as share_over_60,
         trend.days_late_12m, trend.days_late_3m - trend.days_late_12m as days_late_trend,
         exposure.open_amount / nullif(clients.credit_limit, 0) as limit_usage,
         datediff('month', tenure.first_issue_date, exposure.month_end) as tenure_months,
         coalesce(later_defaults.defaults_within_12m, false) as defaults_within_12m,
         exposure.month_end + interval 12 month <= getvariable('as_of_date') as is_outcome_known
  from exposure
  join tenure using (client_id)
  left join int_days_late_trend as trend on trend.client_id = exposure.client_id and trend.reference_date = exposure.month_end
  left join stg_clients as clients on clients.client_id = exposure.client_id and clients.reject_reason is null
  left join later_defaults using (month_end, client_id)
)

select *,
  case when max_days_past_due = 0 then 'not overdue' when max_days_past_due <= 30 then '1-30' when max_days_past_due <= 60 then '31-60'
       when max_days_past_due <= 90 then '61-90' else '>90' end as band_max_days_past_due,
  case when days_late_12m is null then 'no history' when days_late_12m <= 0 then 'on time' when days_late_12m <= 10 then '1-10'
       when days_late_12m <= 30 then '11-30' else '>30' end as band_days_late_12m,
  case when days_late_trend is null then 'no history' when days_late_trend <= 0 then 'steady or better' when days_late_trend <= 10 then '+1-10' else '>+10' end as band_days_late_trend,
  case when share_over_60 = 0 then 'none' when share_over_60 <= 0.25 then 'up to 25%' else 'over 25%' end as band_share_over_60,
  case when limit_usage is null then 'no limit' when limit_usage <= 0.5 then 'up to 50%' when limit_usage <= 1 then '50-100%' else 'over limit' end as band_limit_usage,
  case when tenure_months < 6 then 'under 6 months' when tenure_months < 24 then '6-24 months' else 'over 24 months' end as band_tenure
from features
