// Credit scores, recommended limits and the scorecard with its validation.
import { memo } from '../read.ts';

export interface ClientScore {
  client_id: string;
  month_end: string;
  score: number;
  grade: string;
  pd_12m: number;
  reason_1: string | null;
  reason_2: string | null;
  reason_3: string | null;
  reason_1_band_order: number | null;
  reason_2_band_order: number | null;
  reason_3_band_order: number | null;
  reason_1_points: number | null;
  reason_2_points: number | null;
  reason_3_points: number | null;
}

/** Every client's scores, month by month: its history (its grade now is currentScores'). */
export const clientScores = () =>
  memo<ClientScore>('clientScores', ['client_scores'], `
    select client_id, month_end, score, grade, pd_12m, reason_1, reason_2, reason_3, reason_1_band_order, reason_2_band_order, reason_3_band_order,
           reason_1_points, reason_2_points, reason_3_points from {client_scores} order by client_id, month_end`);

/**
 * Each client's grade now, as the whole product uses it (client_risk: its credit score at the latest
 * month end, or the labelled fallback), with that score's reasons when it was scored then. The score
 * history (clientScores) may end earlier: a client not scored at the latest month end has a
 * fallback grade here, never the grade of its last score.
 */
export interface CurrentScore {
  client_id: string;
  month_end: string;
  grade: string;
  pd_12m: number;
  grade_source: 'score' | 'fallback';
  /** NULL for a fallback grade, as are the reasons. */
  score: number | null;
  reason_1: string | null;
  reason_2: string | null;
  reason_3: string | null;
  reason_1_band_order: number | null;
  reason_2_band_order: number | null;
  reason_3_band_order: number | null;
  reason_1_points: number | null;
  reason_2_points: number | null;
  reason_3_points: number | null;
}

export const currentScores = () =>
  memo<CurrentScore>('currentScores', ['client_risk', 'client_scores'], `
    select risk.client_id, risk.month_end, risk.grade, risk.pd_12m, risk.grade_source, risk.score,
           scores.reason_1, scores.reason_2, scores.reason_3, scores.reason_1_band_order, scores.reason_2_band_order, scores.reason_3_band_order,
           scores.reason_1_points, scores.reason_2_points, scores.reason_3_points
    from {client_risk} as risk
    left join {client_scores} as scores
      on scores.client_id = risk.client_id and scores.month_end = risk.month_end and risk.grade_source = 'score'
    order by risk.client_id`);

export interface CreditLimit {
  client_id: string;
  recommended_limit_amount: number;
  zero_limit_reason: string | null;
  credit_limit: number | null;
  exposure_amount: number;
  limit_usage: number | null;
  is_over_limit: boolean;
  is_over_insured_limit: boolean;
  uninsured_exposure_amount: number;
}

export const creditLimits = () =>
  memo<CreditLimit>('creditLimits', ['credit_limits'], `
    select client_id, recommended_limit_amount, zero_limit_reason, credit_limit, exposure_amount, limit_usage, is_over_limit, is_over_insured_limit,
           uninsured_exposure_amount from {credit_limits}`);

export interface ScoreValidationRow {
  rule: 'model' | 'naive' | 'grade';
  grade: string | null;
  observations: number;
  defaults: number;
  auc: number | null;
  gini: number | null;
  ks: number | null;
  default_rate: number | null;
  mean_pd_12m: number | null;
  default_rate_low: number | null;
  default_rate_high: number | null;
  verdict: string;
  verdict_code: 'better' | 'worse' | 'not_enough_history';
}

export const scoreValidation = () => memo<ScoreValidationRow>('scoreValidation', ['score_validation'], `select * from {score_validation} order by rule, grade`);

export interface ScorePoints {
  method: 'fitted' | 'expert';
  feature: string;
  /** 1 = safest band (0 = no data). */
  band_order: number;
  /** The band in English words, for analysts; the site words it from its edges (format.ts scoreBandLabel). */
  band: string;
  /** The unit of the edges: 'days_past_due', 'days_late', 'days_late_change', 'share', 'months'; NULL for band 0. */
  band_unit: string | null;
  /** The band holds values above band_above (excluded) and up to band_up_to (included); NULL: no edge on that side. */
  band_above: number | null;
  band_up_to: number | null;
  points: number;
  training_month_ends: number;
  training_defaults: number;
}

export const scoreModel = () => memo<ScorePoints>('scoreModel', ['score_model'], `
  select method, feature, band_order, band, band_unit, band_above, band_up_to, points, training_month_ends, training_defaults
  from {score_model} order by feature, band_order`);

export interface RocRow {
  rule: 'model' | 'naive';
  point: number;
  share_non_defaults: number;
  share_defaults: number;
}

export const scoreRoc = () => memo<RocRow>('scoreRoc', ['score_roc'], `select * from {score_roc} order by rule, point`);

export interface MigrationRow {
  month_end: string;
  from_month_end: string;
  from_grade: string;
  to_grade: string;
  clients: number;
  share_of_from: number;
}

export const gradeMigration = () => memo<MigrationRow>('gradeMigration', ['grade_migration'], `select * from {grade_migration} order by from_grade, to_grade`);
