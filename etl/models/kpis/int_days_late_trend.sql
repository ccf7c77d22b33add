-- One row per client and reference date (each month end, and the as-of date): the amount-weighted
-- average days late of its invoices settled in the 3 and in the 12 calendar months up to that date
-- (for an as-of date inside a month, its month so far counts as the latest month). The one owner
-- of this measure (alerts' worsening trend and the forecast's expected lateness read it here).
-- Named days_late_calendar_*: calendar-month windows, unlike client_behaviour's days_late_* (the
-- months back from the as-of date) and the score's days_late_clipped_calendar_* (int_score_features:
-- early payment counts as 0).
with activity as (
  select client_id, month_end, settled_amount, settled_days_late_weighted, settled_count
  from int_client_month_activity
  where settled_count > 0
),

months as (
  select month_end from int_month_ends
  union
  select last_day(getvariable('as_of_date'))
),

grid as (
  -- Every month for every client that ever settled an invoice, so that the windows are calendar months.
  select clients.client_id, months.month_end,
         coalesce(activity.settled_amount, 0) as amount,
         coalesce(activity.settled_days_late_weighted, 0) as weighted,
         coalesce(activity.settled_count, 0) as settled
  from (select distinct client_id from activity) as clients
  cross join months
  left join activity using (client_id, month_end)
),

rolling as (
  select client_id, month_end,
         sum(weighted) over last_3 as weighted_3m, sum(amount) over last_3 as amount_3m, sum(settled) over last_3 as settled_3m,
         sum(weighted) over last_12 as weighted_12m, sum(amount) over last_12 as amount_12m, sum(settled) over last_12 as settled_12m
  from grid
  window by_month as (partition by client_id order by month_end),
         last_3 as (by_month rows between 2 preceding and current row),
         last_12 as (by_month rows between 11 preceding and current row)
),

final as (
  select least(month_end, getvariable('as_of_date')) as reference_date, client_id,
         weighted_3m / nullif(amount_3m, 0) as days_late_calendar_3m,
         weighted_12m / amount_12m as days_late_calendar_12m,
         settled_3m, settled_12m
  from rolling
  where settled_12m > 0
)

select * from final
