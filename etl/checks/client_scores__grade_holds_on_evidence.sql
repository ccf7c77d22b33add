-- A riskier grade with a lower probability of default than a safer one at the same month end
-- (grades must follow pd_12m).
with ranges as (
  select month_end, grade, min(pd_12m) as min_pd, max(pd_12m) as max_pd from client_scores group by month_end, grade
)
select safer.month_end, safer.grade as safer_grade, riskier.grade as riskier_grade, safer.max_pd, riskier.min_pd
from ranges as safer
join ranges as riskier on riskier.month_end = safer.month_end and riskier.grade > safer.grade
where riskier.min_pd < safer.max_pd
