-- One row per client: the one grade and 12-month probability of default the product uses at the
-- as-of date (dunning, alerts, limits, pages). One grade for the whole product: the client's credit
-- score at the latest month end (client_scores, grade_source 'score'). A client without a score
-- then (no open invoice and not invoiced that month, or a new client) gets an explicit fallback,
-- grade_source 'fallback': E at 99.99 % under a collective procedure, else the average 12-month
-- PD of the clients scored at that month end (5 % when none is) and its grade. procedure_date is the
-- date of the judgment that opened the client's collective procedure, when the clients file gives it.
-- The reasons are the score's at that month end (client_scores), NULL for a fallback grade: the
-- reasons of an older score explain its grade, not this one.
-- A roll-up of `client_scores` and `clients`.
with latest as (
  select max(month_end) as month_end from client_scores
),

scored as (
  select client_id, month_end, score, grade, pd_12m, 'score' as grade_source,
         reason_1, reason_2, reason_3, reason_1_band_order, reason_2_band_order, reason_3_band_order, reason_1_points, reason_2_points, reason_3_points,
         reason_1_is_current, reason_2_is_current, reason_3_is_current
  from client_scores
  where month_end = (select month_end from latest)
),

average as (
  -- Averaged as decimals, so the same inputs give the same figure to the last digit.
  select coalesce(avg(pd_12m::decimal(18, 12))::double, 0.05) as pd_12m from scored
),

fallback as (
  select clients.client_id, (select month_end from latest) as month_end, null::double as score,
         case when is_collective_procedure(clients.legal_status) then 0.9999 else (select pd_12m from average) end as pd_12m,
         'fallback' as grade_source
  from clients
  where clients.client_id not in (select client_id from scored)
),

final as (
  select client_id, month_end, score, grade, pd_12m, grade_source, reason_1, reason_2, reason_3, reason_1_band_order, reason_2_band_order, reason_3_band_order, reason_1_points, reason_2_points, reason_3_points,
         reason_1_is_current, reason_2_is_current, reason_3_is_current from scored
  union all by name
  select client_id, month_end, score, grade_of_pd(pd_12m) as grade, pd_12m, grade_source from fallback
)

select final.client_id, final.month_end, final.score, final.grade, final.pd_12m::double as pd_12m, final.grade_source,
       collective_procedure_of(clients.legal_status) as collective_procedure,
       -- The judgment's date, only for a client under a procedure (a date beside 'Actif' means nothing).
       case when is_collective_procedure(clients.legal_status) then clients.procedure_date end as procedure_date,
       final.reason_1, final.reason_2, final.reason_3, final.reason_1_band_order, final.reason_2_band_order, final.reason_3_band_order, final.reason_1_points, final.reason_2_points, final.reason_3_points,
       final.reason_1_is_current, final.reason_2_is_current, final.reason_3_is_current
from final
join clients using (client_id)
order by client_id
