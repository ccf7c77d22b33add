#!/usr/bin/env node
// npm run etl -- --input DIR [--as-of YYYY-MM-DD] [--config FILE] [--warehouse DIR]
// Reads the exports in DIR, builds the warehouse, prints each step and a summary. Exits non-zero
// with a one-paragraph message (no stack trace) when the input or a data test is bad.
import { argv, chalk } from 'zx';

import { ConfigError, loadConfig } from './config.ts';
import { CheckFailure, runEtl, type StepEvent } from './pipeline.ts';
import { InputError } from './readers/errors.ts';

const usage = 'usage: npm run etl -- --input DIR [--as-of YYYY-MM-DD] [--config FILE] [--warehouse DIR]';

export async function main(args: typeof argv): Promise<number> {
  const inputDir = typeof args.input === 'string' ? args.input : undefined;
  const asOf = args['as-of'] === undefined ? undefined : String(args['as-of']);
  if (!inputDir) return fail(`--input is required\n${usage}`);
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return fail(`--as-of must be a date YYYY-MM-DD, got ${asOf}`);
  const warehouseDir = typeof args.warehouse === 'string' ? args.warehouse : 'data/warehouse';
  try {
    const { config, path } = loadConfig(typeof args.config === 'string' ? args.config : undefined, inputDir);
    console.log(chalk.bold(`encours ETL: ${inputDir}${path ? ` (mapping ${path})` : ''}`));
    const manifest = await runEtl({ inputDir, warehouseDir, config, configPath: path, asOf, log: printStep });
    const rejected = manifest.inputs.reduce((sum, input) => sum + input.rejected_rows, 0);
    console.log(
      chalk.green(`\n✔ warehouse ${warehouseDir} as of ${manifest.as_of_date}: `) +
        `${Object.keys(manifest.tables).length} tables, ${manifest.tables.invoices?.rows ?? 0} invoices, ` +
        `${manifest.tables.quality?.rows ?? 0} quality rows${rejected ? ` (${rejected} unreadable lines)` : ''}, ${(manifest.duration_ms / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InputError || error instanceof CheckFailure) {
      return fail(`${error.message}\nThe previous warehouse was left as it was.`);
    }
    if (process.env.DEBUG) console.error(error);
    return fail(`unexpected error: ${(error as Error).message}\nThe previous warehouse was left as it was. Set DEBUG=1 for details.`);
  }
}

function printStep(event: StepEvent): void {
  const rows = event.rows === undefined ? '' : `${event.rows.toLocaleString('en-US')} rows`;
  console.log(`  ${event.step.padEnd(42)} ${rows.padStart(16)}  ${`${Math.round(event.ms)} ms`.padStart(8)}${event.detail ? chalk.dim(`  ${event.detail}`) : ''}`);
}

function fail(message: string): number {
  console.error(chalk.red(`✘ ${message}`));
  return 1;
}

if (import.meta.main) process.exitCode = await main(argv);
