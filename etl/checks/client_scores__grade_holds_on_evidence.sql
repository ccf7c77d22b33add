-- A grade its probability of default does not support: not the grade of pd_12m, though the client
-- did not hold it at the month end before, or beyond the grade's edges by more than the margin.
with bounds as (
  select getvariable('score_grade_pd_bounds') as pd, getvariable('score_grade_hysteresis_points') * ln(2) / 8 as margin
),

scores as (
  select *, ln(pd_12m / (1 - pd_12m)) as log_odds,
         lag(grade) over (partition by client_id order by month_end) as previous_grade,
         lag(month_end) over (partition by client_id order by month_end) as previous_month_end
  from client_scores
),

edges as (
  select scores.*, bounds.margin,
         case grade when 'B' then pd[1] when 'C' then pd[2] when 'D' then pd[3] when 'E' then pd[4] end as lower_pd,
         case grade when 'A' then pd[1] when 'B' then pd[2] when 'C' then pd[3] when 'D' then pd[4] end as upper_pd
  from scores cross join bounds
)

select month_end, client_id, grade, pd_12m, previous_grade, previous_month_end
from edges
where (grade <> grade_of_pd(pd_12m)
       and (previous_grade is distinct from grade or previous_month_end <> last_day(month_end - interval 1 month) or override is not null))
   or log_odds >= ln(upper_pd / (1 - upper_pd)) + margin
   or log_odds < ln(lower_pd / (1 - lower_pd)) - margin
