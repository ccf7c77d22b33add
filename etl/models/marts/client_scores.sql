-- One row per client and month end at which it owed something or was invoiced: its credit score.
-- Client score: 0–100 with a grade and a probability of default over 12 months, from payment
-- behaviour (weighted days late, trend, share of old overdue, max DPD, disputes, limit usage,
-- tenure) plus optional external or financial data; every score comes with its top reason codes.
-- Default event: 90+ DPD or a write-off within 12 months.
-- Total = sum of the weights of evidence of the client's feature bands (int_score_points);
-- pd_12m = 1 / (1 + exp(−(intercept + slope × total))) (int_score_calibration);
-- score = 50 + 8 × log2((1 − pd_12m) / pd_12m), kept within 0–100: higher is safer, 8 points
-- double the odds of paying (pd 50 % → 50, 20 % → 66, 5 % → 84, 1 % → 103 → 100).
-- Grade by pd_12m against score_grade_pd_bounds (default A < 3 %, B < 8 %, C < 15 %, D < 30 %, E).
-- Reasons: the up to three bands that cost the most (most negative WoE), in French; reason_N_code
-- is the feature name, for the site to translate.
-- A client has one band per feature, so the order of its reasons is the same for every client:
-- the bands that cost points (negative WoE) and have a reason, costliest first, then by feature
-- name. Each such band gets its rank once here, and a client's reasons are its three lowest ranks.
with reason_bands as (
  select feature, band_order, labels.reason, row_number() over (order by points.woe, feature) as reason_rank
  from int_score_band_labels as labels
  join int_score_points as points using (feature, band_order)
  where points.woe < 0 and labels.reason is not null
),

totals as (
  -- Summed as decimals: a sum of doubles depends on the order of its terms (see int_score_calibration).
  select bands.month_end, bands.client_id, sum(points.woe::decimal(18, 12))::double as total_woe, min(reason_bands.reason_rank, 3) as reason_ranks
  from int_score_bands as bands
  join int_score_points as points using (feature, band_order)
  left join reason_bands using (feature, band_order)
  group by bands.month_end, bands.client_id
),

probabilities as (
  select totals.*, calibration.method,
         -- Kept inside (0.01 %, 99.99 %): a probability of exactly 0 or 1 has no odds.
         greatest(0.0001, least(0.9999, 1 / (1 + exp(-(calibration.intercept + calibration.slope * totals.total_woe))))) as pd_12m
  from totals cross join int_score_calibration as calibration
),

final as (
  select
    p.month_end,
    p.client_id,
    greatest(0, least(100, 50 + 8 * log2((1 - p.pd_12m) / p.pd_12m)))::double as score,
    case when p.pd_12m < getvariable('score_grade_pd_bounds')[1] then 'A' when p.pd_12m < getvariable('score_grade_pd_bounds')[2] then 'B'
         when p.pd_12m < getvariable('score_grade_pd_bounds')[3] then 'C' when p.pd_12m < getvariable('score_grade_pd_bounds')[4] then 'D' else 'E' end as grade,
    p.pd_12m::double as pd_12m,
    r1.reason as reason_1,
    r2.reason as reason_2,
    r3.reason as reason_3,
    r1.feature as reason_1_code,
    r2.feature as reason_2_code,
    r3.feature as reason_3_code,
    round(8 * p.total_woe / ln(2))::integer as raw_points,
    p.method
  from probabilities as p
  left join reason_bands as r1 on r1.reason_rank = p.reason_ranks[1]
  left join reason_bands as r2 on r2.reason_rank = p.reason_ranks[2]
  left join reason_bands as r3 on r3.reason_rank = p.reason_ranks[3]
)

select * from final
order by month_end, client_id
