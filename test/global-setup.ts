// Once per test run, for the 'whole-run' project only (vitest.config.ts; test/projects.ts puts
// there every file that reads what this provides): pins the time zone, generates the bundled
// sample (open items and FEC) and builds the open-items warehouse, shared by the whole-run tests
// (each reads it; none writes it). Beside it, a small company from
// the same generator (60 clients instead of 1,500), for the tests that run the whole nightly job
// (ETL and site build, by its command line) and only need some data to run it on.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

import type { TestProject } from 'vitest/node';

import { loadConfig } from '../etl/config.ts';
import { runEtl } from '../etl/pipeline.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDir: string;
    /** The same company as a FEC (journal files and the clients file), written by the generator beside sampleDir. */
    sampleFecDir: string;
    sampleWarehouse: string;
    /** A small company from the sample generator (--clients 60, same as-of date), not run through the ETL. */
    smallSampleDir: string;
  }
}

const generator = join(import.meta.dirname, '..', 'sample', 'company.ts');

export default async function setup(project: TestProject): Promise<void> {
  process.env.TZ = 'UTC';
  const root = join(import.meta.dirname, '..', 'test-output', 'sample-run');
  const sampleDir = join(root, 'input');
  const smallSampleDir = join(root, 'small-input');
  const warehouseDir = join(root, 'warehouse');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  // The small company is written while the big one runs through the ETL.
  const small = promisify(execFile)(process.execPath, [generator, '--clients', '60', '--out', smallSampleDir, '--fec-out', `${smallSampleDir}-fec`]);
  execFileSync(process.execPath, [generator, '--out', sampleDir], { stdio: 'ignore' });
  if (!existsSync(join(sampleDir, 'invoices.csv'))) throw new Error('the sample generator wrote no invoices.csv');
  const { config, path } = loadConfig(undefined, sampleDir);
  await runEtl({ inputDir: sampleDir, warehouseDir, config, configPath: path });
  await small;
  if (!existsSync(join(smallSampleDir, 'invoices.csv'))) throw new Error('the sample generator wrote no invoices.csv for the small company');
  project.provide('sampleDir', sampleDir);
  project.provide('sampleFecDir', `${sampleDir}-fec`);
  project.provide('sampleWarehouse', warehouseDir);
  project.provide('smallSampleDir', smallSampleDir);
}
