// Queries on the warehouse (ENCOURS_WAREHOUSE, default data/warehouse). Each query runs once per
// build (a memoised module-level promise) and per-client rows are indexed in Maps, so 10,000
// client pages cost lookups, not 10,000 queries. Values cross into JS in one place (shared/duckdb.ts):
// BIGINT → number, DATE → 'YYYY-MM-DD', DECIMAL → number. A table a feature has not produced yet
// reads as empty rather than failing the build; only manifest.json is required.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { openDatabase, sqlString, type Database, type Row } from '../../../shared/duckdb.ts';

export const warehouseDir = resolve(process.env.ENCOURS_WAREHOUSE ?? 'data/warehouse');

export interface Manifest {
  run_at: string;
  as_of_date: string;
  /** The company currency of every amount; older warehouses do not say (see companyCurrency). */
  currency?: string;
  duration_ms?: number;
  inputs: { file: string; kind: string; size_bytes: number; sha256?: string; rows: number; rejected_rows: number }[];
  tables: Record<string, { file: string; rows: number }>;
  /** The run_summary row. */
  headline?: Record<string, string | number | boolean | null>;
}

let manifest: Manifest | undefined;
export function readManifest(): Manifest {
  const file = join(warehouseDir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`no warehouse at ${warehouseDir} (manifest.json missing): run the ETL first, or set ENCOURS_WAREHOUSE`);
  manifest ??= JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  return manifest;
}

/** The as-of date as a SQL date literal, for queries that window on it ('YYYY-MM-DD' or the build stops). */
export function asOfLiteral(): string {
  const asOf = readManifest().as_of_date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`manifest.json: as_of_date ${asOf} is not a YYYY-MM-DD date`);
  return `date '${asOf}'`;
}

/** The currency every amount is in: the warehouse's word if it gives one, else ENCOURS_CURRENCY, else EUR. */
export function companyCurrency(): string {
  const fromWarehouse = existsSync(join(warehouseDir, 'manifest.json')) ? readManifest().currency : undefined;
  return fromWarehouse ?? process.env.ENCOURS_CURRENCY ?? 'EUR';
}

/** French late-payment penalties were computed (run_summary.is_penalties_enabled; older warehouses: yes). */
export function penaltiesEnabled(): boolean {
  return readManifest().headline?.is_penalties_enabled !== false;
}

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
export function memo<T>(key: string, tables: string[], sql: string): Promise<T[]> {
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
export function index<T>(key: string, make: () => Promise<T>): Promise<T> {
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
