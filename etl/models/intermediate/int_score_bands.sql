-- One row per client, month end and feature of the credit score: the band its value falls in
-- (band_order 1 = the safest band; labels and reasons in int_score_band_labels). The band edges
-- are the scorecard's. An external rating that does not start with A–E gets no band.
with features as (select * from int_score_features),

long_form as (
  select month_end, client_id, sample, defaults_within_12m, 'max_days_past_due' as feature,
    case when max_days_past_due = 0 then 1 when max_days_past_due <= 15 then 2 when max_days_past_due <= 30 then 3
         when max_days_past_due <= 60 then 4 when max_days_past_due <= 90 then 5 else 6 end as band_order from features
  union all select month_end, client_id, sample, defaults_within_12m, 'days_late_12m',
    case when days_late_12m is null then 0 when days_late_12m <= 0 then 1 when days_late_12m <= 5 then 2 when days_late_12m <= 15 then 3
         when days_late_12m <= 30 then 4 else 5 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'days_late_trend',
    case when days_late_trend is null then 0 when days_late_trend <= 0 then 1 when days_late_trend <= 5 then 2 when days_late_trend <= 15 then 3 else 4 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'share_over_60',
    case when share_over_60 = 0 then 1 when share_over_60 <= 0.25 then 2 else 3 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'share_disputed',
    case when share_disputed = 0 then 1 when share_disputed <= 0.05 then 2 else 3 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'limit_usage',
    case when limit_usage is null then 0 when limit_usage <= 0.5 then 1 when limit_usage <= 0.8 then 2 when limit_usage <= 1 then 3 else 4 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'tenure',
    case when tenure_months >= 24 then 1 when tenure_months >= 6 then 2 else 3 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'sales_12m',
    case when sales_12m_amount >= 200000 then 1 when sales_12m_amount >= 50000 then 2 when sales_12m_amount >= 10000 then 3 else 4 end from features
  -- Today's client file only (see int_score_features): never fitted, expert points only.
  union all select month_end, client_id, null, null, 'external_rating',
    case upper(left(trim(external_rating), 1)) when 'A' then 1 when 'B' then 2 when 'C' then 3 when 'D' then 4 when 'E' then 5 end from features where external_rating is not null
  union all select month_end, client_id, null, null, 'legal_status',
    case when is_collective_procedure(legal_status) then 2 else 1 end from features where legal_status is not null
)

select * from long_form
where band_order is not null
