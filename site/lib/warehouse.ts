// The site's only door to the warehouse (ENCOURS_WAREHOUSE, default data/warehouse). Each query
// runs once per build (a memoised module-level promise) and per-client rows are indexed in Maps,
// so 10,000 client pages cost lookups, not 10,000 queries. Values cross into JS in one place
// (etl/db.ts): BIGINT → number, DATE → 'YYYY-MM-DD', DECIMAL → number. A table a feature has not
// produced yet reads as empty rather than failing the build; only manifest.json is required.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { openDatabase, sqlString, type Database, type Row } from '../../etl/db.ts';

export const warehouseDir = resolve(process.env.ENCOURS_WAREHOUSE ?? 'data/warehouse');

export interface Client {
  client_id: string;
  name: string;
  segment: string | null;
  sector: string | null;
  country: string | null;
  sales_rep: string | null;
  payment_terms: string | null;
  credit_limit: number | null;
  insured_limit: number | null;
  external_rating: string | null;
  legal_status: string | null;
  receivables_amount: number;
  overdue_amount: number;
  unapplied_cash_amount: number;
  max_days_past_due: number | null;
  invoice_count: number;
}

export interface OpenInvoice {
  invoice_id: string;
  client_id: string;
  kind: 'invoice' | 'credit_note';
  issue_date: string;
  due_date: string;
  amount: number;
  open_amount: number;
  days_past_due: number | null;
  bucket: string;
  is_disputed: boolean;
}

export interface UnappliedPayment {
  payment_id: string;
  client_id: string;
  payment_date: string;
  amount: number;
  unapplied_amount: number;
}

export interface AgeingRow {
  client_id: string;
  bucket: string;
  bucket_order: number;
  open_amount: number;
}

export interface BucketAmount {
  bucket: string;
  bucket_order: number;
  open_amount: number;
}

export interface MonthlyAgeing extends BucketAmount {
  month_end: string;
}

export interface Bucket {
  bucket: string;
  bucket_order: number;
}

/** Company totals at the as-of date, as run_summary defines them. */
export interface Totals {
  receivables_amount: number;
  overdue_amount: number;
  unapplied_cash_amount: number;
  clients_with_open_items: number;
}

export interface Manifest {
  run_at: string;
  as_of_date: string;
  /** The company currency of every amount; older warehouses do not say (see companyCurrency). */
  currency?: string;
  duration_ms?: number;
  inputs: { file: string; kind: string; size_bytes: number; sha256?: string; rows: number; rejected_rows: number }[];
  tables: Record<string, { file: string; rows: number }>;
}

let manifest: Manifest | undefined;
export function readManifest(): Manifest {
  const file = join(warehouseDir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`no warehouse at ${warehouseDir} (manifest.json missing): run the ETL first, or set ENCOURS_WAREHOUSE`);
  manifest ??= JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  return manifest;
}

/** The currency every amount is in: the warehouse's word if it gives one, else ENCOURS_CURRENCY, else EUR. */
export function companyCurrency(): string {
  const fromWarehouse = existsSync(join(warehouseDir, 'manifest.json')) ? readManifest().currency : undefined;
  return fromWarehouse ?? process.env.ENCOURS_CURRENCY ?? 'EUR';
}

export const clients = () =>
  memo<Client>('clients', ['clients'], `
    select client_id, name, segment, sector, country, sales_rep, payment_terms, credit_limit, insured_limit, external_rating, legal_status,
           receivables_amount, overdue_amount, unapplied_cash_amount, max_days_past_due, invoice_count
    from {clients} order by client_id`);

export const totals = () =>
  memo<Totals>('totals', ['clients'], `
    select coalesce(sum(receivables_amount), 0) as receivables_amount,
           coalesce(sum(overdue_amount), 0) as overdue_amount,
           coalesce(sum(unapplied_cash_amount), 0) as unapplied_cash_amount,
           count(*) filter (where receivables_amount <> 0) as clients_with_open_items
    from {clients}`).then((rows) => rows[0] ?? { receivables_amount: 0, overdue_amount: 0, unapplied_cash_amount: 0, clients_with_open_items: 0 });

export const buckets = () => memo<Bucket>('buckets', ['buckets'], `select bucket, bucket_order from {buckets} order by bucket_order`);

export const openInvoices = () =>
  memo<OpenInvoice>('openInvoices', ['invoices'], `
    select invoice_id, client_id, kind, issue_date, due_date, amount, open_amount, days_past_due, bucket, is_disputed
    from {invoices} where open_amount <> 0 order by client_id, due_date, invoice_id`);

export const unappliedPayments = () =>
  memo<UnappliedPayment>('unappliedPayments', ['payments'], `
    select payment_id, client_id, payment_date, amount, unapplied_amount
    from {payments} where unapplied_amount <> 0 order by client_id, payment_date, payment_id`);

export const ageing = () =>
  memo<AgeingRow>('ageing', ['ageing'], `select client_id, bucket, bucket_order, open_amount from {ageing} order by client_id, bucket_order`);

