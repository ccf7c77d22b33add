-- One row per rule ('model': the score, 'naive': current maximum days past due) and distinct
-- threshold of the out-of-time validation sample (score_validation_sample): the ROC curve, the
-- shares of non-defaulters (false positives) and of defaulters (true positives) ranked at least as
-- risky, from (0, 0) to (1, 1). Rows ranked alike are one point: joined by straight segments (a
-- tie is as likely to rank a defaulter first as not), the trapezoids under the points sum to
-- score_validation.auc, ties counting half.
-- A roll-up of `score_validation_sample`.
with risk as (
  select 'model' as rule, pd_12m as riskiness, defaults_within_12m from score_validation_sample
  union all
  select 'naive', max_days_past_due, defaults_within_12m from score_validation_sample
),

-- A sample with no defaulter (or no non-defaulter) has no curve: its share is unknown (NULL), not
-- the NaN of 0 / 0.
cumulative as (
  select rule, riskiness,
         sum(count(*) filter (where not defaults_within_12m)) over (partition by rule order by riskiness desc)
           / nullif(sum(count(*) filter (where not defaults_within_12m)) over (partition by rule), 0) as share_non_defaults,
         sum(count(*) filter (where defaults_within_12m)) over (partition by rule order by riskiness desc)
           / nullif(sum(count(*) filter (where defaults_within_12m)) over (partition by rule), 0) as share_defaults
  from risk group by rule, riskiness
),

final as (
  select rule, 0 as point, 0.0 as share_non_defaults, 0.0 as share_defaults from (select distinct rule from risk)
  union all
  select rule, row_number() over (partition by rule order by riskiness desc), share_non_defaults, share_defaults from cumulative
)

select rule, point::integer as point, share_non_defaults::double as share_non_defaults, share_defaults::double as share_defaults
from final
order by rule, point
