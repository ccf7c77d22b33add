-- One row per month end and ageing bucket: the company's open receivables (ageing_monthly added
-- up over clients), with the month end's total over every bucket, as the overview's ageing
-- history shows them.
-- A roll-up of `ageing_monthly`.
with by_bucket as (
  select month_end, bucket, any_value(bucket_order) as bucket_order, sum(open_amount) as open_amount
  from ageing_monthly
  group by month_end, bucket
),

final as (
  select month_end, bucket, bucket_order::integer as bucket_order, open_amount::decimal(18, 2) as open_amount,
         sum(open_amount) over (partition by month_end)::decimal(18, 2) as month_total_amount
  from by_bucket
)

select * from final
order by month_end, bucket_order
