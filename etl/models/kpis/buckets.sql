-- One row per ageing bucket, in display order: the bucket edges in days past due (configurable).
select bucket, bucket_order, min_days, max_days
from ref_buckets
order by bucket_order
