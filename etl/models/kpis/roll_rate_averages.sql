-- One row per ageing bucket: its flow rate and write-off rate averaged over the latest 12 month
-- ends of roll_rates, as the provisions page shows them. A month end whose rate is NULL (the
-- bucket held nothing the month before) is left out of the average, not counted as 0: an empty
-- bucket says nothing about how its invoices roll. NULL when no month end has a rate.
-- A roll-up of `buckets` and `roll_rates`.
with recent_month_ends as (
  select distinct month_end from roll_rates order by month_end desc limit 12
),

recent as (
  select roll_rates.bucket, avg(roll_rates.flow_rate) as flow_rate, avg(roll_rates.writeoff_rate) as writeoff_rate,
         count(roll_rates.flow_rate) as flow_month_ends
  from roll_rates
  join recent_month_ends using (month_end)
  group by roll_rates.bucket
),

final as (
  select buckets.bucket, buckets.bucket_order, recent.flow_rate::double as flow_rate, recent.writeoff_rate::double as writeoff_rate,
         coalesce(recent.flow_month_ends, 0)::integer as flow_month_ends
  from buckets
  left join recent using (bucket)
)

select * from final
order by bucket_order
