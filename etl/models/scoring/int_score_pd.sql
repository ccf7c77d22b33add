-- One row per client and month end at which it owed something or was invoiced: its credit score,
-- 12-month probability of default and reasons, before the grade (client_scores holds it).
-- Client score: 0–100 with a grade and a probability of default over 12 months, from payment
-- behaviour (weighted days late, trend, share of old overdue, max DPD, disputes, limit usage,
-- tenure) plus optional external or financial data; every score comes with its top reason codes.
-- Default event: 90+ DPD on a material amount, or a write-off, or a collective procedure, within
-- 12 months (int_default_events).
-- Total = sum of the weights of evidence of the client's feature bands (int_score_points), smoothed
-- over its recent month ends (int_score_totals); pd_model = the calibration's link at that
-- smoothed total (int_score_calibration, log-odds interpolated between its knots). Overrides, at
-- the latest month end only (the client file is today's): a collective procedure
-- (is_collective_procedure) is in default: pd 99.99 %, grade E — at every month end on or after its
-- judgment when the file dates it (procedure_date); an external rating starting with D caps the
-- grade at C, with E at D (pd raised to that grade's lower bound); a rating A or B with nothing
-- past due keeps the client out of E (pd at most just under D's upper bound); override
-- 'external_rating' when the rating moved the probability.
-- score = 50 + 8 × log2((1 − pd_12m) / pd_12m), kept within 0–100: higher is safer, 8 points
-- double the odds of paying (pd 50 % → 50, 20 % → 66, 5 % → 84, 1 % → 103 → 100).
-- pd_grade: the grade of pd_12m against score_grade_pd_bounds (default A < 3 %, B < 8 %, C < 15 %,
-- D < 30 %, E); client_scores holds a grade until the PD passes its edge by a margin.
-- Reasons (codes, worded by the site): an override first, then the features that cost the most
-- points against their best band over the recent month ends (int_score_totals; ties by feature
-- name), up to three; reason_N is the code (the feature, 'collective_procedure' or
-- 'external_rating'), reason_N_band_order its band (the rating's level 1–5 for 'external_rating')
-- and reason_N_points the points it costs; reason_N_is_current whether that band is the client's at
-- the month end (an override always is), else it was its costliest band over the last 12 months.
with totals as (
  select month_end, client_id, total_woe, smoothed_woe, costs from int_score_totals
),

knots as (
  select total_woe as low, lead(total_woe) over (order by knot) as high,
         log_odds as low_odds, lead(log_odds) over (order by knot) as high_odds, method
  from int_score_calibration
),

clamped as (
  select totals.*, least(greatest(totals.smoothed_woe, (select min(low) from knots)), (select max(low) from knots)) as x
  from totals
),

modelled as (
  select * exclude (knot), knot.method,
         1 / (1 + exp(-(knot.low_odds + coalesce((knot.high_odds - knot.low_odds) * (x - knot.low) / nullif(knot.high - knot.low, 0), 0)))) as pd_model
  from (
    -- The knots whose interval holds x (one: they rise), picked row by row from the list of the
    -- knots (43 at 1M invoices) as a join on this condition would pick them: that join sorted the
    -- 357,220 rows with all their columns, the reasons' lists among them: this model alone
    -- 1.06 s -> 0.68 s of CPU at 1M invoices (0.68x, median of 5 alternated pairs).
    select clamped.*, unnest(list_filter(knot_list.knots, lambda k: clamped.x >= k.low and (clamped.x < k.high or k.high is null))) as knot
    from clamped
    cross join (select list(knots) as knots from knots) as knot_list
  )
),

ratings as (
  select modelled.*, is_collective_procedure(features.legal_status) as is_procedure,
         upper(left(trim(features.external_rating), 1)) as rating,
         -- The grade a poor rating caps the client at, as the lowest probability it allows.
         case upper(left(trim(features.external_rating), 1)) when 'D' then getvariable('score_grade_pd_bounds')[2]
                                                             when 'E' then getvariable('score_grade_pd_bounds')[3] end as rating_floor,
         -- A good rating (A, B) with nothing past due keeps the client out of E: at most just under D's bound.
         case when upper(left(trim(features.external_rating), 1)) in ('A', 'B') and features.max_days_past_due = 0
              then getvariable('score_grade_pd_bounds')[4] - 0.0001 end as rating_ceiling
  from modelled
  -- Only the month ends with a legal status or a rating (the latest one, and a procedure's from its
  -- judgment): every other one reads NULLs all the same, and the hash table holds those few rows
  -- instead of all 357,220 at 1M invoices.
  left join (select month_end, client_id, legal_status, external_rating, max_days_past_due from int_score_features
             where legal_status is not null or external_rating is not null) as features using (month_end, client_id)
),

overrides as (
  select *,
         case when is_procedure then 'collective_procedure' when rating_floor > pd_model or rating_ceiling < pd_model then 'external_rating' end as override
  from ratings
),

probabilities as (
  select *,
         -- Kept inside (0.01 %, 99.99 %): a probability of exactly 0 or 1 has no odds.
         greatest(0.0001, least(0.9999, case override
           when 'collective_procedure' then 0.9999
           when 'external_rating' then coalesce(rating_floor, rating_ceiling)
           else pd_model end)) as pd_12m,
         -- An override that set the probability is the first reason.
         case when override is not null
              then [{'code': override, 'band_order': case when override = 'external_rating' then case rating when 'A' then 1 when 'B' then 2 when 'D' then 4 else 5 end end, 'cost': null::double, 'is_current': true}]
              else [] end || coalesce(costs, []) as reasons
  from overrides
),

final as (
  select
    month_end,
    client_id,
    greatest(0, least(100, 50 + 8 * log2((1 - pd_12m) / pd_12m)))::double as score,
    grade_of_pd(pd_12m) as pd_grade,
    pd_12m::double as pd_12m,
    reasons[1].code as reason_1,
    reasons[2].code as reason_2,
    reasons[3].code as reason_3,
    reasons[1].band_order as reason_1_band_order,
    reasons[2].band_order as reason_2_band_order,
    reasons[3].band_order as reason_3_band_order,
    reasons[1].is_current as reason_1_is_current,
    reasons[2].is_current as reason_2_is_current,
    reasons[3].is_current as reason_3_is_current,
    round(8 * reasons[1].cost / ln(2))::integer as reason_1_points,
    round(8 * reasons[2].cost / ln(2))::integer as reason_2_points,
    round(8 * reasons[3].cost / ln(2))::integer as reason_3_points,
    round(8 * total_woe / ln(2))::integer as raw_points,
    round(8 * smoothed_woe / ln(2))::integer as smoothed_points,
    pd_model::double as pd_model,
    override,
    method
  from probabilities
)

select * from final
