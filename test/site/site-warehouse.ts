// Small warehouses written by a test for the site's loaders to read: a manifest and each table
// from a SELECT, for the site's read (warehouse-query).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { vi } from 'vitest';

import { openDatabase, sqlString } from '../../shared/duckdb.ts';

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
