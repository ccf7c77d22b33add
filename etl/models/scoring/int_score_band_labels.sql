-- One row per feature band of the credit score: its label (band, in English like score_model).
-- band_order as in int_score_bands, 1 = the safest band. Reasons are stored as codes (the feature,
-- its band, the points it costs) and worded by the site in its language.
select * from (values
  ('max_days_past_due', 1, 'not overdue'), ('max_days_past_due', 2, '1-15 days'), ('max_days_past_due', 3, '16-30 days'),
  ('max_days_past_due', 4, '31-60 days'), ('max_days_past_due', 5, '61-90 days'), ('max_days_past_due', 6, 'over 90 days'),
  ('days_late_12m', 0, 'no history'), ('days_late_12m', 1, 'on time'), ('days_late_12m', 2, '1-5 days'), ('days_late_12m', 3, '6-15 days'),
  ('days_late_12m', 4, '16-30 days'), ('days_late_12m', 5, 'over 30 days'),
  ('days_late_trend', 0, 'no history'), ('days_late_trend', 1, 'steady or better'), ('days_late_trend', 2, '+1-5 days'),
  ('days_late_trend', 3, '+6-15 days'), ('days_late_trend', 4, 'over +15 days'),
  ('share_over_60', 1, 'none'), ('share_over_60', 2, 'up to 25%'), ('share_over_60', 3, 'over 25%'),
  ('share_disputed', 1, 'none'), ('share_disputed', 2, 'up to 5%'), ('share_disputed', 3, 'over 5%'),
  ('limit_usage', 0, 'no limit'), ('limit_usage', 1, 'up to 50%'), ('limit_usage', 2, '50-80%'), ('limit_usage', 3, '80-100%'), ('limit_usage', 4, 'over limit'),
  ('tenure', 1, 'over 24 months'), ('tenure', 2, '6-24 months'), ('tenure', 3, 'under 6 months')
) as labels(feature, band_order, band)
