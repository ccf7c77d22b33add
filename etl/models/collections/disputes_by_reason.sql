-- One row per dispute reason (price, quality, delivery, quantity, billing, duplicate, other, and
-- export_flag for an invoice only the export flags): its open disputes counted and totalled (the
-- open amount of their invoices in dispute, disputed_invoices: the one notion of dispute) overall
-- and by age band (int_dispute_age_bands: the ageing bounds up to the third, then beyond; the
-- column names say the default bounds), their average days open, and the disputes closed in the
-- last 90 days with the average days they took. An open dispute is a dispute of the log with an
-- invoice still open, or an invoice the export flags with no open dispute in the log; the export
-- says nothing of since when, so those are aged nowhere (open_age_unknown_amount), never guessed.
-- A roll-up of `disputed_invoices` and `disputes`.
with open_items as (
  select coalesce(dispute_id, 'export:' || client_id || ':' || invoice_id) as dispute_key,
         coalesce(reason, 'export_flag') as reason, open_amount,
         (getvariable('as_of_date') - opened_date)::integer as days_open
  from disputed_invoices
),

open_disputes as (
  select dispute_key, any_value(reason) as reason, sum(open_amount) as amount, any_value(days_open) as days_open
  from open_items
  group by dispute_key
),

open_banded as (
  -- The first band whose last day is at or beyond the days open (the last band has none).
  select open_disputes.*, (select min(band_order) from int_dispute_age_bands as bands where open_disputes.days_open <= coalesce(bands.max_days, open_disputes.days_open)) as band_order
  from open_disputes
),

open_by_reason as (
  select
    reason,
    count(*)::integer as open_count,
    sum(amount)::decimal(18, 2) as open_amount,
    coalesce(sum(amount) filter (where band_order = 1), 0)::decimal(18, 2) as open_0_30_amount,
    coalesce(sum(amount) filter (where band_order = 2), 0)::decimal(18, 2) as open_31_60_amount,
    coalesce(sum(amount) filter (where band_order = 3), 0)::decimal(18, 2) as open_61_90_amount,
    coalesce(sum(amount) filter (where band_order = 4), 0)::decimal(18, 2) as open_over_90_amount,
    coalesce(sum(amount) filter (where days_open is null), 0)::decimal(18, 2) as open_age_unknown_amount,
    round(avg(days_open), 1) as avg_days_open
  from open_banded
  group by reason
),

closed_by_reason as (
  select
    reason,
    count(*)::integer as closed_90d_count,
    round(avg(days_open), 1) as avg_days_to_close
  from disputes
  where status = 'closed' and closed_date > getvariable('as_of_date') - 90
  group by reason
),

final as (
  select
    reason,
    coalesce(open_count, 0) as open_count,
    coalesce(open_amount, 0)::decimal(18, 2) as open_amount,
    coalesce(open_0_30_amount, 0)::decimal(18, 2) as open_0_30_amount,
    coalesce(open_31_60_amount, 0)::decimal(18, 2) as open_31_60_amount,
    coalesce(open_61_90_amount, 0)::decimal(18, 2) as open_61_90_amount,
    coalesce(open_over_90_amount, 0)::decimal(18, 2) as open_over_90_amount,
    coalesce(open_age_unknown_amount, 0)::decimal(18, 2) as open_age_unknown_amount,
    avg_days_open,
    coalesce(closed_90d_count, 0) as closed_90d_count,
    avg_days_to_close
  from open_by_reason
  full join closed_by_reason using (reason)
)

select * from final
order by open_amount desc, reason
