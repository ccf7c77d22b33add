-- One row per ageing bucket: the provision matrix (IFRS 9) at the latest month end with a matrix
-- provision — the bucket's open balance, its loss rate and its provision — as the provisions page
-- shows it. A bucket without a balance is still listed, with 0 and no rate. Totals are in
-- provision_summary.
-- A roll-up of `buckets` and `provisions`.
with latest as (
  select max(month_end) as month_end from provisions where method = 'matrix'
),

matrix as (
  select provisions.bucket, sum(provisions.balance_amount) as balance_amount, sum(provisions.amount) as amount,
         -- One loss rate per bucket and month end: every client's row of the bucket carries it.
         any_value(provisions.rate) as rate
  from provisions
  join latest using (month_end)
  where provisions.method = 'matrix'
  group by provisions.bucket
),

final as (
  select (select month_end from latest) as month_end, buckets.bucket, buckets.bucket_order,
         coalesce(matrix.balance_amount, 0)::decimal(18, 2) as balance_amount,
         matrix.rate::double as rate,
         coalesce(matrix.amount, 0)::decimal(18, 2) as amount
  from buckets
  left join matrix using (bucket)
)

select * from final
order by bucket_order
