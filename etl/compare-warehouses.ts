// Compares two warehouses table by table, every row both ways (EXCEPT ALL): the check that a
// refactoring left the figures as they were, or the list of what a change moved.
// `npm run compare -- BEFORE AFTER` prints, per table, the rows only in one of them, and the
// column lists where they differ; it exits 1 when anything differs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openDatabase, sqlString } from '../shared/duckdb.ts';

export interface TableDifference {
  table: string;
  /** Columns that are in one warehouse and not the other, or typed differently. */
  columns?: { before: string[]; after: string[] };
  onlyBefore: number;
  onlyAfter: number;
  rows: number;
}

const tablesOf = (dir: string) => readdirSync(dir).filter((file) => file.endsWith('.parquet')).map((file) => file.replace(/\.parquet$/, '')).sort();

/** The tables whose rows differ, compared on the columns both warehouses have. */
export async function compareWarehouses(before: string, after: string): Promise<{ tables: number; rows: number; added: string[]; removed: string[]; differences: TableDifference[]; dictionaryIdentical: boolean }> {
  const [a, b] = [tablesOf(before), tablesOf(after)];
  const db = await openDatabase();
  const differences: TableDifference[] = [];
  let rows = 0;
  try {
    for (const table of a.filter((t) => b.includes(t))) {
      const [ra, rb] = [before, after].map((dir) => `read_parquet(${sqlString(join(dir, `${table}.parquet`))})`);
      const describe = async (source: string) => (await db.rows<{ column_name: string; column_type: string }>(`describe select * from ${source}`)).map((c) => `${c.column_name} ${c.column_type}`);
      const [ca, cb] = [await describe(ra!), await describe(rb!)];
      const shared = ca.filter((c) => cb.includes(c)).map((c) => `"${c.slice(0, c.lastIndexOf(' '))}"`).join(', ');
      const count = Number(await db.value(`select count(*) from ${ra}`));
      rows += count;
      const only = async (x: string, y: string) => Number(await db.value(`select count(*) from (select ${shared} from ${x} except all select ${shared} from ${y})`));
      const [onlyBefore, onlyAfter] = [await only(ra!, rb!), await only(rb!, ra!)];
      const columnsDiffer = ca.join() !== cb.join();
      if (onlyBefore || onlyAfter || columnsDiffer) {
        differences.push({ table, onlyBefore, onlyAfter, rows: count, ...(columnsDiffer ? { columns: { before: ca.filter((c) => !cb.includes(c)), after: cb.filter((c) => !ca.includes(c)) } } : {}) });
      }
    }
  } finally {
    db.close();
  }
  const dictionary = (dir: string) => (existsSync(join(dir, 'data_dictionary.json')) ? readFileSync(join(dir, 'data_dictionary.json'), 'utf8') : '');
  return { tables: a.length, rows, added: b.filter((t) => !a.includes(t)), removed: a.filter((t) => !b.includes(t)), differences, dictionaryIdentical: dictionary(before) === dictionary(after) };
}

if (import.meta.main) {
  const [before, after] = process.argv.slice(2);
  if (!before || !after) {
    console.error('usage: npm run compare -- BEFORE_WAREHOUSE AFTER_WAREHOUSE');
    process.exit(2);
  }
  const result = await compareWarehouses(before, after);
  for (const table of result.added) console.log(`+ ${table} (new table)`);
  for (const table of result.removed) console.log(`- ${table} (table gone)`);
  for (const d of result.differences) {
    const columns = d.columns ? ` columns${d.columns.before.length ? ` −[${d.columns.before.join(', ')}]` : ''}${d.columns.after.length ? ` +[${d.columns.after.join(', ')}]` : ''}` : '';
    console.log(`~ ${d.table}: ${d.onlyBefore} rows only before, ${d.onlyAfter} only after (of ${d.rows})${columns}`);
  }
  const same = !result.added.length && !result.removed.length && !result.differences.length;
  console.log(`${result.tables} tables, ${result.rows} rows compared both ways: ${same ? 'identical' : `${result.differences.length + result.added.length + result.removed.length} differ`}; data dictionary ${result.dictionaryIdentical ? 'identical' : 'differs'}`);
  process.exit(same ? 0 : 1);
}
