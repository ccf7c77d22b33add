// node test/bench/model-tables.ts --input DIR --db FILE [--model NAME --repeat N --replace]
// For profiling one model at scale: reads the exports and builds every model of the run as a
// table in a DuckDB file (none dropped, none a view), with the run's variables kept in a table
// `_variables`. With --model, opens that file instead and times the model's SELECT alone,
// N times (3 by default), printing the median and whether its rows equal the stored table's: a
// model's rewrite can then be timed and checked against the same inputs without a whole run
// (--replace stores its output for the models after it). The run's own order, readers and variables are used, so the
// tables are the ones the ETL builds.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { argv } from 'zx';

import { loadConfig } from '../../etl/config.ts';
import { createBucketTable, createReferenceTables, setFormatVariables } from '../../etl/config-in-duckdb.ts';
import { isBeforeAsOf, modelsDir, orderedModels, readSqlFiles } from '../../etl/model-graph.ts';
import { createEmptyRawFec, findFecFiles, readFec } from '../../etl/readers/fec.ts';
import { readCollectionsLog } from '../../etl/readers/collections-log.ts';
import { readStatusExport } from '../../etl/readers/einvoice-statuses.ts';
import { readOpenItems } from '../../etl/readers/open-items.ts';
import { readSnapshotHistory } from '../../etl/readers/snapshot-history.ts';
import { defaultAsOfDate } from '../../etl/pipeline.ts';
import { openDatabase, sqlString, type Database } from '../../shared/duckdb.ts';

const dbPath = String(argv.db);
const models = orderedModels(String(argv.models ?? modelsDir));

if (argv.model) {
  const db = await openDatabase({ path: dbPath });
  for (const { name, value, type } of await db.rows<{ name: string; value: string | null; type: string }>('select name, value, type from _variables')) {
    await db.run(`set variable ${name} = ${value === null ? 'null' : `cast(${sqlString(value)} as ${type})`}`);
  }
  const model = models.find((m) => m.name === argv.model);
  if (!model) throw new Error(`no model ${String(argv.model)}`);
  const times: number[] = [];
  for (let i = 0; i < Number(argv.repeat ?? 3); i++) {
    const start = performance.now();
    await db.run(`create or replace temp table _timed as ${model.sql}`);
    times.push(performance.now() - start);
  }
  const rows = await db.value<number>('select count(*) from _timed');
  times.sort((a, b) => a - b);
  // The stored table is the model as the run that built the file wrote it: a rewrite must give
  // the same columns, in the same order and types, and the same rows (EXCEPT ALL both ways).
  const columns = (table: string) => db.rows(`select column_name, data_type from information_schema.columns where table_name = '${table}' order by ordinal_position`);
  const sameColumns = JSON.stringify(await columns('_timed')) === JSON.stringify(await columns(model.name));
  const missing = sameColumns ? await db.value<number>(`select count(*) from (select * from ${model.name} except all select * from _timed)`) : null;
  const extra = sameColumns ? await db.value<number>(`select count(*) from (select * from _timed except all select * from ${model.name})`) : null;
  // --replace: the stored table becomes this output, so that the models after it read it.
  if (argv.replace) await db.run(`create or replace table ${model.name} as select * from _timed`);
  console.log(JSON.stringify({ model: model.name, rows, medianMs: Math.round(times[Math.floor(times.length / 2)]!), ms: times.map(Math.round), sameAsStored: sameColumns && missing === 0 && extra === 0, sameColumns, missing, extra }));
  db.close();
} else {
  if (existsSync(dbPath)) rmSync(dbPath);
  const input = resolve(String(argv.input));
  const { config } = loadConfig(undefined, input);
  const db = await openDatabase({ path: dbPath });
  await build(db);
  db.close();
  console.log(`every model's table in ${dbPath}`);

  async function build(db: Database): Promise<void> {
    await setFormatVariables(db, config);
    await db.run(`create or replace table raw_rejects (source_file varchar, line bigint, reason varchar, raw_line varchar)`);
    await db.run(`create or replace table raw_notes (source_file varchar, line bigint, reason varchar, raw_line varchar)`);
    const scratch = `${dbPath}.scratch`;
    mkdirSync(scratch, { recursive: true });
    const fecFiles = findFecFiles(input);
    if (fecFiles.length) {
      await readFec(db, fecFiles, input, config, scratch);
      await readOpenItems(db, input, config, { besideFec: true, scratchDir: scratch });
    } else {
      await createEmptyRawFec(db);
      await readOpenItems(db, input, config, { scratchDir: scratch });
    }
    await readCollectionsLog(db, input, config, scratch);
    await readStatusExport(db, input, config, scratch);
    // No earlier warehouse: a snapshot shape reads its earlier snapshots from none.
    await readSnapshotHistory(db, `${dbPath}.no-warehouse`, config);
    await db.run(readSqlFiles(modelsDir).find((f) => f.name === 'macros')!.sql);
    await createBucketTable(db, config.bucketBounds);
    await createReferenceTables(db, config);
    let asOfSet = false;
    for (const model of models) {
      if (!isBeforeAsOf(model, models) && !asOfSet) {
        asOfSet = true;
        const asOf = argv['as-of'] ? String(argv['as-of']) : await defaultAsOfDate(db);
        await db.run(`set variable as_of_date = date ${sqlString(asOf)}`);
      }
      await db.run(`create or replace table ${model.name} as ${model.sql}`);
    }
    await db.run(`create or replace table _variables as select name, case when value <> 'NULL' then value end as value, type from duckdb_variables()`);
  }
}
