-- One row per client and month end at which it owed something or was invoiced: its credit score,
-- grade, 12-month probability of default and reasons.
-- Client score: 0–100 with a grade and a probability of default over 12 months, from payment
-- behaviour (weighted days late, trend, share of old overdue, max DPD, disputes, limit usage,
-- tenure) plus optional external or financial data; every score comes with its top reason codes
-- (int_score_pd: the score, pd_12m and reasons, from points smoothed over the recent month ends).
-- Grades hold: a grade moves on evidence, not on a month's noise (smoothing, hysteresis or a
-- minimum stay, documented): at least 90 % of clients keep their grade from one month end to the
-- next, with the out-of-time AUC and the calibration (± 5 points per grade) held.
-- Here, on top of the smoothing: a client keeps the grade of the month end before until its pd_12m
-- passes the edge of that grade by score_grade_hysteresis_points (3 by default; 8 points double
-- the odds of paying, so 3 points are a factor 2^(3/8) = 1.30 on the odds of default); it then
-- takes the grade of its pd_12m (score_grade_pd_bounds: default A < 3 %, B < 8 %, C < 15 %,
-- D < 30 %, E). A client not scored the month end before, or whose probability an override set
-- (collective procedure, external rating), takes the grade of its pd_12m at once.
with recursive scores as materialized (
  select *, row_number() over (partition by client_id order by month_end) as step, ln(pd_12m / (1 - pd_12m)) as log_odds
  from int_score_pd
),

edges as (
  -- The edges of each grade as log-odds of default, and the margin beyond them; A has no lower edge, E no upper one.
  select grade, ln(lower_pd / (1 - lower_pd)) as lower_odds, ln(upper_pd / (1 - upper_pd)) as upper_odds,
         getvariable('score_grade_hysteresis_points') * ln(2) / 8 as margin
  from (select unnest(['A', 'B', 'C', 'D', 'E']) as grade,
               unnest([null] || getvariable('score_grade_pd_bounds')) as lower_pd,
               unnest(getvariable('score_grade_pd_bounds') || [null]) as upper_pd)
),

held(client_id, step, month_end, grade) as (
  select client_id, step, month_end, pd_grade from scores where step = 1
  union all
  select scores.client_id, scores.step, scores.month_end,
         case when scores.override is not null or scores.month_end <> last_day(held.month_end + interval 1 month) then scores.pd_grade
              when scores.log_odds >= edges.upper_odds + edges.margin or scores.log_odds < edges.lower_odds - edges.margin then scores.pd_grade
              else held.grade end
  from held
  join scores on scores.client_id = held.client_id and scores.step = held.step + 1
  join edges on edges.grade = held.grade
),

final as (
  select scores.month_end, scores.client_id, scores.score, held.grade, scores.pd_12m,
         scores.reason_1, scores.reason_2, scores.reason_3,
         scores.reason_1_band_order, scores.reason_2_band_order, scores.reason_3_band_order,
         scores.reason_1_points, scores.reason_2_points, scores.reason_3_points,
         scores.raw_points, scores.smoothed_points, scores.pd_model, scores.override, scores.method,
         held.grade <> scores.pd_grade as is_grade_held
  from scores
  join held using (client_id, step)
)

select * from final
order by month_end, client_id
