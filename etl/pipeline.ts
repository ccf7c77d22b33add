// One ETL run: read the exports, run the SQL models in order, run the data tests, write the
// marts as Parquet beside the current warehouse and swap them in only when all of that passed.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Config } from './config.ts';
import { openDatabase, sqlString, type Database } from '../shared/duckdb.ts';
import { checksDir, declaredTests, isBeforeAsOf, modelsDir, orderedModels, readSqlFiles, releasedAfter, type SqlFile, tablesRead, viewModels } from './model-graph.ts';
import { createEmptyRawFec, findFecFiles, readFec } from './readers/fec.ts';
import { readCollectionsLog } from './readers/collections-log.ts';
import { readStatusExport } from './readers/einvoice-statuses.ts';
import { readOpenItems, type InputFile } from './readers/open-items.ts';
import { readSnapshotHistory } from './readers/snapshot-history.ts';
import { guardPublishing } from './guard.ts';
import { stopOnUnconvertedAmounts } from './unconverted-amounts.ts';
import { stopOnUnusableFile } from './unusable-files.ts';
import { openRunFolder, writeProblem } from './run-folder.ts';
import { createBucketTable, createReferenceTables, setFormatVariables } from './config-in-duckdb.ts';
import { publishWarehouse, type Manifest } from './publish-warehouse.ts';
import { changeFrom, fingerprint } from './fingerprint.ts';
import { manifestSchema } from '../shared/manifest.ts';

export interface RunOptions {
  inputDir: string;
  warehouseDir: string;
  config: Config;
  configPath: string | null;
  /** YYYY-MM-DD; by default the latest date found in the inputs. */
  asOf?: string;
  /** Publish even when the publishing guard (etl/guard.ts) finds the book shrank. */
  allowShrink?: boolean;
  log?: (event: StepEvent) => void;
  /** The models folder (etl/models by default; tests run a changed copy). */
  modelsDir?: string;
  /** Rebuild even when nothing changed since the published warehouse (etl/fingerprint.ts). */
  full?: boolean;
}

export interface StepEvent {
  step: string;
  rows?: number;
  ms: number;
  detail?: string;
}

export class CheckFailure extends Error {}

/** The published manifest; `kept` when nothing changed and the warehouse was kept as it was. */
export type RunResult = Manifest & { kept?: true };

export async function runEtl(options: RunOptions): Promise<RunResult> {
  const { config, warehouseDir } = options;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const folder = withWriteProblem(warehouseDir, () => openRunFolder(warehouseDir));
  try {
    const print = await timed(log, 'fingerprint', async () => {
      const value = fingerprint({ inputDir: options.inputDir, config, asOf: options.asOf, modelsDir: options.modelsDir ?? modelsDir });
      const previous = publishedManifest(warehouseDir);
      const change = options.full ? '--full' : changeFrom(previous, value);
      return { value: { value, previous, change }, detail: change ? `full run: ${change}` : `nothing changed since run ${previous!.run_id}: its warehouse is kept` };
    });
    if (!print.change) return { ...print.previous!, kept: true };
    const db = await openDatabase({ memoryLimit: config.memoryLimit, tempDirectory: folder.spillDir });
    try {
      const { tables, asOfDate, inputs } = await buildTables(db, options, folder.scratchDir, log);
      await timed(log, 'publishing guard', async () => {
        if (options.allowShrink) return { detail: 'skipped (--allow-shrink)' };
        const receivables = Number((await db.value<number | null>('select receivables from run_summary')) ?? 0);
        guardPublishing(warehouseDir, { asOfDate, invoices: tables.invoices ?? 0, receivables }, config.guard.maxShrink);
        return { detail: 'passed' };
      });
      return await timed(log, 'write warehouse', async () => {
        const manifest = await withWriteProblem(warehouseDir, () =>
          publishWarehouse(db, { warehouseDir, folder, tables, asOfDate, inputs, config, configPath: options.configPath, startedMs: started, fingerprint: print.value, inputDir: resolve(options.inputDir) }),
        );
        return { value: manifest, detail: warehouseDir };
      });
    } catch (error) {
      // DuckDB spilling, or an export re-encoded, into a full disk under the run folder.
      throw writeProblem(error, warehouseDir, { onlyIfNamed: true }) ?? error;
    } finally {
      db.close();
    }
  } finally {
    folder.release();
  }
}

/** The manifest of the warehouse published at `warehouseDir`, or null when there is none whole. */
function publishedManifest(warehouseDir: string): Manifest | null {
  try {
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(warehouseDir, 'manifest.json'), 'utf8')));
    // A table file gone (a warehouse copied in part) is no warehouse to keep.
    return Object.values(manifest.tables).every((table) => existsSync(join(warehouseDir, table.file))) ? manifest : null;
  } catch {
    return null;
  }
}

