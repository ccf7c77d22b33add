// Publishing a warehouse: every mart as zstd Parquet plus manifest.json (and the data dictionary,
// the lineage, the run history and views.sql beside it), written into the run's
// own folder (etl/run-folder.ts), moved beside the finished runs and swapped in with one atomic
// rename of the data/warehouse symlink. A run that fails or is killed before the swap leaves the
// previous warehouse exactly as it was.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

import type { Manifest } from '../shared/manifest.ts';
import type { Config } from './config.ts';
import { sqlString, type Database } from '../shared/duckdb.ts';
import { readDictionary } from './dictionary.ts';
import { lineage } from './lineage.ts';
import { withChanges } from './run-changes.ts';
import { pruneFolders, swapIn } from './publish.ts';
import type { InputFile } from './readers/open-items.ts';
import type { RunFolder } from './run-folder.ts';
import type { Fingerprint } from './fingerprint.ts';

export type { Manifest };

/** The large tables, and the date whose year partitions them when they outgrow one file. */
const partitionedByYear: Record<string, string> = {
  invoices: 'issue_date',
  allocations: 'allocation_date',
  ageing_monthly: 'month_end',
  client_scores: 'month_end',
};
const packageJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };

export async function publishWarehouse(
  db: Database,
  run: {
    warehouseDir: string;
    /** The run's folder (etl/run-folder.ts): the warehouse is written in its outDir. */
    folder: RunFolder;
    tables: Record<string, number>;
    asOfDate: string;
    inputs: InputFile[];
    config: Config;
    configPath: string | null;
    startedMs: number;
    fingerprint: Fingerprint;
    /** The input folder the fingerprint's file paths are relative to. */
    inputDir: string;
  },
): Promise<Manifest> {
  const { runsDir, runId, outDir: partial } = run.folder;
  const runAt = new Date();

  const tables: Manifest['tables'] = {};
  for (const [table, rows] of Object.entries(run.tables)) {
    const yearColumn = partitionedByYear[table];
    if (yearColumn && rows > run.config.partitionAboveRows) {
      // Hive layout (invoices/year=2025/…): Spark, Trino and cloud warehouses read it as it is.
      await db.run(`copy (select *, year(${yearColumn}) as year from ${table}) to ${sqlString(join(partial, table))} (format parquet, compression zstd, compression_level 1, partition_by (year))`);
      tables[table] = { file: `${table}/`, rows };
    } else {
      await db.run(`copy ${table} to ${sqlString(join(partial, `${table}.parquet`))} (format parquet, compression zstd, compression_level 1)`);
      tables[table] = { file: `${table}.parquet`, rows };
    }
  }
  writeFileSync(join(partial, 'views.sql'), viewsSql(tables));
  writeFileSync(join(partial, 'data_dictionary.json'), `${JSON.stringify(readDictionary(), null, 2)}\n`);
  // Which model each table is built from, by subject: the site's about page shows it (docs/lineage.md is the same graph).
  writeFileSync(join(partial, 'lineage.json'), `${JSON.stringify(lineage(), null, 2)}\n`);
  const manifest: Manifest = {
    tool: packageJson.name,
    version: packageJson.version,
    run_id: runId,
    run_at: runAt.toISOString(),
    as_of_date: run.asOfDate,
    currency: run.config.currency,
    duration_ms: 0,
    config_file: run.configPath,
    inputs: await Promise.all(
      run.inputs.map(async (input) => ({
        file: basename(input.path),
        kind: input.kind,
        size_bytes: statSync(input.path).size,
        // Hashed once per run: the fingerprint read every input file already.
        sha256: run.fingerprint.inputs[relative(run.inputDir, input.path)] ?? (await sha256(input.path)),
        rows: input.rows,
        rejected_rows: input.rejectedRows,
        read_as: input.detected ?? null,
      })),
    ),
    tables,
    documents: await documentCounts(db),
    fingerprint: run.fingerprint,
    headline: (await db.rows<Record<string, string | number | boolean | null>>('select * from run_summary'))[0] ?? {},
  };
  manifest.duration_ms = Math.round(performance.now() - run.startedMs);
  writeFileSync(join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const historyDir = `${run.warehouseDir}-history`;
  // Each run with how its headline figures moved since the one before (the about page shows them).
  const history = withChanges([manifest, ...readRunHistory(historyDir)].slice(0, run.config.keepRunHistory));
  writeFileSync(join(partial, 'run_history.json'), `${JSON.stringify(history, null, 2)}\n`);

  const finished = join(runsDir, runId);
  renameSync(partial, finished);
  swapIn(run.warehouseDir, finished);
  recordRun(historyDir, manifest, run.config.keepRunHistory);
  pruneFolders(runsDir, run.config.keepRuns, runId);
  return manifest;
}

/** The invoices table's invoices and credit notes, counted apart; an invoice with several due dates (instalments) once. */
async function documentCounts(db: Database): Promise<NonNullable<Manifest['documents']>> {
  const [counts] = await db.rows<{ invoices: number; credit_notes: number }>(
    `select count(distinct (client_id, invoice_number)) filter (where kind = 'invoice')::integer as invoices,
            count(distinct (client_id, invoice_number)) filter (where kind = 'credit_note')::integer as credit_notes
     from invoices`,
  );
  return { invoices: Number(counts?.invoices ?? 0), credit_notes: Number(counts?.credit_notes ?? 0) };
}

/** Past published runs' manifests, newest first (the site shows refreshes and how figures moved). */
function readRunHistory(historyDir: string): Manifest[] {
  if (!existsSync(historyDir)) return [];
  return readdirSync(historyDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse()
    .map((f) => JSON.parse(readFileSync(join(historyDir, f), 'utf8')) as Manifest);
}

/** Called once the run is published: keeps its manifest and the newest `keep` ones. */
function recordRun(historyDir: string, manifest: Manifest, keep: number): void {
  mkdirSync(historyDir, { recursive: true });
  writeFileSync(join(historyDir, `${manifest.run_id}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  const files = readdirSync(historyDir).filter((f) => f.endsWith('.json')).sort().reverse();
  for (const old of files.slice(keep)) rmSync(join(historyDir, old), { force: true });
}

/**
 * views.sql: one view per table, by name. Its paths are relative to the warehouse folder, so the
 * folder opens wherever it is copied (the nightly's artifact, an analyst's laptop): DuckDB
 * resolves them against its working folder, or against file_search_path when that is set.
 */
function viewsSql(tables: Manifest['tables']): string {
  const lines = Object.entries(tables).map(([table, { file }]) => {
    const source = file.endsWith('/') ? `read_parquet(${sqlString(`${file}*/*.parquet`)}, hive_partitioning = true)` : `read_parquet(${sqlString(file)})`;
    return `create or replace view ${table} as select * from ${source};`;
  });
  const header = [
    '-- encours warehouse: one view per table. Paths are relative to this folder, wherever it is copied:',
    '--   cd path/to/warehouse && duckdb -init views.sql',
    "-- or, from another folder: set file_search_path = 'path/to/warehouse'; then .read path/to/warehouse/views.sql",
  ];
  return `${header.join('\n')}\n${lines.join('\n')}\n`;
}

function sha256(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolvePromise(hash.digest('hex')))
      .on('error', reject);
  });
}
