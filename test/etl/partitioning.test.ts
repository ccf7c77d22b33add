// Large tables are written hive-partitioned by year above the configured size, and views.sql opens
// every table by name whichever layout it has, from wherever the warehouse folder is copied.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../etl/config.ts';
import { openDatabase } from '../../shared/duckdb.ts';
import { runEtl } from '../../etl/pipeline.ts';
import { fixturesDir } from '../helpers.ts';

describe('hive partitioning', () => {
  it('splits the large tables by year above partitionAboveRows, and views.sql reads them all', async () => {
    const warehouseDir = join(mkdtempSync(join(tmpdir(), 'encours-part-')), 'warehouse');
    const config = parseConfig({ partitionAboveRows: 5 });
    const manifest = await runEtl({ inputDir: join(fixturesDir, 'allocation'), warehouseDir, config, configPath: null, asOf: '2024-03-31' });
    // invoices (9 rows), allocations (8) and ageing_monthly (13) exceed 5 rows; F1 was issued in 2023.
    expect(readdirSync(join(warehouseDir, 'invoices')).sort()).toEqual(['year=2023', 'year=2024']);
    expect(manifest.tables.invoices!.file).toBe('invoices/');
    expect(existsSync(join(warehouseDir, 'allocations'))).toBe(true);
    expect(existsSync(join(warehouseDir, 'ageing_monthly', 'year=2023'))).toBe(true);
    // Small tables stay single files.
    expect(existsSync(join(warehouseDir, 'clients.parquet'))).toBe(true);

    // The warehouse copied elsewhere, the original removed: views.sql must not name where it was made.
    const copied = join(mkdtempSync(join(tmpdir(), 'encours-copied-')), 'wh');
    cpSync(warehouseDir, copied, { recursive: true });
    rmSync(warehouseDir, { recursive: true });
    const db = await openDatabase();
    try {
      // From this process's folder (the project), with the copy on DuckDB's file search path.
      await db.run(`set file_search_path = '${copied}'`);
      await db.run(readFileSync(join(copied, 'views.sql'), 'utf8'));
      const [counts] = await db.rows(`select (select count(*) from invoices) as invoices, (select count(*) from ageing_monthly) as ageing_monthly, (select count(*) from clients) as clients`);
      expect(counts).toEqual({ invoices: 9, ageing_monthly: 13, clients: 6 });
      const [{ open }] = (await db.rows(`select sum(open_amount) as open from invoices`)) as [{ open: number }];
      expect(open).toBe(1350);
    } finally {
      db.close();
    }

    // `cd warehouse && duckdb -init views.sql`: a process started inside the copy, no search path.
    const modulePath = join(import.meta.dirname, '..', '..', 'node_modules', '@duckdb', 'node-api', 'lib', 'index.js');
    const script = `
      import { DuckDBInstance } from ${JSON.stringify(modulePath)};
      import { readFileSync } from 'node:fs';
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      await connection.run(readFileSync('views.sql', 'utf8'));
      const reader = await connection.runAndReadAll('select (select count(*) from invoices)::integer as invoices, (select count(*) from clients)::integer as clients');
      console.log(JSON.stringify(reader.getRowObjectsJson()[0]));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: copied, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ invoices: 9, clients: 6 });
  });
});
