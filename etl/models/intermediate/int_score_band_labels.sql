-- One row per feature band of the credit score: its label (band, in English like score_model) and
-- the reason a score gives when the client is in that band, in French like the rest of the site
-- (NULL for a band that costs nothing; the site translates by feature). band_order as in
-- int_score_bands, 1 = the safest band.
select * from (values
  ('max_days_past_due', 1, 'not overdue', null), ('max_days_past_due', 2, '1-15 days', 'Facture en retard de 1 à 15 jours'),
  ('max_days_past_due', 3, '16-30 days', 'Facture en retard de 16 à 30 jours'), ('max_days_past_due', 4, '31-60 days', 'Facture en retard de 31 à 60 jours'),
  ('max_days_past_due', 5, '61-90 days', 'Facture en retard de 61 à 90 jours'), ('max_days_past_due', 6, 'over 90 days', 'Facture en retard de plus de 90 jours'),
  ('days_late_12m', 0, 'no history', 'Aucun paiement sur 12 mois'), ('days_late_12m', 1, 'on time', null),
  ('days_late_12m', 2, '1-5 days', 'Paie en moyenne 1 à 5 jours en retard (12 mois)'), ('days_late_12m', 3, '6-15 days', 'Paie en moyenne 6 à 15 jours en retard (12 mois)'),
  ('days_late_12m', 4, '16-30 days', 'Paie en moyenne 16 à 30 jours en retard (12 mois)'), ('days_late_12m', 5, 'over 30 days', 'Paie en moyenne plus de 30 jours en retard (12 mois)'),
  ('days_late_trend', 0, 'no history', 'Pas de paiement récent pour juger la tendance'), ('days_late_trend', 1, 'steady or better', null),
  ('days_late_trend', 2, '+1-5 days', 'Retards de paiement en légère hausse sur 3 mois'), ('days_late_trend', 3, '+6-15 days', 'Retards de paiement en hausse sur 3 mois'),
  ('days_late_trend', 4, 'over +15 days', 'Retards de paiement en forte hausse sur 3 mois'),
  ('share_over_60', 1, 'none', null), ('share_over_60', 2, 'up to 25%', 'Jusqu''à 25 % de l''encours à plus de 60 jours de retard'),
  ('share_over_60', 3, 'over 25%', 'Plus de 25 % de l''encours à plus de 60 jours de retard'),
  ('share_disputed', 1, 'none', null), ('share_disputed', 2, 'up to 5%', 'Quelques factures en litige (12 mois)'), ('share_disputed', 3, 'over 5%', 'Plus de 5 % du chiffre d''affaires en litige (12 mois)'),
  ('limit_usage', 0, 'no limit', 'Aucune limite de crédit accordée'), ('limit_usage', 1, 'up to 50%', null), ('limit_usage', 2, '50-80%', 'Limite de crédit utilisée à plus de 50 %'),
  ('limit_usage', 3, '80-100%', 'Limite de crédit presque atteinte'), ('limit_usage', 4, 'over limit', 'Limite de crédit dépassée'),
  ('tenure', 1, 'over 24 months', null), ('tenure', 2, '6-24 months', 'Relation de moins de 2 ans'), ('tenure', 3, 'under 6 months', 'Nouveau client (moins de 6 mois)'),
  ('sales_12m', 1, 'over 200k', null), ('sales_12m', 2, '50k-200k', 'Chiffre d''affaires moyen (50 000 à 200 000 sur 12 mois)'),
  ('sales_12m', 3, '10k-50k', 'Petit client (10 000 à 50 000 sur 12 mois)'), ('sales_12m', 4, 'under 10k', 'Très petit client (moins de 10 000 sur 12 mois)'),
  ('external_rating', 1, 'A', null), ('external_rating', 2, 'B', null), ('external_rating', 3, 'C', 'Note externe moyenne (C)'),
  ('external_rating', 4, 'D', 'Note externe faible (D)'), ('external_rating', 5, 'E', 'Note externe très faible (E)'),
  ('legal_status', 1, 'no procedure', null), ('legal_status', 2, 'insolvency procedure', 'Procédure collective en cours')
) as labels(feature, band_order, band, reason)
