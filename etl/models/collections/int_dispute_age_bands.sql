-- One row per age band of a dispute (its days open), in display order: the ageing bounds
-- (bucketBounds, default 30, 60, 90, …) up to the third, then beyond — the four amounts of
-- disputes_by_reason and the columns of the collections page's disputes table. A dispute opened
-- today (day 0) is in the first band, as an invoice issued today is in ageing_by_invoice_date's.
-- With fewer than three bounds: each bound, then beyond the last. The one place these bands are made.
with bounds as (
  select bucket_order as band_order, max_days
  from ref_buckets
  where bucket_order between 1 and 3 and bucket_order <= (select max(bucket_order) - 1 from ref_buckets)
),

bands as (
  select band_order, coalesce(lag(max_days) over (order by band_order) + 1, 0) as min_days, max_days from bounds
  union all
  select max(band_order) + 1, max(max_days) + 1, null from bounds
),

final as (
  select band_order::integer as band_order,
         case when max_days is null then '>' || (min_days - 1) else min_days || '-' || max_days end as age_band,
         min_days::integer as min_days,
         max_days::integer as max_days
  from bands
)

select * from final
order by band_order
