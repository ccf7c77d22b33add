-- One row per client and month end of the out-of-time validation sample: the month ends after the
-- training cutoff whose 12-month outcome is known (int_score_features.sample = 'validation'),
-- clients not already in default, with the score's pd_12m and grade, the naive rule's current
-- maximum days past due, and whether the client defaulted within 12 months.
-- A roll-up of `client_scores`.
select features.client_id, features.month_end, features.defaults_within_12m, features.max_days_past_due, scores.pd_12m, scores.grade
from int_score_features as features
join client_scores as scores using (client_id, month_end)
where features.sample = 'validation'
