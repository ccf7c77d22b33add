-- A client scored twice at the same month end.
select month_end, client_id, count(*) as scores
from client_scores
group by month_end, client_id
having count(*) > 1
