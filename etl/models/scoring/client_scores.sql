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
with scores as materialized (
  select *, row_number() over by_month as step, ln(pd_12m / (1 - pd_12m)) as log_odds,
         -- Takes the grade of its pd_12m at once: an override, or no score the month end before.
         override is not null or month_end <> last_day(lag(month_end) over by_month + interval 1 month) as is_reset
  from int_score_pd
  window by_month as (partition by client_id order by month_end)
),

edges as (
  -- The edges of each grade as log-odds of default, and the margin beyond them; A has no lower edge, E no upper one.
  select grade, ln(lower_pd / (1 - lower_pd)) as lower_odds, ln(upper_pd / (1 - upper_pd)) as upper_odds,
         getvariable('score_grade_hysteresis_points') * ln(2) / 8 as margin
  from (select unnest(['A', 'B', 'C', 'D', 'E']) as grade,
               unnest([null] || getvariable('score_grade_pd_bounds')) as lower_pd,
               unnest(getvariable('score_grade_pd_bounds') || [null]) as upper_pd)
),

leaving as (
  -- The same edges as lists in the order of `grades`: the log-odds at or above which (rising) or
  -- below which (falling) a client leaves each grade (NULL: no edge, never left that way).
  select list(grade order by grade) as grades, list(upper_odds + margin order by grade) as rising,
         list(lower_odds - margin order by grade) as falling
  from edges
),

held as (
  -- Each client's month ends in order (list_sort sorts the structs by their first field, step),
  -- folded from the first: `grades` holds the grade of each month end so far, one letter each, the
  -- last one the grade held; the first month end starts it with the grade of its pd_12m (the
  -- other elements' `grades` are not read). A fold over the client's list instead of a recursive
  -- CTE: that one joined the clients still in the recursion to all 357,220 scores at each of the
  -- 36 steps (1M invoices), 2.6 s of this model's 2.7 s of CPU with int_score_pd; now 1.9 s.
  select steps.client_id,
         list_reduce(steps.steps, lambda held, s: {
           'step': s.step,
           'grades': held.grades || case
             when s.is_reset
               or s.log_odds >= leaving.rising[list_position(leaving.grades, right(held.grades, 1))]
               or s.log_odds < leaving.falling[list_position(leaving.grades, right(held.grades, 1))] then s.pd_grade
             else right(held.grades, 1) end,
           'pd_grade': s.pd_grade, 'log_odds': s.log_odds, 'is_reset': s.is_reset}).grades as grades
  from (select client_id, list_sort(list({'step': step, 'grades': pd_grade, 'pd_grade': pd_grade, 'log_odds': log_odds, 'is_reset': is_reset})) as steps
        from scores group by client_id) as steps
  cross join leaving
),

final as (
  select scores.month_end, scores.client_id, scores.score, substring(held.grades, scores.step, 1) as grade, scores.pd_12m,
         scores.reason_1, scores.reason_2, scores.reason_3,
         scores.reason_1_band_order, scores.reason_2_band_order, scores.reason_3_band_order,
         scores.reason_1_points, scores.reason_2_points, scores.reason_3_points,
         scores.raw_points, scores.smoothed_points, scores.pd_model, scores.override, scores.method,
         substring(held.grades, scores.step, 1) <> scores.pd_grade as is_grade_held
  from scores
  join held using (client_id)
)

select * from final
order by month_end, client_id
