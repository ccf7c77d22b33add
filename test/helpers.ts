// Test helpers: run the ETL on a folder into a throw-away warehouse and query the result.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '../etl/config.ts';
import { detectMapping } from '../etl/detect.ts';
import { openDatabase, sqlString, type Row } from '../shared/duckdb.ts';
import { runEtl } from '../etl/pipeline.ts';
import type { Manifest } from '../etl/publish-warehouse.ts';

export const fixturesDir = join(import.meta.dirname, 'fixtures');

/** An export written as a named package writes it: test/fixtures/export-shapes/<name>. */
export const exportShape = (name: string) => join(fixturesDir, 'export-shapes', name);

/** A copy of an export shape's files (never its encours.config.json or TRUTH.md) in a fresh folder. */
export function exportsOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'encours-shapes-'));
  for (const file of readdirSync(exportShape(name)).filter((n) => /\.(csv|txt)$/.test(n))) cpSync(join(exportShape(name), file), join(dir, file));
  return dir;
}

/**
 * Writes into `dir` the mapping `npm run detect` proposes for it, changed by `edit` when a test sets
 * what an export cannot say (the company's currency or country), and returns what it wrote.
 */
export async function detectInto(dir: string, edit: (config: Record<string, unknown>) => Record<string, unknown> = (config) => config): Promise<Record<string, unknown>> {
  const config = edit((await detectMapping(dir)).config);
  writeFileSync(join(dir, 'encours.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return config;
}

export interface Warehouse {
  dir: string;
  manifest: Manifest;
  /** Runs SQL where each warehouse table is a view of its name. */
  query<T extends Row = Row>(sql: string): Promise<T[]>;
}

export async function buildWarehouse(inputDir: string, options: { asOf?: string; configPath?: string } = {}): Promise<Warehouse> {
  const { config, path } = loadConfig(options.configPath, inputDir);
  const dir = join(mkdtempSync(join(tmpdir(), 'encours-test-')), 'warehouse');
  const manifest = await runEtl({ inputDir, warehouseDir: dir, config, configPath: path, asOf: options.asOf });
  return { dir, manifest, query: (sql) => queryWarehouse(dir, sql) };
}

const shared = new Map<string, Promise<Warehouse>>();

/**
 * buildWarehouse() for tests that only read the warehouse: the first call for an input folder (its
 * path and every file's bytes) and options runs the ETL, later calls in the same test process get
 * the same warehouse. For a warehouse that a test changes, or a second run it compares with the
 * first, call buildWarehouse().
 */
export function sharedWarehouse(inputDir: string, options: { asOf?: string; configPath?: string } = {}): Promise<Warehouse> {
  const hash = createHash('sha256').update(JSON.stringify([inputDir, options.asOf ?? null, options.configPath ?? null]));
  const files = readdirSync(inputDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
  for (const file of [...files, ...(options.configPath ? [options.configPath] : [])]) hash.update(`\0${file}\0`).update(readFileSync(file));
  const key = hash.digest('hex');
  let warehouse = shared.get(key);
  if (!warehouse) {
    warehouse = buildWarehouse(inputDir, options);
    shared.set(key, warehouse);
    // A failed run is not kept: the next test asking runs it again (and fails on its own account).
    warehouse.catch(() => shared.delete(key));
  }
  return warehouse;
}

export async function queryWarehouse<T extends Row = Row>(dir: string, sql: string): Promise<T[]> {
  const db = await openDatabase();
  try {
    const tables = await db.rows<{ file: string }>(`select file from glob(${sqlString(join(dir, '*.parquet'))})`);
    for (const { file } of tables) {
      const name = file.split('/').at(-1)!.replace('.parquet', '');
      await db.run(`create view ${name} as select * from read_parquet(${sqlString(file)})`);
    }
    return await db.rows<T>(sql);
  } finally {
    db.close();
  }
}

/**
 * A model unit test: runs one SQL model of etl/models on hand-made input tables (each given as a
 * SELECT), with the given DuckDB variables, and returns its rows. Given several models, each is
 * built as a table in turn (the later ones read the earlier) and the last one's rows are returned.
 */
export async function runModel<T extends Row = Row>(
  model: string | string[],
  inputs: Record<string, string>,
  variables: Record<string, string | number | number[]> = {},
): Promise<T[]> {
  const { readSqlFiles, modelsDir, orderedModels } = await import('../etl/model-graph.ts');
  const db = await openDatabase();
  try {
    await db.run(readSqlFiles(modelsDir).find((f) => f.name === 'macros')!.sql);
    for (const [name, value] of Object.entries(variables)) {
      await db.run(`set variable ${name} = ${typeof value === 'number' ? value : Array.isArray(value) ? `[${value.join(', ')}]::double[]` : `date ${sqlString(value)}`}`);
    }
    for (const [table, select] of Object.entries(inputs)) await db.run(`create table ${table} as ${select}`);
    const names = typeof model === 'string' ? [model] : model;
    const all = orderedModels();
    let rows: T[] = [];
    for (const [index, name] of names.entries()) {
      const target = all.find((m) => m.name === name);
      if (!target) throw new Error(`no model ${name}`);
      if (index < names.length - 1) await db.run(`create table ${name} as ${target.sql}`);
      else rows = await db.rows<T>(target.sql);
    }
    return rows;
  } finally {
    db.close();
  }
}
