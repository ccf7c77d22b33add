// KPIs (company and per segment, sector, country, sales rep), provisions and the cash forecast.
import { memo } from './query.ts';
import type { Columns } from './tables.ts';

/** One month end of kpi_monthly (types from the data dictionary, see tables.ts); the amounts are never NULL. */
export type KpiMonth = Columns<
  'kpi_monthly',
  | 'month_end' | 'receivables' | 'overdue' | 'share_overdue' | 'sales' | 'dso_countback' | 'dso_standard'
  | 'best_possible_dso' | 'add_days' | 'cei' | 'cei_quarter' | 'bad_debt_rate_12m' | 'avg_days_late',
  'month_end' | 'receivables' | 'overdue' | 'sales'
>;

/** The company's KPIs at each month end, oldest first. */
export const companyKpis = () =>
  memo<KpiMonth>('companyKpis', ['kpi_monthly'], `
    select month_end, receivables, overdue, share_overdue, sales, dso_countback, dso_standard, best_possible_dso,
           add_days, cei, cei_quarter, bad_debt_rate_12m, avg_days_late
    from {kpi_monthly} where scope = 'company' order by month_end`);

/** Each headline KPI's change over the last month: latest month end − the one before (null when either is missing). */
export interface KpiChanges {
  month_end: string;
  previous_month_end: string | null;
  dso_countback: number | null;
  add_days: number | null;
  cei: number | null;
  share_overdue: number | null;
  bad_debt_rate_12m: number | null;
}

export const companyKpiChanges = () =>
  memo<KpiChanges>('companyKpiChanges', ['kpi_monthly'], `
    select month_end, lag(month_end) over by_month as previous_month_end,
           dso_countback - lag(dso_countback) over by_month as dso_countback,
           add_days - lag(add_days) over by_month as add_days,
           cei - lag(cei) over by_month as cei,
           share_overdue - lag(share_overdue) over by_month as share_overdue,
           bad_debt_rate_12m - lag(bad_debt_rate_12m) over by_month as bad_debt_rate_12m
    from {kpi_monthly} where scope = 'company'
    window by_month as (order by month_end)
    order by month_end desc limit 1`).then((rows) => rows[0] ?? null);

/** The same KPIs as the company's, for one segment, sector, country or sales rep. */
export interface ScopeKpi extends KpiMonth {
  scope: 'segment' | 'sector' | 'country' | 'sales_rep';
  scope_value: string;
}

/** Every scope but the company at the latest month end, largest receivables first within a scope. */
export const scopeKpisAtLastMonthEnd = () =>
  memo<ScopeKpi>('scopeKpis', ['kpi_monthly'], `
    select month_end, scope, scope_value, receivables, overdue, share_overdue, sales, dso_countback, dso_standard,
           best_possible_dso, add_days, cei, cei_quarter, avg_days_late, bad_debt_rate_12m
    from {kpi_monthly} where scope <> 'company'
    qualify month_end = max(month_end) over ()
    order by scope, receivables desc, scope_value`);

export interface ProvisionRow {
  /** 'booked': the provision accounts (491) of a FEC, for comparison. */
  method: 'matrix' | 'specific' | 'booked';
  bucket: string;
  bucket_order: number;
  client_id: string;
  amount: number;
  balance_amount: number;
  rate: number | null;
  basis: string | null;
}

/** Each method's latest provisions: the matrix at the last month end, the specific ones at as-of. */
export const provisionsAtAsOf = () =>
  memo<ProvisionRow>('provisionsAtAsOf', ['provisions'], `
    select method, bucket, bucket_order, client_id, amount, balance_amount, rate, basis
    from {provisions} qualify month_end = max(month_end) over (partition by method) order by method, client_id, bucket_order`);

export interface MonthAmount {
  month_end: string;
  amount: number;
}

/** The matrix provision at each month end. */
export const matrixHistory = () =>
  memo<MonthAmount>('matrixHistory', ['provisions'], `
    select month_end, sum(amount) as amount from {provisions} where method = 'matrix' group by month_end order by month_end`);

export interface RollRate {
  month_end: string;
  bucket: string;
  bucket_order: number;
  flow_rate: number | null;
  writeoff_rate: number | null;
}

/** One row per bucket: its roll rates averaged over the latest 12 month ends (roll_rate_averages). */
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

export const rollRates = () =>
  memo<RollRate>('rollRates', ['roll_rates'], `
    select month_end, bucket, bucket_order, flow_rate, writeoff_rate from {roll_rates} order by month_end, bucket_order`);

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
}

export const cashForecast = () => memo<ForecastWeek>('cashForecast', ['forecast'], `select * from {forecast} order by week`);

/** The 13 weeks' expected collections together. */
export const forecastTotal = () =>
  memo<{ expected_amount: number }>('forecastTotal', ['forecast'], `select coalesce(sum(expected_amount), 0) as expected_amount from {forecast}`)
    .then((rows) => rows[0]?.expected_amount ?? 0);

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