/** Reads the exports, runs every model and the data tests; returns the marts' row counts. */
async function buildTables(
  db: Database,
  options: RunOptions,
  scratchDir: string,
  log: (event: StepEvent) => void,
): Promise<{ tables: Record<string, number>; asOfDate: string; inputs: InputFile[] }> {
  const { config } = options;
  const inputs: InputFile[] = [];
  await timed(log, 'read exports', async () => {
    await setFormatVariables(db, config);
    const inputDir = resolve(options.inputDir);
    await db.run(`create or replace table raw_rejects (source_file varchar, line bigint, reason varchar, raw_line varchar)`);
    // What a report file holds that is not an item (title lines, section and total rows), listed as info.
    await db.run(`create or replace table raw_notes (source_file varchar, line bigint, reason varchar, raw_line varchar)`);
    const fecFiles = findFecFiles(inputDir);
    if (fecFiles.length) {
      inputs.push(...(await readFec(db, fecFiles, inputDir, config, scratchDir)));
      inputs.push(...(await readOpenItems(db, inputDir, config, { besideFec: true, scratchDir })));
    } else {
      await createEmptyRawFec(db);
      inputs.push(...(await readOpenItems(db, inputDir, config, { scratchDir })));
    }
    inputs.push(...(await readCollectionsLog(db, inputDir, config, scratchDir)));
    inputs.push(...(await readStatusExport(db, inputDir, config, scratchDir)));
    await readSnapshotHistory(db, options.warehouseDir, config);
    const format = fecFiles.length ? `FEC (${fecFiles.length} journal file${fecFiles.length > 1 ? 's' : ''})` : 'open items';
    return { rows: inputs.reduce((sum, f) => sum + f.rows, 0), detail: `${inputs.length} files, ${format}` };
  });
  const modelsFolder = options.modelsDir ?? modelsDir;
  await db.run(readSqlFiles(modelsFolder).find((f) => f.name === 'macros')!.sql);
  await createBucketTable(db, config.bucketBounds);
  await createReferenceTables(db, config);

  const tables: Record<string, number> = {};
  let asOfDate = options.asOf;
  const models = orderedModels(modelsFolder);

  // Tests declared beside a model run once it is built, before what it reads can be dropped; their
  // failures are reported with the data tests' below.
  const declared = declaredTests(modelsFolder);
  const views = viewModels(models, readSqlFiles(checksDir), declared);
  const released = releasedAfter(models, readSqlFiles(checksDir), views);
  const modelNames = new Set(models.map((model) => model.name));
  const built = new Set<string>();
  // A test that reads a model not built yet (a relationships test to a mart built later) waits
  // for the data tests below; a mart is never dropped, so it is still there then.
  const waiting: SqlFile[] = [];
  const failures: string[] = [];
  let declaredCount = 0;
  // The declared tests' time, logged as one step with its slowest tests named (they run between models).
  const declaredMs: { name: string; ms: number }[] = [];
  let readChecked = false;
  for (const model of models) {
    const beforeAsOf = isBeforeAsOf(model, models);
    if (!beforeAsOf && !readChecked) {
      // Every file's rows are staged: one the run cannot use stops it here, naming the cause.
      readChecked = true;
      await stopOnUnusableFile(db, config);
      await stopOnUnconvertedAmounts(db, config);
    }
    if (!beforeAsOf && asOfDate === undefined) {
      asOfDate = await defaultAsOfDate(db);
      log({ step: `as-of date ${asOfDate} (latest date in the inputs)`, ms: 0 });
    }
    if (!beforeAsOf) await db.run(`set variable as_of_date = date ${sqlString(asOfDate!)}`);
    await timed(log, `${model.layer}/${model.name}`, async () => {
      // A temp table: DuckDB builds a CREATE TABLE … AS … ORDER BY into the main catalog
      // through an order-preserving insert that took 0.7 s for the 50,000-row dunning list at
      // 1M invoices; the same statement into a temp table takes 0.09 s (nothing here outlives
      // the run but the Parquet files).
      if (views.has(model.name)) {
        await db.run(`create or replace temp view ${model.name} as ${model.sql}`);
        return { detail: 'view (one reader)' };
      }
      // ENCOURS_PROFILE=DIR writes each model's plan with its operators' timings (EXPLAIN ANALYZE) there.
      const profile = process.env.ENCOURS_PROFILE;
      if (profile) await db.run(`set profiling_output = ${sqlString(resolve(profile, `${model.name}.txt`))}; set enable_profiling = 'query_tree'`);
      await db.run(`create or replace temp table ${model.name} as ${model.sql}`);
      if (profile) await db.run(`pragma disable_profiling`);
      const rows = await db.value<number>(`select count(*) from ${model.name}`);
      if (model.layer === 'marts') tables[model.name] = rows;
      return { rows };
    });
    built.add(model.name);
    for (const test of declared.get(model.name) ?? []) {
      declaredCount++;
      if ([...tablesRead(test.sql)].some((table) => modelNames.has(table) && !built.has(table))) {
        waiting.push(test);
        continue;
      }
      const testStart = performance.now();
      const failure = await runCheck(db, test);
      declaredMs.push({ name: test.name, ms: performance.now() - testStart });
      if (failure) failures.push(failure);
    }
    for (const table of released.get(model.name) ?? []) await dropTable(db, table);
  }
  const slowest = declaredMs.sort((a, b) => b.ms - a.ms).slice(0, 3);
  log({
    step: 'declared tests (run after each model)',
    ms: declaredMs.reduce((sum, test) => sum + test.ms, 0),
    detail: `${declaredMs.length} run so far; slowest ${slowest.map((test) => `${test.name} ${Math.round(test.ms)} ms`).join(', ')}`,
  });

  await timed(log, 'data tests', async () => {
    const checks = readSqlFiles(checksDir);
    const checkMs: { name: string; ms: number }[] = [];
    for (const check of [...waiting, ...checks]) {
      const checkStart = performance.now();
      const failure = await runCheck(db, check);
      checkMs.push({ name: check.name, ms: performance.now() - checkStart });
      if (failure) failures.push(failure);
    }
    if (failures.length) throw new CheckFailure(`${failures.length} data test(s) failed; nothing was published:\n  ${failures.join('\n  ')}`);
    const slowestChecks = checkMs.sort((a, b) => b.ms - a.ms).slice(0, 3);
    return { detail: `${checks.length + declaredCount} passed (${declaredCount} declared beside models); slowest here ${slowestChecks.map((check) => `${check.name} ${Math.round(check.ms)} ms`).join(', ')}` };
  });
  return { tables, asOfDate: asOfDate!, inputs };
}

