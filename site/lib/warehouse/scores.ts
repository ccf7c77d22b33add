// Credit scores, recommended limits and the scorecard with its validation.
import { memo } from './query.ts';

export interface ClientScore {
  client_id: string;
  month_end: string;
  score: number;
  grade: string;
  pd_12m: number;
  reason_1: string | null;
  reason_2: string | null;
  reason_3: string | null;
}

/** Every client's scores, month by month (for the latest and its history). */
export const clientScores = () =>
  memo<ClientScore>('clientScores', ['client_scores'], `
    select client_id, month_end, score, grade, pd_12m, reason_1, reason_2, reason_3 from {client_scores} order by client_id, month_end`);

export interface CreditLimit {
  client_id: string;
  recommended_limit_amount: number;
  credit_limit: number | null;
  exposure_amount: number;
  limit_usage: number | null;
  is_over_limit: boolean;
  uninsured_exposure_amount: number;
}

export const creditLimits = () =>
  memo<CreditLimit>('creditLimits', ['credit_limits'], `
    select client_id, recommended_limit_amount, credit_limit, exposure_amount, limit_usage, is_over_limit, uninsured_exposure_amount from {credit_limits}`);

export interface ScoreValidationRow {
  rule: 'model' | 'naive' | 'grade';
  grade: string | null;
  observations: number;
  defaults: number;
  auc: number | null;
  gini: number | null;
  ks: number | null;
  default_rate: number | null;
  verdict: string;
}

export const scoreValidation = () => memo<ScoreValidationRow>('scoreValidation', ['score_validation'], `select * from {score_validation} order by rule, grade`);

export interface ScorePoints {
  method: 'fitted' | 'expert';
  feature: string;
  band: string;
  points: number;
  training_month_ends: number;
  training_defaults: number;
}

export const scoreModel = () => memo<ScorePoints>('scoreModel', ['score_model'], `select method, feature, band, points, training_month_ends, training_defaults from {score_model} order by feature, points desc`);
