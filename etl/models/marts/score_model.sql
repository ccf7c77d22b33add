-- One row per feature band of the credit score: its weight of evidence and points, and whether the
-- scorecard was fitted on the company's history or is the expert fallback (too little history).
select method, feature, band, woe::double as woe, round(8 * woe / ln(2))::integer as points,
       training_month_ends::integer as training_month_ends, training_defaults::integer as training_defaults
from int_score_points
order by feature, woe desc
