-- One row per client and month end at which it owed something: its credit score. Raw risk = the
-- sum of the weights of evidence of its feature bands (int_score_points), lower = riskier.
-- pd_12m = the default rate observed in training among the tenth of the training rows whose raw
-- risk is closest (calibration by deciles, so that summing correlated features does not inflate
-- it). Score = 50 + 8 × log2((1 − pd) / pd), between 0 and 100 (higher is safer; 8 points double
-- the odds of not defaulting). Grade by pd_12m: A below 5 %, B below 10 %, C below 20 %, D below
-- 35 %, E from 35 %. Reasons: the up to three feature bands that cost the most points.
with features as (
  select * from int_score_features
),

bands as (
  select month_end, client_id, 'max_days_past_due' as feature, band_max_days_past_due as band from features
  union all select month_end, client_id, 'days_late_12m', band_days_late_12m from features
  union all select month_end, client_id, 'days_late_trend', band_days_late_trend from features
  union all select month_end, client_id, 'share_over_60', band_share_over_60 from features
  union all select month_end, client_id, 'limit_usage', band_limit_usage from features
  union all select month_end, client_id, 'tenure', band_tenure from features
),

scored_bands as (
  select bands.*, coalesce(points.woe, 0) as woe
  from bands left join int_score_points as points using (feature, band)
),

reasons as (
  select month_end, client_id, feature, band, woe,
         row_number() over (partition by month_end, client_id order by woe, feature) as rank
  from scored_bands where woe < 0
),

totals as (
  select month_end, client_id, sum(woe) as total_woe
  from scored_bands group by month_end, client_id
),

training_raw as (
  select totals.total_woe, features.defaults_within_12m, ntile(10) over (order by totals.total_woe) as decile
  from totals
  join int_score_features as features using (month_end, client_id)
  where features.is_outcome_known and features.max_days_past_due <= 90
    and features.month_end <= (select max(month_end) from int_score_features where is_outcome_known) - interval 12 month
),

calibration as (
  -- Each decile of training raw risk as a range of points (the first and last open-ended), with
  -- its observed default rate (smoothed).
  select decile, (count(*) filter (where defaults_within_12m) + 0.5) / (count(*) + 1) as default_rate, max(total_woe) as upper_edge
  from training_raw group by decile
),

calibration_ranges as (
  select default_rate,
         case when decile = min(decile) over () then -1e9 else lag(upper_edge) over (order by decile) end as lower_edge,
         case when decile = max(decile) over () then 1e9 else upper_edge end as upper_edge
  from calibration
),

probabilities as (
  select totals.month_end, totals.client_id, totals.total_woe,
         -- Kept inside (0.01 %, 99.99 %): a probability of exactly 0 or 1 has no odds. Without a
         -- training history, the logistic of the expert points around a 5 % prior.
         greatest(0.0001, least(0.9999, coalesce(ranges.default_rate, 1 / (1 + exp(-(ln(0.05 / 0.95) - totals.total_woe)))))) as pd_12m
  from totals
  left join calibration_ranges as ranges on totals.total_woe > ranges.lower_edge and totals.total_woe <= ranges.upper_edge
),

final as (
  select
    probabilities.month_end,
    probabilities.client_id,
    greatest(0, least(100, 50 + 8 * log2((1 - pd_12m) / pd_12m)))::double as score,
    case when pd_12m < 0.05 then 'A' when pd_12m < 0.10 then 'B' when pd_12m < 0.20 then 'C' when pd_12m < 0.35 then 'D' else 'E' end as grade,
    pd_12m::double as pd_12m,
    round(8 * any_value(total_woe) / ln(2))::integer as raw_points,
    max(reason_text(reasons.feature, reasons.band)) filter (where reasons.rank = 1) as reason_1,
    max(reason_text(reasons.feature, reasons.band)) filter (where reasons.rank = 2) as reason_2,
    max(reason_text(reasons.feature, reasons.band)) filter (where reasons.rank = 3) as reason_3,
    max(reasons.feature) filter (where reasons.rank = 1) as reason_1_code,
    max(reasons.feature) filter (where reasons.rank = 2) as reason_2_code,
    max(reasons.feature) filter (where reasons.rank = 3) as reason_3_code
  from probabilities
  left join reasons using (month_end, client_id)
  group by all
)

select * from final
order by month_end, client_id
