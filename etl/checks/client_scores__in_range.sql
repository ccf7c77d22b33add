-- Credit scores out of their documented range: score outside 0–100, pd_12m outside 0–1, a grade other than A–E.
select month_end, client_id, score, pd_12m, grade
from client_scores
where score is null or score < 0 or score > 100
   or pd_12m is null or pd_12m <= 0 or pd_12m >= 1
   or grade is null or grade not in ('A', 'B', 'C', 'D', 'E')
