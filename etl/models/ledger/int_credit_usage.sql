-- One row per credit item (payment, credit note, write-off) dated on or before the as-of date,
-- with the part allocated to invoices and the unapplied rest.
with allocated as (
  select source_id, source_kind, sum(amount) as allocated_amount
  from int_allocations
  group by source_id, source_kind
),

final as (
  select
    credits.*,
    coalesce(allocated.allocated_amount, 0)::decimal(18, 2) as allocated_amount,
    (credits.amount - coalesce(allocated.allocated_amount, 0))::decimal(18, 2) as unapplied_amount
  from int_credits as credits
  left join allocated using (source_id, source_kind)
)

select * from final
