-- One row per band of each feature of the credit score: its edges — the values above band_above
-- (excluded) and up to band_up_to (included); NULL: no edge on that side — and the unit they are
-- counted in. The one place the scorecard's band edges are written: int_score_bands puts each
-- client month in its band with them, score_model publishes them, and the site words each band
-- from them (format.ts, in French and English). band_order 1 = the safest band; band 0 = no value
-- (no payment history, no credit limit). The edges are the scorecard's, not settings; the days past
-- due stop at watch_days_past_due and default_days_past_due (macros.sql), beyond which a client
-- is in default. `band` words the band in English for analysts, from the same edges.
with edges(feature, unit, band_order, up_to) as (values
  ('max_days_past_due', 'days_past_due', 1, 0), ('max_days_past_due', 'days_past_due', 2, 15),
  ('max_days_past_due', 'days_past_due', 3, 30), ('max_days_past_due', 'days_past_due', 4, watch_days_past_due()),
  ('max_days_past_due', 'days_past_due', 5, default_days_past_due()), ('max_days_past_due', 'days_past_due', 6, null),
  ('days_late_12m', 'days_late', 0, null), ('days_late_12m', 'days_late', 1, 0), ('days_late_12m', 'days_late', 2, 5),
  ('days_late_12m', 'days_late', 3, 15), ('days_late_12m', 'days_late', 4, 30), ('days_late_12m', 'days_late', 5, null),
  ('days_late_trend', 'days_late_change', 0, null), ('days_late_trend', 'days_late_change', 1, 0),
  ('days_late_trend', 'days_late_change', 2, 5), ('days_late_trend', 'days_late_change', 3, 15), ('days_late_trend', 'days_late_change', 4, null),
  ('share_over_60', 'share', 1, 0), ('share_over_60', 'share', 2, 0.25), ('share_over_60', 'share', 3, null),
  ('share_disputed', 'share', 1, 0), ('share_disputed', 'share', 2, 0.05), ('share_disputed', 'share', 3, null),
  ('limit_usage', 'share', 0, null), ('limit_usage', 'share', 1, 0.5), ('limit_usage', 'share', 2, 0.8),
  ('limit_usage', 'share', 3, 1), ('limit_usage', 'share', 4, null),
  -- Tenure: the longer the safer, so the bands run the other way (24 months or more is band 1).
  ('tenure', 'months', 3, 5), ('tenure', 'months', 2, 23), ('tenure', 'months', 1, null)
),

bounded as (
  -- A band's lower edge is the upper edge of the band just below it in value.
  select feature, unit, band_order::integer as band_order,
         lag(up_to::double) over (partition by feature order by up_to nulls last) as band_above,
         up_to::double as band_up_to
  from edges where band_order > 0
  union all
  select feature, unit, band_order, null, null from edges where band_order = 0
),

final as (
  select feature, band_order, unit, band_above, band_up_to,
    case
      when band_order = 0 then case feature when 'limit_usage' then 'no limit' else 'no history' end
      when band_above is null and band_up_to = 0 then
        case unit when 'days_past_due' then 'not overdue' when 'days_late' then 'on time' when 'days_late_change' then 'steady or better' else 'none' end
      when unit = 'share' then
        case when band_up_to is null then 'over ' || round(band_above * 100)::integer || '%'
             when coalesce(band_above, 0) = 0 then 'up to ' || round(band_up_to * 100)::integer || '%'
             else round(band_above * 100)::integer || '-' || round(band_up_to * 100)::integer || '%' end
      when unit = 'months' then
        case when band_up_to is null then (band_above + 1)::integer || ' months or more'
             when band_above is null then 'under ' || (band_up_to + 1)::integer || ' months'
             else (band_above + 1)::integer || '-' || band_up_to::integer || ' months' end
      -- Days: whole days, so (15, 30] is '16-30 days'; a change of days late carries its sign.
      else
        case when band_up_to is null then 'over ' || sign || band_above::integer || ' days'
             when band_above is null then 'up to ' || sign || band_up_to::integer || ' days'
             else sign || (band_above + 1)::integer || '-' || band_up_to::integer || ' days' end
    end as band
  from (select *, case unit when 'days_late_change' then '+' else '' end as sign from bounded)
)

select * from final
