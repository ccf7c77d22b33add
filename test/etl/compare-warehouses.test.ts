// npm run compare: two warehouses compared table by table, every row both ways, on tiny warehouses
// written here — the check a refactoring is held to ("the same warehouse before and after").
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { compareWarehouses } from '../../etl/compare-warehouses.ts';
import { openDatabase, sqlString } from '../../shared/duckdb.ts';

async function warehouse(tables: Record<string, string>): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'encours-compare-')), 'wh');
  mkdirSync(dir);
  const db = await openDatabase();
  try {
    for (const [name, select] of Object.entries(tables)) await db.run(`copy (${select}) to ${sqlString(join(dir, `${name}.parquet`))} (format parquet)`);
  } finally {
    db.close();
  }
  return dir;
}

describe('compareWarehouses', () => {
  it('finds nothing between two warehouses with the same rows in another order', async () => {
    const before = await warehouse({ invoices: `select * from (values ('F1', 100.00), ('F2', 50.00)) t(invoice_id, amount)` });
    const after = await warehouse({ invoices: `select * from (values ('F2', 50.00), ('F1', 100.00)) t(invoice_id, amount)` });
    expect(await compareWarehouses(before, after)).toMatchObject({ tables: 1, rows: 2, added: [], removed: [], differences: [] });
  });

  it('counts a changed row once on each side, a duplicated row once, and names added columns and tables', async () => {
    // F2's amount changes (one row only before, one only after); F1 appears twice after (EXCEPT ALL
    // keeps multiplicity: one more row only after); the added column is compared on the shared ones.
    const before = await warehouse({
      invoices: `select * from (values ('F1', 100.00), ('F2', 50.00)) t(invoice_id, amount)`,
      gone: `select 1 as one`,
    });
    const after = await warehouse({
      invoices: `select * from (values ('F1', 100.00, 'x'), ('F1', 100.00, 'x'), ('F2', 55.00, 'y')) t(invoice_id, amount, note)`,
      fresh: `select 1 as one`,
    });
    const result = await compareWarehouses(before, after);
    expect(result.added).toEqual(['fresh']);
    expect(result.removed).toEqual(['gone']);
    expect(result.differences).toEqual([
      { table: 'invoices', onlyBefore: 1, onlyAfter: 2, rows: 2, columns: { before: [], after: ['note VARCHAR'] } },
    ]);
  });
});
