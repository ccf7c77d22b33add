-- One row per feature band of the credit score: its points, and whether the scorecard was fitted
-- on the company's history ('fitted') or is the documented expert fallback ('expert': fewer than
-- score_min_training_month_ends training month ends or score_min_training_defaults default events).
-- Points = 8 × WoE / ln 2 (8 points double the odds of paying, as in the score); a client's total
-- goes through the calibration's knots (int_score_calibration) to its 12-month probability of default.
-- The band's edges and unit come from int_score_band_edges, the one place they are written.
with points as (select * from int_score_points),

edges as (select * from int_score_band_edges)

select points.method, points.feature, points.band_order::integer as band_order,
       coalesce(edges.band, 'band ' || points.band_order) as band, points.source,
       points.woe::double as woe, round(8 * points.woe / ln(2))::integer as points,
       points.training_month_ends, points.training_defaults,
       getvariable('score_min_training_month_ends')::integer as min_training_month_ends,
       getvariable('score_min_training_defaults')::integer as min_training_defaults,
       (select any_value(method) from int_score_calibration) as calibration_method,
       (select count(*) from int_score_calibration)::integer as calibration_knots,
       edges.unit as band_unit, edges.band_above, edges.band_up_to
from points
left join edges using (feature, band_order)
order by points.feature, points.band_order
