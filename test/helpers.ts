// Test helpers: run the ETL on a folder into a throw-away warehouse and query the result.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '../etl/config.ts';
import { openDatabase, sqlString, type Row } from '../etl/db.ts';
import { runEtl } from '../etl/pipeline.ts';
import type { Manifest } from '../etl/warehouse.ts';

export const fixturesDir = join(import.meta.dirname, 'fixtures');

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
