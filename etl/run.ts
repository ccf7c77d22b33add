#!/usr/bin/env node
// npm run etl -- --input DIR [--as-of YYYY-MM-DD] [--config FILE] [--warehouse DIR] [--allow-shrink] [--full]
// Reads the exports in DIR, builds the warehouse, prints each step and a summary. Exits non-zero
// with a one-paragraph message (no stack trace) when the input or a data test is bad. When the
// exports, code, configuration and reference tables are those of the published warehouse, it is
// kept as it is (etl/fingerprint.ts); --full rebuilds it anyway.
import { statSync } from 'node:fs';
import { argv, chalk } from 'zx';

import { ConfigError, loadConfig } from './config.ts';
import { CheckFailure, runEtl, type StepEvent } from './pipeline.ts';
import type { Manifest } from './publish-warehouse.ts';
import { InputError } from './readers/errors.ts';
import { RunStopped } from './run-folder.ts';

const usage = 'usage: npm run etl -- --input DIR [--as-of YYYY-MM-DD] [--config FILE] [--warehouse DIR] [--allow-shrink] [--full]';

export async function main(args: typeof argv): Promise<number> {
  const inputDir = typeof args.input === 'string' ? args.input : undefined;
  const asOf = args['as-of'] === undefined ? undefined : String(args['as-of']);
  if (!inputDir) return fail(`--input is required\n${usage}`);
  const inputProblem = folderProblem(inputDir);
  if (inputProblem) return fail(`--input ${inputDir}: ${inputProblem}\nThe previous warehouse was left as it was.`);
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    return fail(`--as-of must be a real date written YYYY-MM-DD (e.g. 2025-02-28), got ${asOf}\nThe previous warehouse was left as it was.`);
  }
  const warehouseDir = typeof args.warehouse === 'string' ? args.warehouse : 'data/warehouse';
  const allowShrink = args['allow-shrink'] === true;
  const full = args.full === true;
  try {
    const { config, path } = loadConfig(typeof args.config === 'string' ? args.config : undefined, inputDir);
    console.log(chalk.bold(`encours ETL: ${inputDir}${path ? ` (mapping ${path})` : ''}`));
    const manifest = await runEtl({ inputDir, warehouseDir, config, configPath: path, asOf, allowShrink, full, log: printStep });
    if (manifest.kept) {
      console.log(chalk.green(`\n✔ warehouse ${warehouseDir} as of ${manifest.as_of_date} kept: nothing changed since run ${manifest.run_id} (--full rebuilds it)`));
      return 0;
    }
    // What each export was read as (encoding, decimal sign): a misread says so here first.
    for (const input of manifest.inputs) if (input.read_as) console.log(chalk.dim(`  ${input.file} read as ${input.read_as}`));
    const rejected = manifest.inputs.reduce((sum, input) => sum + input.rejected_rows, 0);
    const afterAsOf = Number(manifest.headline.rows_after_as_of ?? 0);
    console.log(
      chalk.green(`\n✔ warehouse ${warehouseDir} as of ${manifest.as_of_date}: `) +
        `${Object.keys(manifest.tables).length} tables, ${documents(manifest)}, ` +
        `${manifest.tables.quality?.rows ?? 0} quality rows${rejected ? ` (${rejected} unreadable lines)` : ''}, ` +
        `${afterAsOf} row${afterAsOf === 1 ? '' : 's'} dated after the as-of date left out, ${(manifest.duration_ms / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InputError || error instanceof CheckFailure || error instanceof RunStopped) {
      return fail(`${error.message}\nThe previous warehouse was left as it was.`);
    }
    if (process.env.DEBUG) console.error(error);
    return fail(`unexpected error: ${(error as Error).message}\nThe previous warehouse was left as it was. Set DEBUG=1 for details.`);
  }
}

/** "1,204 invoices and 37 credit notes": a credit note is not an invoice. */
function documents(manifest: Manifest): string {
  const invoices = manifest.documents?.invoices ?? manifest.tables.invoices?.rows ?? 0;
  const creditNotes = manifest.documents?.credit_notes ?? 0;
  const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(invoices, 'invoice')} and ${plural(creditNotes, 'credit note')}`;
}

function printStep(event: StepEvent): void {
  const rows = event.rows === undefined ? '' : `${event.rows.toLocaleString('en-US')} rows`;
  console.log(`  ${event.step.padEnd(42)} ${rows.padStart(16)}  ${`${Math.round(event.ms)} ms`.padStart(8)}${event.detail ? chalk.dim(`  ${event.detail}`) : ''}`);
}

/** Why `dir` cannot be the input folder, or null. */
function folderProblem(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? null : 'is a file, not a folder; give the folder that holds the exports';
  } catch {
    return 'no such folder; give the folder that holds the exports (e.g. --input data/inbox)';
  }
}

/** YYYY-MM-DD naming a day that exists (2025-02-30 does not: Date would roll it to 2 March). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function fail(message: string): number {
  console.error(chalk.red(`✘ ${message}`));
  return 1;
}

if (import.meta.main) process.exitCode = await main(argv);
