-- One row per knot of the link from a client's smoothed total weight of evidence (the sum over its
-- feature bands, averaged over its recent month ends: int_score_totals) to its 12-month probability
-- of default: between knots the log-odds of default are interpolated linearly, beyond the first and
-- last knot they stay at that knot's.
-- Fitted: the training rows of the latest 12 training month ends are cut by total into groups of
-- about 500 (10 to 40 groups), the riskiest of them cut again into an eighth, an eighth, a quarter and a half; each
-- knot is a group's average total and the log-odds of its observed default rate, smoothed by ½
-- ((defaults + 0.5) / (rows + 1)) and made monotone (a higher total is never riskier: the mean of
-- the running minimum from the riskiest group and the running maximum from the safest), so the
-- predicted PD of a group of training rows is its observed default rate, whatever the shape of the
-- link, and correlated features do not overstate the risk. Expert: the line of a 5 % default rate
-- at a total of 0, each unit of WoE one unit of log-odds, through two knots at totals −20 and +20.
with totals as (
  -- The smoothed total (int_score_totals): the PD is fitted on what it is read from.
  select month_end, client_id, defaults_within_12m, smoothed_woe as total_woe
  from int_score_totals
  where sample = 'training'
    -- The latest 12 training month ends: the PD follows the recent default rate, and the first
    -- months of a ledger (features over windows not yet full) do not set it.
    and month_end > (select max(month_end) - interval 12 month from int_score_totals where sample = 'training')
),

ranked as (
  select total_woe, defaults_within_12m,
         row_number() over (order by total_woe, month_end, client_id) - 1 as position,
         count(*) over () / greatest(10, least(40, floor(count(*) over () / 500))) as group_size
  from totals
),

groups as (
  -- The riskiest group is cut in an eighth, an eighth, a quarter and a half: beyond the first knot the PD
  -- stays flat, so a coarse first group under-predicts the very riskiest rows (a client that has
  -- stopped paying sat at its group's average).
  select case when position < group_size / 8 then 1
              when position < group_size / 4 then 2
              when position < group_size / 2 then 3
              when position < group_size then 4
              else floor(position / group_size)::integer + 4 end as knot,
         total_woe, defaults_within_12m
  from ranked
),

rates as (
  select knot, avg(total_woe::decimal(18, 12))::double as total_woe, count(*)::integer as observations,
         count(*) filter (where defaults_within_12m)::integer as defaults,
         (count(*) filter (where defaults_within_12m) + 0.5) / (count(*) + 1) as default_rate
  from groups group by knot
),

monotone as (
  -- Knot 1 holds the lowest totals (the riskiest rows): the rate may only fall from there.
  select *, (min(default_rate) over (order by knot rows unbounded preceding)
             + max(default_rate) over (order by knot rows between current row and unbounded following)) / 2 as monotone_rate
  from rates
),

final as (
  select 'fitted' as method, knot, total_woe, ln(monotone_rate / (1 - monotone_rate)) as log_odds, observations, defaults
  from monotone
  where (select any_value(method) from int_score_points) = 'fitted'
  union all
  select 'expert', knot, total_woe, ln(0.05 / 0.95) - total_woe, null, null
  from (values (1, -20.0), (2, 20.0)) as expert(knot, total_woe)
  where (select any_value(method) from int_score_points) = 'expert' or not exists (select 1 from totals)
)

select method, knot::integer as knot, total_woe::double as total_woe, log_odds::double as log_odds, observations, defaults
from final
order by knot
