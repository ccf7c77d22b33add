// The site's one typed read of the warehouse (ENCOURS_WAREHOUSE, default data/warehouse):
// `read('kpi_monthly', { scope: 'company' })` gives the rows of the mart kpi_monthly
// (etl/models/kpis/kpi_monthly.sql) whose columns equal the filter, in the order the mart writes
// them, typed by its contract (tables.ts, generated from kpi_monthly.json). Each table is read once
// per build (a memoised module-level promise) and indexed by the filter's columns, so 10,000 client
// pages cost lookups, not 10,000 queries. Values cross into JS in one place (shared/duckdb.ts):
// BIGINT → number, DATE → 'YYYY-MM-DD', DECIMAL → number. A table a feature has not produced yet
// reads as empty rather than failing the build; only manifest.json is required.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { z } from 'zod';

import { openDatabase, sqlString, type Database, type Row } from '../../shared/duckdb.ts';
import { manifestSchema, type Manifest } from '../../shared/manifest.ts';
import { warehouseColumnTypes, warehouseTables, type TableRow, type WarehouseTable } from './warehouse/tables.ts';

export const warehouseDir = resolve(process.env.ENCOURS_WAREHOUSE ?? 'data/warehouse');

export type { Manifest };

let manifest: Manifest | undefined;
export function readManifest(): Manifest {
  // Read once per build; every page asks for it (the as-of date in the top bar).
  if (!manifest) {
    const file = join(warehouseDir, 'manifest.json');
    if (!existsSync(file)) throw new Error(`no warehouse at ${warehouseDir} (manifest.json missing): run the ETL first, or set ENCOURS_WAREHOUSE`);
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not the manifest this site reads (shared/manifest.ts): ${z.prettifyError(parsed.error)}`);
    manifest = parsed.data;
  }
  return manifest;
}

/** The as-of date as a SQL date literal, for queries that window on it ('YYYY-MM-DD' or the build stops). */
export function asOfLiteral(): string {
  const asOf = readManifest().as_of_date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`manifest.json: as_of_date ${asOf} is not a YYYY-MM-DD date`);
  return `date '${asOf}'`;
}

/** The currency every amount is in: the warehouse's word, else (no warehouse yet) ENCOURS_CURRENCY, else EUR. */
export function companyCurrency(): string {
  return existsSync(join(warehouseDir, 'manifest.json')) ? readManifest().currency : (process.env.ENCOURS_CURRENCY ?? 'EUR');
}

/** French late-payment penalties were computed (run_summary.is_penalties_enabled; older warehouses: yes). */
export function penaltiesEnabled(): boolean {
  return readManifest().headline?.is_penalties_enabled !== false;
}

/** The exports date some settlement (run_summary.has_settlements; older warehouses: yes). */
export function settlementsKnown(): boolean {
  return readManifest().headline?.has_settlements !== false;
}

/** A filter on a table's columns: each given column equals its value (NULL matches NULL). */
export type Filter<T extends WarehouseTable> = { [K in keyof TableRow<T>]?: TableRow<T>[K] };

/** The warehouse's columns that order a read of a table split by year (a single file keeps the mart's order). */
export type Order<T extends WarehouseTable> = readonly (Extract<keyof TableRow<T>, string> | `${Extract<keyof TableRow<T>, string>} desc`)[];

/**
 * The rows of the mart `table` whose columns equal `filter`, typed by the mart's contract: the
 * table is read once per build and indexed by the filter's columns. Rows come in the order the
 * mart's SQL writes them, or by `order` (for a table split by year, whose files have no order).
 */
export function read<T extends WarehouseTable>(table: T, filter: Filter<T> = {}, order: Order<T> = []): Promise<TableRow<T>[]> {
  const rows = memo<TableRow<T>>(`read:${table}:${order.join(',')}`, [table], `select * from {${table}}${order.length ? ` order by ${order.join(', ')}` : ''}`);
  const columns = Object.keys(filter).sort() as (keyof TableRow<T>)[];
  if (columns.length === 0) return rows;
  const key = (values: unknown[]) => JSON.stringify(values);
  const byKey = index(`read:${table}:${order.join(',')}:by:${columns.join(',')}`, () =>
    rows.then((all) => groupBy(all, (row) => key(columns.map((c) => row[c])))));
  return byKey.then((groups) => groups.get(key(columns.map((c) => filter[c] ?? null))) ?? []);
}

/** The one row of a one-row mart (run_summary, penalty_totals, …), or undefined when it is empty. */
export const readOne = <T extends WarehouseTable>(table: T): Promise<TableRow<T> | undefined> => read(table).then((rows) => rows[0]);

/** Every client (the `clients` mart) by id, for per-page lookups. */
export const clientsById = () => index('clientsById', () => read('clients').then((rows) => new Map(rows.map((c) => [c.client_id, c]))));

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
    for (const t of tables) await checkColumns(db, t);
    let text = sql;
    for (const t of tables) text = text.replaceAll(`{${t}}`, source(t));
    return checkedRows<T>(key, tables, await db.rows<Row>(text));
  });
}

/**
 * The warehouse table has every column, with its type, that the site's row types expect
 * (tables.ts, generated from the data dictionary): a column renamed or retyped in SQL stops the
 * build here, naming it, instead of leaving a blank on a page.
 */
function checkColumns(db: Database, table: string): Promise<void> {
  return index(`columns:${table}`, async () => {
    const expected = isWarehouseTable(table) ? warehouseColumnTypes[table] : {};
    const actual = new Map(
      (await db.rows<{ column_name: string; column_type: string }>(`select column_name, column_type from (describe select * from ${source(table)})`)).map((c) => [c.column_name, c.column_type]),
    );
    const wrong = Object.entries(expected)
      .filter(([name, type]) => actual.get(name) !== type)
      .map(([name, type]) => (actual.has(name) ? `${name} is ${actual.get(name)}, not ${type}` : `${name} (${type}) is missing`));
    if (wrong.length > 0) {
      throw new Error(`warehouse table ${table} (${warehouseDir}) does not match site/lib/warehouse/tables.ts: ${wrong.join('; ')}. Rebuild the warehouse with this version of the ETL, or run \`npm run types\` after changing the mart's .json`);
    }
  });
}

/**
 * The rows of query `key`, each column named as a column of a table it reads checked against that
 * column's schema (computed columns under other names pass as they are). Values are checked,
 * not converted: what the loader's type promises is what the page gets.
 */
function checkedRows<T>(key: string, tables: string[], rows: Row[]): T[] {
  const shape: Record<string, z.ZodType> = {};
  for (const table of tables) if (isWarehouseTable(table)) Object.assign(shape, warehouseTables[table].shape);
  const first = rows[0];
  if (!first) return [];
  const schema = z.object(Object.fromEntries(Object.entries(shape).filter(([name]) => name in first)));
  rows.forEach((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`warehouse query ${key} (tables ${tables.join(', ')}), row ${i + 1}: ${z.prettifyError(parsed.error)}`);
  });
  return rows as T[];
}

function isWarehouseTable(table: string): table is WarehouseTable {
  return Object.hasOwn(warehouseTables, table);
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
