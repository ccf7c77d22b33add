-- One row: the logistic link from a client's total weight of evidence (the sum over its feature
-- bands) to its 12-month probability of default, pd = 1 / (1 + exp(−(intercept + slope × total))).
-- Fitted: the training rows are cut into ten groups by total; a straight line is fitted by least
-- squares through (average total, log-odds of the group's observed default rate), so summing
-- correlated features does not overstate the risk. Expert: a 5 % default rate at a total of 0,
-- each unit of WoE one unit of log-odds.
with totals as (
  -- Summed as decimals, like client_scores: a sum of doubles depends on the order of its terms,
  -- and the fit (and every score) moved in the last digits from one run to the next.
  select bands.month_end, bands.client_id, any_value(bands.defaults_within_12m) as defaults_within_12m, sum(points.woe::decimal(18, 12))::double as total_woe
  from int_score_bands as bands
  join int_score_points as points using (feature, band_order)
  where bands.sample = 'training'
  group by bands.month_end, bands.client_id
),

groups as (
  select ntile(10) over (order by total_woe, month_end, client_id) as decile, total_woe, defaults_within_12m from totals
),

rates as (
  select decile, avg(total_woe::decimal(18, 12))::double as total_woe, (count(*) filter (where defaults_within_12m) + 0.5) / (count(*) + 1) as default_rate
  from groups group by decile
),

fitted as (
  -- In decile order: the fit's last digits otherwise depend on the order the groups arrive in.
  select regr_intercept(ln(default_rate / (1 - default_rate)), total_woe order by decile) as intercept,
         regr_slope(ln(default_rate / (1 - default_rate)), total_woe order by decile) as slope
  from rates
),

final as (
  select 'fitted' as method, intercept, slope from fitted
  where (select any_value(method) from int_score_points) = 'fitted' and slope < 0
  union all
  select 'expert', ln(0.05 / 0.95), -1.0
  where (select any_value(method) from int_score_points) = 'expert'
     or not exists (select 1 from fitted where slope < 0)
)

select * from final