/** A check's failure message (its name, the rule its first line states, one offending row), or null when no row breaks it. */
async function runCheck(db: Database, check: SqlFile): Promise<string | null> {
  const broken = await db.rows(`select * from (${check.sql}) limit 5`);
  if (!broken.length) return null;
  return `${check.name}: ${check.sql.split('\n')[0]!.replace(/^--\s*/, '')}\n    e.g. ${JSON.stringify(broken[0])}`;
}

/** Runs a step that writes under the warehouse's folders, turning a full or read-only disk into a message. */
function withWriteProblem<T>(warehouseDir: string, step: () => T): T {
  const translate = (error: unknown) => writeProblem(error, warehouseDir) ?? error;
  try {
    const result = step();
    return (result instanceof Promise ? result.catch((error: unknown) => Promise.reject(translate(error))) : result) as T;
  } catch (error) {
    throw translate(error);
  }
}

/** Drops a table no later step reads; a raw input view goes with the per-file tables under it. */
async function dropTable(db: Database, name: string): Promise<void> {
  const parts = await db.rows<{ table_name: string }>(
    `select table_name from duckdb_tables() where regexp_matches(table_name, ${sqlString(`^${name}_[0-9]+$`)})`,
  );
  const kind = await db.value<string | null>(`select table_type from information_schema.tables where table_name = ${sqlString(name)}`);
  if (kind === 'VIEW') await db.run(`drop view ${name}`);
  else if (kind) await db.run(`drop table ${name}`);
  if (name.startsWith('raw_')) for (const part of parts) await db.run(`drop table ${part.table_name}`);
}

async function timed<T>(
  log: (event: StepEvent) => void,
  step: string,
  work: () => Promise<{ rows?: number; detail?: string; value?: T }>,
): Promise<T> {
  const start = performance.now();
  const { rows, detail, value } = await work();
  log({ step, rows, detail, ms: performance.now() - start });
  return value as T;
}

/**
 * The run's reference date when none is given: the latest date of any kind in the valid-row
 * models (which run before it, see isBeforeAsOf) —
 * issue, payment, write-off, the settlement columns of invoice lines, and a FEC's entry and
 * lettering dates, and a snapshot's date — so that no settlement the exports hold is left out by default. A settlement
 * or lettering date outside 1990–2099 (a typo such as 2925) does not count: it would date every
 * figure centuries ahead; it is listed in quality as dated after the as-of date instead.
 */
export async function defaultAsOfDate(db: Database): Promise<string> {
  const date = await db.value<string | null>(`
    select max(d) from (
      select max(greatest(issue_date, case when paid_amount > 0 and not is_implausible_date(paid_date) then paid_date end)) as d
      from int_invoice_lines
      union all select max(payment_date) from int_payments
      union all select max(writeoff_date) from int_writeoffs
      union all select max(greatest(entry_date, case when item_kind is not null and not is_implausible_date(letter_date) then letter_date end))
      from int_fec_lines
      -- An open-balance snapshot is right at its own date, later than any of its documents.
      union all select max(snapshot_date) from int_snapshot_lines_checked where reject_reason is null)`);
  if (!date) throw new CheckFailure('no usable invoice in the inputs, so there is no as-of date; see the quality report');
  return date;
}
