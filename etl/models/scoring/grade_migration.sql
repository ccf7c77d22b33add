-- One row per pair of grades: how the clients scored both at the latest month end and 12 months
-- earlier moved between grades (client_scores), with the share of the earlier grade's clients.
-- A roll-up of `client_scores`.
with latest as (
  select max(month_end) as month_end from client_scores
),

pairs as (
  select earlier.grade as from_grade, now.grade as to_grade
  from client_scores as now
  join client_scores as earlier
    on earlier.client_id = now.client_id
   and earlier.month_end = last_day((select month_end from latest) - interval 12 month)
  where now.month_end = (select month_end from latest)
),

final as (
  select from_grade, to_grade, count(*) as clients,
         count(*) / sum(count(*)) over (partition by from_grade) as share_of_from
  from pairs
  group by from_grade, to_grade
)

select (select month_end from latest) as month_end, last_day((select month_end from latest) - interval 12 month) as from_month_end,
       from_grade, to_grade, clients::integer as clients, share_of_from::double as share_of_from
from final
order by from_grade, to_grade
