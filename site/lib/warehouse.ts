// The site's only door to the warehouse. Each query runs once per build (memoised), so 10,000
// client pages cost lookups in Maps, not 10,000 queries. A table a feature has not produced yet
// reads as empty rather than failing the build.
import { existsSync, readFileSync } from 'node:fs';
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
  kind: string;
  issue_date: string;
  due_date: string;
  amount: number;
  open_amount: number;
  days_past_due: number | null;
  bucket: string;
  is_disputed: boolean;
}

export interface AgeingRow {
  client_id: string;
  bucket: string;
  bucket_order: number;
  open_amount: number;
}

export interface MonthlyAgeing {
  month_end: string;
  bucket: string;
  bucket_order: number;
  open_amount: number;
}

export interface Bucket {
  bucket: string;
  bucket_order: number;
}

export interface Manifest {
  run_at: string;
  as_of_date: string;
  inputs: { file: string; kind: string; size_bytes: number; rows: number; rejected_rows: number }[];
  tables: Record<string, { file: string; rows: number }>;
  headline: Record<string, number | string | null>;
}

let database: Promise<Database> | undefined;
const cache = new Map<string, Promise<unknown>>();

/** Runs `sql` once per build, with `{table}` placeholders replaced by the Parquet sources. */
function memo<T extends Row>(key: string, tables: string[], sql: string): Promise<T[]> {
  if (!cache.has(key)) {
    cache.set(key, (async () => {
      const missing = tables.filter((t) => !existsSync(join(warehouseDir, `${t}.parquet`)) && !existsSync(join(warehouseDir, t)));
      if (missing.length) return [];
      database ??= openDatabase();
      const db = await database;
      let text = sql;
      for (const t of tables) text = text.replaceAll(`{${t}}`, source(t));
      return db.rows<T>(text);
    })());
  }
  return cache.get(key) as Promise<T[]>;
}

function source(table: string): string {
  const file = join(warehouseDir, `${table}.parquet`);
  return existsSync(file) ? `read_parquet(${sqlString(file)})` : `read_parquet(${sqlString(join(warehouseDir, table, '*', '*.parquet'))}, hive_partitioning = true)`;
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(warehouseDir, 'manifest.json'), 'utf8')) as Manifest;
}

export const clients = () =>
  memo<Client & Row>('clients', ['clients'], `
    select client_id, name, segment, sector, country, sales_rep, payment_terms, credit_limit, insured_limit, external_rating, legal_status,
           receivables_amount, overdue_amount, unapplied_cash_amount, max_days_past_due, invoice_count
    from {clients} order by client_id`) as Promise<Client[]>;

export const buckets = () => memo<Bucket & Row>('buckets', ['buckets'], `select bucket, bucket_order from {buckets} order by bucket_order`) as Promise<Bucket[]>;

export const openInvoices = () =>
  memo<OpenInvoice & Row>('openInvoices', ['invoices'], `
    select invoice_id, client_id, kind, issue_date, due_date, amount, open_amount, days_past_due, bucket, is_disputed
    from {invoices} where open_amount <> 0 order by client_id, due_date, invoice_id`) as Promise<OpenInvoice[]>;

export const ageing = () =>
  memo<AgeingRow & Row>('ageing', ['ageing'], `select client_id, bucket, bucket_order, open_amount from {ageing} order by client_id, bucket_order`) as Promise<AgeingRow[]>;

/** Company-wide ageing at each of the last `months` month ends. */
export const ageingHistory = (months = 24) =>
  memo<MonthlyAgeing & Row>(`ageingHistory${months}`, ['ageing_monthly'], `
    with last_months as (select distinct month_end from {ageing_monthly} order by month_end desc limit ${months})
    select month_end, bucket, any_value(bucket_order) as bucket_order, sum(open_amount) as open_amount
    from {ageing_monthly} join last_months using (month_end)
    group by month_end, bucket order by month_end, bucket_order`) as Promise<MonthlyAgeing[]>;

/** Rows grouped by a key, for per-page lookups. */
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

/** Memoised per build: the rows of `load()` grouped by client id. */
const grouped = new Map<string, Promise<Map<string, unknown[]>>>();
export function byClient<T extends { client_id: string }>(name: string, load: () => Promise<T[]>): Promise<Map<string, T[]>> {
  if (!grouped.has(name)) grouped.set(name, load().then((rows) => groupBy(rows, (r) => r.client_id)));
  return grouped.get(name) as Promise<Map<string, T[]>>;
}