/** Company-wide ageing at the as-of date, one row per bucket that holds anything. */
export const companyAgeing = () =>
  memo<BucketAmount>('companyAgeing', ['ageing'], `
    select bucket, any_value(bucket_order) as bucket_order, sum(open_amount) as open_amount
    from {ageing} group by bucket order by bucket_order`);

/** Company-wide ageing at each of the last `months` month ends. */
export const ageingHistory = (months = 24) =>
  memo<MonthlyAgeing>(`ageingHistory${months}`, ['ageing_monthly'], `
    with last_months as (select distinct month_end from {ageing_monthly} order by month_end desc limit ${months})
    select month_end, bucket, any_value(bucket_order) as bucket_order, sum(open_amount) as open_amount
    from {ageing_monthly} join last_months using (month_end)
    group by month_end, bucket order by month_end, bucket_order`);

/** Every client by id, for per-page lookups. */
export const clientsById = () => index('clientsById', () => clients().then((rows) => new Map(rows.map((c) => [c.client_id, c]))));

/** The rows of `load()` grouped by client id, once per build. */
export function byClient<T extends { client_id: string }>(name: string, load: () => Promise<T[]>): Promise<Map<string, T[]>> {
  return index(`byClient:${name}`, () => load().then((rows) => groupBy(rows, (r) => r.client_id)));
}

export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

let database: Promise<Database> | undefined;
const cache = new Map<string, Promise<unknown>>();

/** Runs `sql` once per build, `{table}` replaced by its Parquet source; a missing table gives []. */
function memo<T>(key: string, tables: string[], sql: string): Promise<T[]> {
  return index(key, async () => {
    if (tables.some((t) => !existsSync(join(warehouseDir, `${t}.parquet`)) && !existsSync(join(warehouseDir, t)))) return [];
    database ??= openDatabase();
    const db = await database;
    let text = sql;
    for (const t of tables) text = text.replaceAll(`{${t}}`, source(t));
    return (await db.rows<Row>(text)) as T[];
  });
}

/** The memoised result of `make()` under `key`: one promise per build, shared by every page. */
function index<T>(key: string, make: () => Promise<T>): Promise<T> {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as Promise<T>;
}

/** A table is one Parquet file, or a hive-partitioned folder (table/year=YYYY/*.parquet) when large. */
function source(table: string): string {
  const file = join(warehouseDir, `${table}.parquet`);
  return existsSync(file)
    ? `read_parquet(${sqlString(file)})`
    : `read_parquet(${sqlString(join(warehouseDir, table, '*', '*.parquet'))}, hive_partitioning = true)`;
}

// ——— KPIs, provisions and forecast ———

export interface KpiMonth {
  month_end: string;
  receivables: number;
  overdue: number;
  share_overdue: number | null;
  sales: number;
  dso_countback: number | null;
  dso_standard: number | null;
  best_possible_dso: number | null;
  add_days: number | null;
  cei: number | null;
  cei_quarter: number | null;
  bad_debt_rate_12m: number | null;
  avg_days_late: number | null;
}

/** The company's KPIs at each month end, oldest first. */
export const companyKpis = () =>
  memo<KpiMonth>('companyKpis', ['kpi_monthly'], `
    select month_end, receivables, overdue, share_overdue, sales, dso_countback, dso_standard, best_possible_dso,
           add_days, cei, cei_quarter, bad_debt_rate_12m, avg_days_late
    from {kpi_monthly} where scope = 'company' order by month_end`);

export interface DictionaryColumn {
  name: string;
  type: string;
  description: string;
  description_fr?: string;
}

export interface DictionaryTable {
  table: string;
  description: string;
  columns: DictionaryColumn[];
}

