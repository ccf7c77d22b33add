-- One row per client, month end and feature of the credit score: the band its value falls in
-- (band_order 1 = the safest band) and the reason in words, in French like the rest of the site
-- (reason_code is the feature, for the site to translate). The band edges are the scorecard's.
with features as (select * from int_score_features),

long_form as (
  select month_end, client_id, sample, defaults_within_12m, 'max_days_past_due' as feature,
    case when max_days_past_due = 0 then 1 when max_days_past_due <= 15 then 2 when max_days_past_due <= 30 then 3
         when max_days_past_due <= 60 then 4 when max_days_past_due <= 90 then 5 else 6 end as band_order from features
  union all select month_end, client_id, sample, defaults_within_12m, 'days_late_12m',
    case when days_late_12m is null then 0 when days_late_12m <= 0 then 1 when days_late_12m <= 5 then 2 when days_late_12m <= 15 then 3
         when days_late_12m <= 30 then 4 else 5 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'days_late_trend',
    case when days_late_trend is null then 0 when days_late_trend <= 0 then 1 when days_late_trend <= 5 then 2 when days_late_trend <= 15 then 3 else 4 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'share_over_60',
    case when share_over_60 = 0 then 1 when share_over_60 <= 0.25 then 2 else 3 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'share_disputed',
    case when share_disputed = 0 then 1 when share_disputed <= 0.05 then 2 else 3 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'limit_usage',
    case when limit_usage is null then 0 when limit_usage <= 0.5 then 1 when limit_usage <= 0.8 then 2 when limit_usage <= 1 then 3 else 4 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'tenure',
    case when tenure_months >= 24 then 1 when tenure_months >= 6 then 2 else 3 end from features
  union all select month_end, client_id, sample, defaults_within_12m, 'sales_12m',
    case when sales_12m_amount >= 200000 then 1 when sales_12m_amount >= 50000 then 2 when sales_12m_amount >= 10000 then 3 else 4 end from features
  -- Today's client file only (see int_score_features): never fitted, expert points only.
  union all select month_end, client_id, null, null, 'external_rating',
    case upper(left(trim(external_rating), 1)) when 'A' then 1 when 'B' then 2 when 'C' then 3 when 'D' then 4 when 'E' then 5 end from features where external_rating is not null
  union all select month_end, client_id, null, null, 'legal_status',
    case when regexp_matches(lower(legal_status), 'liquidation|redressement|sauvegarde|receivership|insolven|bankrupt') then 2 else 1 end from features where legal_status is not null
),

labels(feature, band_order, band, reason) as (values
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
)

select long_form.*, labels.band, labels.reason
from long_form
join labels using (feature, band_order)
