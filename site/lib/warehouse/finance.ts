// Provisions and the cash forecast.
import { memo } from '../read.ts';

export interface RollRateAverage {
  bucket: string;
  bucket_order: number;
  flow_rate: number | null;
  writeoff_rate: number | null;
}

export const rollRateAverages = () =>
  memo<RollRateAverage>('rollRateAverages', ['roll_rate_averages'], `
    select bucket, bucket_order, flow_rate, writeoff_rate from {roll_rate_averages} order by bucket_order`);

/** One row per bucket: the provision matrix at the latest month end (provision_matrix). */
export interface MatrixBucket {
  bucket: string;
  bucket_order: number;
  balance_amount: number;
  rate: number | null;
  amount: number;
}

export const provisionMatrix = () =>
  memo<MatrixBucket>('provisionMatrix', ['provision_matrix'], `
    select bucket, bucket_order, balance_amount, rate, amount from {provision_matrix} order by bucket_order`);

/** One row per client and basis of a specific provision, largest first (provision_specific). */
export interface SpecificProvision {
  client_id: string;
  name: string | null;
  basis: string | null;
  balance_amount: number;
  rate: number | null;
  amount: number;
}

export const specificProvisions = () =>
  memo<SpecificProvision>('specificProvisions', ['provision_specific'], `
    select client_id, name, basis, balance_amount, rate, amount from {provision_specific} order by amount desc, client_id, basis`);

export interface ProvisionBacktest {
  month_end: string;
  provision_amount: number;
  written_off_12m_amount: number;
  writeoff_to_provision_ratio: number | null;
}

export const provisionBacktest = () =>
  memo<ProvisionBacktest>('provisionBacktest', ['provision_backtest'], `select * from {provision_backtest} order by month_end`);

export interface ProvisionSummary {
  month_end: string;
  matrix_amount: number;
  matrix_rate_source: 'observed' | 'prudent_default' | null;
  previous_month_end: string | null;
  matrix_change_amount: number | null;
  specific_amount: number;
  overlap_amount: number;
  recommended_amount: number;
  matrix_balance_amount: number;
  specific_balance_amount: number;
  /** A FEC's provision accounts (491) at their latest month end; null without them. */
  booked_amount: number | null;
  backtest_month_ends: number;
  backtest_ratio: number | null;
  backtest_verdict: 'holds' | 'under_provisioned' | 'over_provisioned' | 'not_enough_history';
  /** The one base of both books: amounts excluding recoverable VAT, or including it (provisions.vatRecoverable off). */
  provision_base: 'excl_tax' | 'incl_tax';
}

/** The provision to book and whether the matrix passes its backtest (one row). */
export const provisionSummary = () =>
  memo<ProvisionSummary>('provisionSummary', ['provision_summary'], `select * from {provision_summary}`).then((rows) => rows[0] ?? null);

export interface ForecastWeek {
  /** The week's Monday (ISO weeks). */
  week_start: string;
  /** The first day the week counts: its Monday, or for week 1 the day after the as-of date. */
  from_date: string;
  week: number;
  expected_amount: number;
  low_amount: number;
  high_amount: number;
  invoices: number;
  total_expected_amount: number;
}

export const cashForecast = () => memo<ForecastWeek>('cashForecast', ['forecast'], `select * from {forecast} order by week`);

export interface ForecastError {
  forecast_dates: number;
  actual_amount: number;
  model_error: number | null;
  naive_error: number | null;
}

/** The backtest's weighted absolute percentage errors, model and naive (forecast_accuracy). */
export const forecastError = () =>
  memo<ForecastError>('forecastError', ['forecast_accuracy'], `
    select forecast_dates, actual_amount, model_error, naive_error from {forecast_accuracy}`).then((rows) => rows[0] ?? null);
