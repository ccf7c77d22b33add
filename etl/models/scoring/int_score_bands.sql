-- One row per client, month end and feature of the credit score: the band its value falls in
-- (band_order 1 = the safest band), by the band edges of int_score_band_edges — the first band
-- whose upper edge is at or above the value; band 0 when the value is missing and the feature
-- has a band for that. Size (sales) is no feature: a large client is not riskier as such, and the
-- history's first year would make every client look small. External rating and legal status are
-- overrides of the latest score (client_scores), not bands.
with features as (select * from int_score_features),

edges as (
  -- Per feature, the upper edges in increasing value and the band of each interval they cut.
  select feature,
         list(band_up_to order by band_up_to) filter (where band_order > 0 and band_up_to is not null) as up_tos,
         list(band_order order by band_up_to nulls last) filter (where band_order > 0) as band_orders,
         bool_or(band_order = 0) as has_missing_band
  from int_score_band_edges
  group by feature
),

long_form as (
  select month_end, client_id, sample, defaults_within_12m, 'max_days_past_due' as feature, max_days_past_due::double as value from features
  union all select month_end, client_id, sample, defaults_within_12m, 'days_late_12m', days_late_clipped_calendar_12m from features
  union all select month_end, client_id, sample, defaults_within_12m, 'days_late_trend', days_late_clipped_calendar_trend from features
  union all select month_end, client_id, sample, defaults_within_12m, 'share_over_60', share_over_60 from features
  union all select month_end, client_id, sample, defaults_within_12m, 'share_disputed', share_disputed from features
  union all select month_end, client_id, sample, defaults_within_12m, 'limit_usage', limit_usage from features
  -- A tenure cut short by the ledger's start is a long-standing relationship: beyond every edge.
  union all select month_end, client_id, sample, defaults_within_12m, 'tenure',
    case when is_tenure_censored then 'infinity'::double else tenure_months end from features
),

final as (
  select long_form.month_end, long_form.client_id, long_form.sample, long_form.defaults_within_12m, long_form.feature,
         case when long_form.value is null then case when edges.has_missing_band then 0 end
              else edges.band_orders[len(list_filter(edges.up_tos, up_to -> up_to < long_form.value)) + 1] end as band_order
  from long_form
  join edges using (feature)
)

select * from final
where band_order is not null
