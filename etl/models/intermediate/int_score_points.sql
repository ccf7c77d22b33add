-- One row per feature band: its points in the credit score (weight of evidence). Fitted when the
-- history allows — training month ends are those whose 12-month outcome is known and that fall at
-- least 12 months before the last such month end (the later ones are kept for the out-of-time
-- validation), with at least 12 training month ends and 30 default events; else the documented
-- expert scorecard below. WoE = ln((goods in band + 0.5) / (all goods + 0.5 × bands) ÷
-- (defaults in band + 0.5) / (all defaults + 0.5 × bands)); a risky band has a negative WoE.
with training as (
  select * from int_score_features
  where is_outcome_known and max_days_past_due <= 90
    and month_end <= (select max(month_end) from int_score_features where is_outcome_known) - interval 12 month
),

long_form as (
  select 'max_days_past_due' as feature, band_max_days_past_due as band, defaults_within_12m from training
  union all select 'days_late_12m', band_days_late_12m, defaults_within_12m from training
  union all select 'days_late_trend', band_days_late_trend, defaults_within_12m from training
  union all select 'share_over_60', band_share_over_60, defaults_within_12m from training
  union all select 'limit_usage', band_limit_usage, defaults_within_12m from training
  union all select 'tenure', band_tenure, defaults_within_12m from training
),

counts as (
  select feature, band, count(*) filter (where not defaults_within_12m) as goods, count(*) filter (where defaults_within_12m) as bads
  from long_form group by all
),

fitted as (
  select feature, band,
         ln(((goods + 0.5) / (sum(goods) over f + 0.5 * count(*) over f)) / ((bads + 0.5) / (sum(bads) over f + 0.5 * count(*) over f))) as woe
  from counts
  window f as (partition by feature)
),

-- Expert points when the history is too short: the same bands, weights a credit manager would set.
expert(feature, band, woe) as (
  values ('max_days_past_due', 'not overdue', 0.8), ('max_days_past_due', '1-30', 0.2), ('max_days_past_due', '31-60', -0.6),
         ('max_days_past_due', '61-90', -1.3), ('max_days_past_due', '>90', -2.5),
         ('days_late_12m', 'on time', 0.5), ('days_late_12m', '1-10', 0.1), ('days_late_12m', '11-30', -0.5), ('days_late_12m', '>30', -1.2), ('days_late_12m', 'no history', -0.2),
         ('days_late_trend', 'steady or better', 0.2), ('days_late_trend', '+1-10', -0.3), ('days_late_trend', '>+10', -0.9), ('days_late_trend', 'no history', 0.0),
         ('share_over_60', 'none', 0.3), ('share_over_60', 'up to 25%', -0.4), ('share_over_60', 'over 25%', -1.1),
         ('limit_usage', 'no limit', 0.0), ('limit_usage', 'up to 50%', 0.2), ('limit_usage', '50-100%', -0.1), ('limit_usage', 'over limit', -0.7),
         ('tenure', 'under 6 months', -0.3), ('tenure', '6-24 months', 0.0), ('tenure', 'over 24 months', 0.2)
),

history as (
  select count(distinct month_end) as training_month_ends, count(*) filter (where defaults_within_12m) as training_defaults,
         coalesce(ln(nullif(count(*) filter (where defaults_within_12m), 0) / nullif(count(*) filter (where not defaults_within_12m), 0)), ln(0.05 / 0.95)) as prior_log_odds
  from training
),

final as (
  select 'fitted' as method, fitted.feature, fitted.band, fitted.woe, history.*
  from fitted cross join history
  where history.training_month_ends >= 12 and history.training_defaults >= 30
  union all
  select 'expert', expert.feature, expert.band, expert.woe, history.training_month_ends, history.training_defaults, ln(0.05 / 0.95)
  from expert cross join history
  where not (history.training_month_ends >= 12 and history.training_defaults >= 30)
)

select * from final
