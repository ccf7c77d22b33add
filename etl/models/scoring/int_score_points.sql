-- One row per feature band of the credit score: its weight of evidence (WoE; negative = riskier)
-- and whether it was fitted on the company's history or is the documented expert value.
-- Fitted when the training rows (int_score_features.sample = 'training') span at least
-- score_min_training_month_ends month ends and hold score_min_training_defaults default events:
-- WoE = ln(((goods in band + 0.5) / (goods + 0.5 × bands)) / ((defaults in band + 0.5) / (defaults + 0.5 × bands))),
-- adjacent bands pooled (their smoothed goods and defaults summed) where a riskier band would
-- otherwise score above a safer one.
with training as (
  select * from int_score_bands where sample = 'training'
),

history as (
  select count(distinct month_end)::integer as training_month_ends,
         (select count(*) from int_score_features where sample = 'training' and defaults_within_12m)::integer as training_defaults
  from training
),

method as (
  select *, case when training_month_ends >= getvariable('score_min_training_month_ends')
                  and training_defaults >= getvariable('score_min_training_defaults') then 'fitted' else 'expert' end as method
  from history
),

counts as (
  select feature, band_order, count(*) filter (where not defaults_within_12m) as goods, count(*) filter (where defaults_within_12m) as bads
  from training group by feature, band_order
),

-- Bands are risk-ordered (band_order 1 the safest; 0, "no data", stands apart): a riskier band
-- never earns more points than a safer one. Where the training rows say otherwise (a reversal is
-- noise: 80-100 % of the limit is not safer than 50-80 %), adjacent bands are pooled, their goods
-- and defaults summed, until the WoE falls from the safest band to the riskiest (pool-adjacent-
-- violators). The pooled odds (goods / defaults) of band i are the min over l <= i of the max over
-- r >= i of the odds of bands l..r pooled: what pooling adjacent violators ends with (the odds of a
-- pool are a mean of its bands' odds weighted by defaults), without a loop.
smoothed as (
  select feature, band_order, goods + 0.5 as goods, bads + 0.5 as bads,
         sum(goods + 0.5) over f as all_goods, sum(bads + 0.5) over f as all_bads
  from counts
  window f as (partition by feature)
),

running as (
  select *, sum(goods) over ordered as goods_to, sum(bads) over ordered as bads_to
  from smoothed where band_order > 0
  window ordered as (partition by feature order by band_order)
),

spans as (
  -- Bands l..r pooled: their goods over their defaults.
  select band.feature, band.band_order, l.band_order as l, r.band_order as r,
         (r.goods_to - l.goods_to + l.goods) / (r.bads_to - l.bads_to + l.bads) as odds
  from running as band
  join running as l on l.feature = band.feature and l.band_order <= band.band_order
  join running as r on r.feature = band.feature and r.band_order >= band.band_order
),

pooled as (
  select feature, band_order, min(odds) as odds
  from (select feature, band_order, l, max(odds) as odds from spans group by feature, band_order, l)
  group by feature, band_order
),

fitted as (
  -- A band left alone keeps the formula above to the last digit; a pooled one takes its pool's odds.
  select smoothed.feature, smoothed.band_order,
         case when pooled.odds is null or pooled.odds = smoothed.goods / smoothed.bads
              then ln((smoothed.goods / smoothed.all_goods) / (smoothed.bads / smoothed.all_bads))
              else ln(pooled.odds * smoothed.all_bads / smoothed.all_goods) end as woe
  from smoothed
  left join pooled using (feature, band_order)
),

-- Expert weights (log-odds, about −2.5 for the worst band to +0.5 for the best), set by credit
-- judgement for when the history is too short to fit; band_order as in int_score_bands.
expert(feature, band_order, woe) as (values
  ('max_days_past_due', 1, 0.5), ('max_days_past_due', 2, 0.0), ('max_days_past_due', 3, -0.4), ('max_days_past_due', 4, -1.0), ('max_days_past_due', 5, -1.8), ('max_days_past_due', 6, -2.5),
  ('days_late_12m', 0, -0.2), ('days_late_12m', 1, 0.4), ('days_late_12m', 2, 0.1), ('days_late_12m', 3, -0.3), ('days_late_12m', 4, -0.7), ('days_late_12m', 5, -1.2),
  ('days_late_trend', 0, 0.0), ('days_late_trend', 1, 0.2), ('days_late_trend', 2, -0.2), ('days_late_trend', 3, -0.5), ('days_late_trend', 4, -0.9),
  ('share_over_60', 1, 0.3), ('share_over_60', 2, -0.5), ('share_over_60', 3, -1.1),
  ('share_disputed', 1, 0.1), ('share_disputed', 2, -0.2), ('share_disputed', 3, -0.6),
  ('limit_usage', 0, -0.1), ('limit_usage', 1, 0.2), ('limit_usage', 2, 0.0), ('limit_usage', 3, -0.3), ('limit_usage', 4, -0.7),
  ('tenure', 1, 0.2), ('tenure', 2, 0.0), ('tenure', 3, -0.3),
),

weights as (
  select method.method, expert.feature, expert.band_order,
         -- A band no training row fell in (beyond 90 days past due: those rows are already in
         -- default) keeps its expert weight, or the feature's worst fitted one if that is lower.
         case when method.method = 'fitted'
              then coalesce(fitted.woe, least(expert.woe, min(fitted.woe) over (partition by expert.feature))) else expert.woe end as woe,
         method.training_month_ends, method.training_defaults
  from expert
  cross join method
  left join fitted using (feature, band_order)
),

final as (
  select method, feature, band_order,
         -- Still risk-ordered when a band between two others had no training row.
         case when band_order = 0 then woe
              else min(woe) over (partition by feature, band_order = 0 order by band_order rows unbounded preceding) end as woe,
         case when method = 'fitted' then 'fitted' else 'expert' end as source,
         training_month_ends, training_defaults
  from weights
)

select * from final
