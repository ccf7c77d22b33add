-- The credit score checked out of time: on the month ends after the training cutoff whose 12-month
-- outcome is known (the last score_validation_month_ends of them), clients not already in default. One row per rule ('model': the score; 'naive':
-- rank by current maximum days past due) with AUC (Mann–Whitney: the chance a defaulter ranks
-- riskier than a non-defaulter, ties counting half), Gini = 2 × AUC − 1 and KS (largest gap between
-- the cumulative shares of defaulters and non-defaulters); and one row per grade with its observed
-- default rate (rule 'grade').
with validation as (
  -- Month ends after the training cutoff whose 12-month outcome is known (sample = 'validation').
  select features.client_id, features.month_end, features.defaults_within_12m, features.max_days_past_due, scores.pd_12m, scores.grade
  from int_score_features as features
  join client_scores as scores using (client_id, month_end)
  where features.sample = 'validation'
),

risk as (
  select 'model' as rule, pd_12m as riskiness, defaults_within_12m from validation
  union all
  select 'naive', max_days_past_due, defaults_within_12m from validation
),

ranked as (
  select *, rank() over (partition by rule order by riskiness) + (count(*) over (partition by rule, riskiness) - 1) / 2.0 as average_rank
  from risk
),

auc as (
  select rule, count(*) filter (where defaults_within_12m) as defaults, count(*) filter (where not defaults_within_12m) as non_defaults,
         (sum(average_rank) filter (where defaults_within_12m) - count(*) filter (where defaults_within_12m) * (count(*) filter (where defaults_within_12m) + 1) / 2.0)
           / (count(*) filter (where defaults_within_12m) * count(*) filter (where not defaults_within_12m)) as auc
  from ranked group by rule
),

cumulative as (
  -- From the riskiest down: shares of defaulters and non-defaulters reached at each threshold.
  select rule, riskiness,
         sum(count(*) filter (where defaults_within_12m)) over (partition by rule order by riskiness desc) / sum(count(*) filter (where defaults_within_12m)) over (partition by rule) as share_defaults,
         sum(count(*) filter (where not defaults_within_12m)) over (partition by rule order by riskiness desc) / sum(count(*) filter (where not defaults_within_12m)) over (partition by rule) as share_non_defaults
  from risk group by rule, riskiness
),

ks as (
  select rule, max(abs(share_defaults - share_non_defaults)) as ks from cumulative group by rule
),

rules as (
  select auc.rule, null::varchar as grade, (auc.defaults + auc.non_defaults)::integer as observations, auc.defaults::integer as defaults,
         auc.auc::double as auc, (2 * auc.auc - 1)::double as gini, ks.ks::double as ks, null::double as default_rate
  from auc join ks using (rule)
),

rules_or_none as (
  select * from rules
  union all
  -- Too little history: one row that says so rather than an empty table.
  select 'model', null, 0, 0, null, null, null, null where not exists (select 1 from rules)
),

grades as (
  select 'grade', grade, count(*)::integer, count(*) filter (where defaults_within_12m)::integer,
         null::double, null::double, null::double, avg(case when defaults_within_12m then 1 else 0 end)::double
  from validation group by grade
),

verdict as (
  select (select auc from rules where rule = 'model') as model_auc, (select auc from rules where rule = 'naive') as naive_auc
)

select rules.*, case
    when verdict.model_auc is null then 'Not enough history to validate the score out of time.'
    when verdict.model_auc > verdict.naive_auc then 'The score ranks defaulters better than the maximum days past due alone.'
    else 'The score does NOT beat ranking by the maximum days past due alone.' end as verdict
from (select * from rules_or_none union all select * from grades) as rules
cross join verdict
order by rule, grade
