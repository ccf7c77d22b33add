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
with bands as (
  select bands.month_end, bands.client_id, bands.feature, bands.reason, points.woe
  from int_score_bands as bands
  join int_score_points as points using (feature, band_order)
),

totals as (
  select month_end, client_id, sum(woe) as total_woe from bands group by month_end, client_id
),

reasons as (
  select month_end, client_id, feature, reason,
         row_number() over (partition by month_end, client_id order by woe, feature) as rank
  from bands where woe < 0 and reason is not null
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
    max(r.reason) filter (where r.rank = 1) as reason_1,
    max(r.reason) filter (where r.rank = 2) as reason_2,
    max(r.reason) filter (where r.rank = 3) as reason_3,
    max(r.feature) filter (where r.rank = 1) as reason_1_code,
    max(r.feature) filter (where r.rank = 2) as reason_2_code,
    max(r.feature) filter (where r.rank = 3) as reason_3_code,
    round(8 * p.total_woe / ln(2))::integer as raw_points,
    p.method
  from probabilities as p
  left join reasons as r using (month_end, client_id)
  group by p.month_end, p.client_id, p.pd_12m, p.total_woe, p.method
)

select * from final
order by month_end, client_id
