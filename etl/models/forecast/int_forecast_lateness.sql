-- One row per client and forecast date (each month end, and the as-of date): the days late to
-- expect of its open invoices — its own amount-weighted days late over the 12 months before that
-- date when it settled enough invoices, else its segment's (every client's own figure averaged,
-- weighted by settled invoices), else zero. Only history known at that date is used.
with own as (
  select trend.reference_date as forecast_date, trend.client_id, clients.segment,
         trend.days_late_calendar_12m, trend.settled_12m
  from int_days_late_trend as trend
  join int_clients as clients using (client_id)
),

segments as (
  select forecast_date, segment, sum(days_late_calendar_12m * settled_12m) / sum(settled_12m) as segment_days_late
  from own
  group by all
),

dates as (
  select month_end as forecast_date from int_month_ends
  union
  select getvariable('as_of_date')
),

clients as (
  select distinct client_id from int_invoices
),

final as (
  select dates.forecast_date, clients.client_id,
         case when own.settled_12m >= getvariable('forecast_min_settled') then own.days_late_calendar_12m
              else coalesce(segments.segment_days_late, 0) end as expected_days_late,
         own.settled_12m >= getvariable('forecast_min_settled') as is_own_history
  from dates
  cross join clients
  left join own on own.forecast_date = dates.forecast_date and own.client_id = clients.client_id
  left join int_clients as client_file on client_file.client_id = clients.client_id
  left join segments on segments.forecast_date = dates.forecast_date and segments.segment is not distinct from client_file.segment
)

select * from final
