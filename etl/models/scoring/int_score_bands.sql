-- One row per client, month end and feature of the credit score: the band its value falls in
-- (band_order 1 = the safest band; labels in int_score_band_labels). The band edges are the
-- scorecard's. Size (sales) is no feature: a large client is not riskier as such, and the
-- history's first year would make every client look small. External rating and legal status are
-- overrides of the latest score (client_scores), not bands.
with features as (select * from int_score_features),

long_form as (
  select month_end, client_id, sample, defaults_within_12m, 'max_days_past_due' as feature,
    case when max_days_past_due = 0 then 1 when max_days_past_due <= 15 then 2 when max_days_past_due <= 30 then 3
         when max_days_past_due <= 60 then 4 when max_days_past_due <= 90 then 5 else 6 end as band_order from features
  union all select month_end, client_id, sample, defaults_within_12m, 'days_late_12m',
    case when days_late_clipped_calendar_12m is null then 0 when days_late_clipped_calendar_12m <= 0 then 1 when days_late_clipped_calendar_12m <= 5 then 2
         when days_late_clipped_calendar_12m <= 15 then 3 when days_late_clipped_calendar_12m <= 30 then 4 else 5 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'days_late_trend',
    case when days_late_clipped_calendar_trend is null then 0 when days_late_clipped_calendar_trend <= 0 then 1 when days_late_clipped_calendar_trend <= 5 then 2
         when days_late_clipped_calendar_trend <= 15 then 3 else 4 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'share_over_60',
    case when share_over_60 = 0 then 1 when share_over_60 <= 0.25 then 2 else 3 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'share_disputed',
    case when share_disputed = 0 then 1 when share_disputed <= 0.05 then 2 else 3 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'limit_usage',
    case when limit_usage is null then 0 when limit_usage <= 0.5 then 1 when limit_usage <= 0.8 then 2 when limit_usage <= 1 then 3 else 4 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'tenure',
    case when tenure_months >= 24 or is_tenure_censored then 1 when tenure_months >= 6 then 2 else 3 end from features
)

select * from long_form
where band_order is not null
