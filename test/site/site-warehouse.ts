// Small warehouses written by a test for the site's loaders to read: a manifest and each table
// from a SELECT, for the site's read (warehouse-query, client-alerts, client-grade).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { vi } from 'vitest';

import { openDatabase, sqlString } from '../../shared/duckdb.ts';
import { warehouseColumnTypes, type WarehouseTable } from '../../site/lib/warehouse/tables.ts';

/** A manifest as the ETL writes it, for a run as of `asOfDate`. */
export const testManifest = (asOfDate: string, runAt: string) => ({
  tool: 'encours', version: '0.1.0', run_id: 'r1', run_at: runAt, as_of_date: asOfDate, currency: 'EUR',
  duration_ms: 1, config_file: null, inputs: [], tables: {}, headline: {},
});

/** A warehouse folder holding `manifest.json` and each table written from a SELECT. */
export async function writeWarehouse(tables: Record<string, string>, manifest: unknown, prefix = 'encours-site-'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const db = await openDatabase();
  try {
    for (const [table, select] of Object.entries(tables)) await db.run(`copy (${select}) to ${sqlString(join(dir, `${table}.parquet`))} (format parquet)`);
  } finally {
    db.close();
  }
  return dir;
}

/** The site's read of the warehouse (site/lib/read.ts) on `dir` (the folder is read from the environment when it loads). */
export async function siteReading(dir: string) {
  vi.resetModules();
  vi.stubEnv('ENCOURS_WAREHOUSE', dir);
  return import('../../site/lib/read.ts');
}

/**
 * A warehouse folder where each table is written from rows that give some of its columns as SQL
 * literals (`{ grade: "'B'" }`); every other column of the table is NULL of the dictionary's type,
 * so the site's column check (tables.ts) passes.
 */
export function typedWarehouse(tables: Partial<Record<WarehouseTable, Record<string, string>[]>>, manifest: unknown, prefix = 'encours-site-'): Promise<string> {
  const selects = Object.fromEntries((Object.entries(tables) as [WarehouseTable, Record<string, string>[]][]).map(([table, rows]) => {
    const types = warehouseColumnTypes[table] as Record<string, string>;
    return [table, rows.map((row) => `select ${Object.entries(types).map(([name, type]) => `${row[name] ?? 'null'}::${type} as ${name}`).join(', ')}`).join(' union all ')];
  }));
  return writeWarehouse(selects, manifest, prefix);
}
