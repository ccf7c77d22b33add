-- The credit score checked out of time: on the month ends after the training cutoff whose 12-month
-- outcome is known (the last score_validation_month_ends of them), clients not already in default. One row per rule ('model': the score; 'naive':
-- rank by current maximum days past due) with AUC (Mann–Whitney: the chance a defaulter ranks
-- riskier than a non-defaulter, ties counting half), Gini = 2 × AUC − 1 and KS (largest gap between
-- the cumulative shares of defaulters and non-defaulters); and one row per grade (rule 'grade')
-- with its calibration: the mean predicted 12-month PD next to the observed default rate, its count
-- and its 95 % Wilson interval: (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n), z = 1.96.
-- A roll-up of `score_validation_sample`.
with validation as (
  select * from score_validation_sample
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
         auc.auc::double as auc, (2 * auc.auc - 1)::double as gini, ks.ks::double as ks,
         (auc.defaults / (auc.defaults + auc.non_defaults))::double as default_rate,
         -- Averaged as decimals: a sum of doubles depends on the order DuckDB adds them in.
         case when auc.rule = 'model' then (select avg(pd_12m::decimal(18, 12)) from validation) end::double as mean_pd_12m
  from auc join ks using (rule)
),

rules_or_none as (
  select * from rules
  union all
  -- Too little history: one row that says so rather than an empty table.
  select 'model', null, 0, 0, null, null, null, null, null where not exists (select 1 from rules)
),

grades as (
  select 'grade', grade, count(*)::integer, count(*) filter (where defaults_within_12m)::integer,
         null::double, null::double, null::double, avg(case when defaults_within_12m then 1 else 0 end)::double,
         avg(pd_12m::decimal(18, 12))::double
  from validation group by grade
),

with_intervals as (
  select *,
         ((default_rate + 1.96 ^ 2 / (2 * nullif(observations, 0))) - 1.96 * sqrt(default_rate * (1 - default_rate) / observations + 1.96 ^ 2 / (4 * observations ^ 2)))
           / (1 + 1.96 ^ 2 / nullif(observations, 0)) as default_rate_low,
         ((default_rate + 1.96 ^ 2 / (2 * nullif(observations, 0))) + 1.96 * sqrt(default_rate * (1 - default_rate) / observations + 1.96 ^ 2 / (4 * observations ^ 2)))
           / (1 + 1.96 ^ 2 / nullif(observations, 0)) as default_rate_high
  from (select * from rules_or_none union all select * from grades)
),

verdict as (
  select (select auc from rules where rule = 'model') as model_auc, (select auc from rules where rule = 'naive') as naive_auc
)

select rules.rule, rules.grade, rules.observations, rules.defaults, rules.auc, rules.gini, rules.ks, rules.default_rate,
       rules.mean_pd_12m, case when rules.observations > 0 then rules.default_rate_low end::double as default_rate_low,
       case when rules.observations > 0 then rules.default_rate_high end::double as default_rate_high, case
    when verdict.model_auc is null then 'Not enough history to validate the score out of time.'
    when verdict.model_auc > verdict.naive_auc then 'The score ranks defaulters better than the maximum days past due alone.'
    else 'The score does NOT beat ranking by the maximum days past due alone.' end as verdict,
       -- The verdict as a code the site words: no AUC for either rule is not enough history.
       case when verdict.model_auc is null or verdict.naive_auc is null then 'not_enough_history'
            when verdict.model_auc > verdict.naive_auc then 'better' else 'worse' end as verdict_code
from with_intervals as rules
cross join verdict
order by rule, grade
