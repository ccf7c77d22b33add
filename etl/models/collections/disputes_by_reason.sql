-- One row per dispute reason (price, quality, delivery, quantity, billing, duplicate, other):
-- its open disputes counted and totalled (open amount of their invoices) overall and by age
-- band (int_dispute_age_bands: the ageing bounds up to the third, then beyond; the column names
-- say the default bounds), their average days open, and the disputes closed in the last 90 days
-- with the average days they took.
-- A roll-up of `disputes`.
with all_disputes as (
  select disputes.*, bands.band_order
  from disputes
  join int_dispute_age_bands as bands using (age_band)
),

final as (
  select
    reason,
    count(*) filter (where status = 'open')::integer as open_count,
    coalesce(sum(disputed_amount) filter (where status = 'open'), 0)::decimal(18, 2) as open_amount,
    coalesce(sum(disputed_amount) filter (where status = 'open' and band_order = 1), 0)::decimal(18, 2) as open_0_30_amount,
    coalesce(sum(disputed_amount) filter (where status = 'open' and band_order = 2), 0)::decimal(18, 2) as open_31_60_amount,
    coalesce(sum(disputed_amount) filter (where status = 'open' and band_order = 3), 0)::decimal(18, 2) as open_61_90_amount,
    coalesce(sum(disputed_amount) filter (where status = 'open' and band_order = 4), 0)::decimal(18, 2) as open_over_90_amount,
    round(avg(days_open) filter (where status = 'open'), 1) as avg_days_open,
    count(*) filter (where status = 'closed' and closed_date > getvariable('as_of_date') - 90)::integer as closed_90d_count,
    round(avg(days_open) filter (where status = 'closed' and closed_date > getvariable('as_of_date') - 90), 1) as avg_days_to_close
  from all_disputes
  group by reason
)

select * from final
order by open_amount desc, reason