/** The data dictionary shipped with the warehouse (empty for a warehouse without one). */
export function dataDictionary(): DictionaryTable[] {
  const file = join(warehouseDir, 'data_dictionary.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DictionaryTable[]) : [];
}

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

export interface ForecastWeek {
  week_start: string;
  week: number;
  expected_amount: number;
  low_amount: number;
  high_amount: number;
  invoices: number;
}

export const cashForecast = () => memo<ForecastWeek>('cashForecast', ['forecast'], `select * from {forecast} order by week`);

export interface ForecastError {
  forecast_dates: number;
  actual_amount: number;
  model_error: number | null;
  naive_error: number | null;
}

/** The backtest's weighted absolute percentage errors, model and naive. */
export const forecastError = () =>
  memo<ForecastError>('forecastError', ['forecast_backtest'], `
    select count(distinct forecast_date) as forecast_dates, sum(actual_amount) as actual_amount,
           sum(abs(forecast_amount - actual_amount)) / nullif(sum(actual_amount), 0) as model_error,
           sum(abs(naive_amount - actual_amount)) / nullif(sum(actual_amount), 0) as naive_error
    from {forecast_backtest}`).then((rows) => rows[0] ?? null);

// ——— Collections ———

export interface DunningRow {
  client_id: string;
  invoice_id: string;
  stage: string;
  /** The warehouse's reason, in English; the site words it from the columns below (finance.collections.dunningReason). */
  reason: string;
  scheduled_stage: string;
  is_disputed: boolean;
  schedule_day: number;
  stage_start_day: number;
  shift_days: number;
  priority: number;
  expected_loss_amount: number;
  open_amount: number;
  due_date: string;
  days_from_due: number;
  grade: string;
}

export const dunning = () =>
  memo<DunningRow>('dunning', ['dunning'], `
    select client_id, invoice_id, stage, reason, priority, expected_loss_amount, open_amount, due_date, days_from_due, grade,
           scheduled_stage, is_disputed, schedule_day, stage_start_day, shift_days
    from {dunning} order by priority`);

export interface AlertRow {
  alert: string;
  client_id: string;
  invoice_id: string | null;
  first_seen_date: string;
  amount: number | null;
  /** The warehouse's English sentence; the site words the alert from the parts below (finance.collections.alertDetail). */
  detail: string;
  limit_amount: number | null;
  previous_grade: string | null;
  grade: string | null;
  days_late_3m: number | null;
  days_late_12m: number | null;
  payment_terms: string | null;
  longest_days: number | null;
}

export const alerts = () =>
  memo<AlertRow>('alerts', ['alerts'], `
    select alert, client_id, invoice_id, first_seen_date, amount, detail, limit_amount, previous_grade, grade,
           days_late_3m, days_late_12m, payment_terms, longest_days
    from {alerts} order by first_seen_date desc, alert, client_id`);

export interface ClientPenalties {
  client_id: string;
  invoices: number;
  interest_open: number;
  indemnity_open: number;
  total_open: number;
  total_all: number;
  days_without_rate: number;
}

/** Late-payment penalties per client: on invoices still open, and including those paid late. */
export const penaltiesByClient = () =>
  memo<ClientPenalties>('penaltiesByClient', ['penalties'], `
    select client_id, count(*) as invoices,
           coalesce(sum(interest_amount) filter (where is_still_open), 0) as interest_open,
           coalesce(sum(indemnity_amount) filter (where is_still_open), 0) as indemnity_open,
           coalesce(sum(penalty_amount) filter (where is_still_open), 0) as total_open,
           sum(penalty_amount) as total_all, sum(days_without_rate) as days_without_rate
    from {penalties} group by client_id order by total_open desc, client_id`);

export interface ClientGrade {
  client_id: string;
  grade: string;
  pd_12m: number;
}

/** Each client's risk grade at the as-of date. */
export const gradesAtAsOf = () =>
  memo<ClientGrade>('gradesAtAsOf', ['client_risk'], `
    select client_id, grade, pd_12m from {client_risk} qualify month_end = max(month_end) over ()`);

// ——— Credit scores and limits ———

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

// ——— Segments, data quality and the run itself ———

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

export interface QualityRow {
  source_file: string;
  line: number | null;
  severity: 'error' | 'warning' | 'info';
  reason: string;
  input: string | null;
  record_id: string | null;
  raw_line: string | null;
}

/** The last run's quality report: errors first, then warnings, then infos, by file and line. */
export const qualityRows = () =>
  memo<QualityRow>('quality', ['quality'], `
    select source_file, line, severity, reason, input, record_id, raw_line from {quality}
    order by case severity when 'error' then 0 when 'warning' then 1 else 2 end, source_file, line nulls first, reason`);

/** One earlier (or this) run's manifest, as run_history.json keeps them, newest first. */
export interface RunRecord {
  run_id: string;
  run_at: string;
  as_of_date: string;
  duration_ms?: number;
  inputs: Manifest['inputs'];
  headline?: Record<string, string | number | boolean | null>;
}

/** The runs the warehouse remembers, newest first (just this one for a warehouse without history). */
export function runHistory(): RunRecord[] {
  const file = join(warehouseDir, 'run_history.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunRecord[]) : [];
}

/** A file of the warehouse the site offers for download: Parquet tables and the JSON beside them. */
export interface WarehouseFile {
  name: string;
  bytes: number;
}

const downloadable = /^[A-Za-z0-9_-]+\.(parquet|json)$/;

/** The warehouse's single-file tables and JSON documents (a partitioned table is a folder: not listed). */
export function warehouseFiles(): WarehouseFile[] {
  if (!existsSync(warehouseDir)) return [];
  return readdirSync(warehouseDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && downloadable.test(entry.name))
    .map((entry) => ({ name: entry.name, bytes: statSync(join(warehouseDir, entry.name)).size }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The bytes of one file listed by warehouseFiles. */
export function warehouseFileBytes(name: string): Uint8Array<ArrayBuffer> {
  if (!downloadable.test(name)) throw new Error(`not a warehouse file: ${name}`);
  return new Uint8Array(readFileSync(join(warehouseDir, name)));
}
