-- One row per age band of a dispute (days open), in display order: the bands of disputes.age_band
-- and of disputes_by_reason's amounts, from the ageing bounds (int_dispute_age_bands). The site
-- words its column heads from these.
select band_order, age_band, min_days, max_days
from int_dispute_age_bands
order by band_order
