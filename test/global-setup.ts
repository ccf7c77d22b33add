// Once per test run: pins the time zone, generates the bundled sample (open items and FEC) and
// builds the open-items warehouse,
// shared by the whole-run tests (each reads it; none writes it).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

import type { TestProject } from 'vitest/node';

import { loadConfig } from '../etl/config.ts';
import { runEtl } from '../etl/pipeline.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDir: string;
    /** The same company as a FEC (journal files and the clients file), written by the generator beside sampleDir. */
    sampleFecDir: string;
    sampleWarehouse: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  process.env.TZ = 'UTC';
  const root = join(import.meta.dirname, '..', 'test-output', 'sample-run');
  const sampleDir = join(root, 'input');
  const warehouseDir = join(root, 'warehouse');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'sample', 'company.ts'), '--out', sampleDir], { stdio: 'ignore' });
  if (!existsSync(join(sampleDir, 'invoices.csv'))) throw new Error('the sample generator wrote no invoices.csv');
  const { config, path } = loadConfig(undefined, sampleDir);
  await runEtl({ inputDir: sampleDir, warehouseDir, config, configPath: path });
  project.provide('sampleDir', sampleDir);
  project.provide('sampleFecDir', `${sampleDir}-fec`);
  project.provide('sampleWarehouse', warehouseDir);
}
