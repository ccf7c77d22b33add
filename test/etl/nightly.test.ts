// The nightly job end to end on the sample generator's small company (60 clients: the job is the
// same whatever the size), and killed with SIGKILL in the middle of the ETL and of the site build:
// each time the previous warehouse and site stay readable and complete.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, inject, it } from 'vitest';

import { queryWarehouse } from '../helpers.ts';

const nightly = join(import.meta.dirname, '..', '..', 'etl', 'nightly.ts');
const root = mkdtempSync(join(tmpdir(), 'encours-nightly-'));
const warehouseDir = join(root, 'warehouse');
const siteDir = join(root, 'dist');

/** Runs the nightly job; with `killAt`, SIGKILLs its whole process group when that text is printed. A rerun on the same
 * exports would keep the warehouse without running a model, so the killed runs rebuild it (`--full`). */
function runNightly(killAt?: string): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nightly, '--input', inject('smallSampleDir'), '--warehouse', warehouseDir, '--site', siteDir, ...(killAt ? ['--full'] : [])], {
      cwd: join(import.meta.dirname, '..', '..'),
      detached: true,
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (killAt && output.includes(killAt)) process.kill(-child.pid!, 'SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

async function expectIntact(warehouseTarget: string, siteTarget: string): Promise<void> {
  expect(readlinkSync(warehouseDir)).toBe(warehouseTarget);
  expect(readlinkSync(siteDir)).toBe(siteTarget);
  const manifest = JSON.parse(readFileSync(join(warehouseDir, 'manifest.json'), 'utf8')) as { tables: Record<string, { rows: number }> };
  expect(await queryWarehouse(warehouseDir, 'select count(*) as n from invoices')).toEqual([{ n: manifest.tables.invoices!.rows }]);
  expect(existsSync(join(siteDir, 'index.html'))).toBe(true);
  expect(readFileSync(join(siteDir, 'index.html'), 'utf8')).toMatch(/<\/html>\s*$/);
}

describe('npm run nightly', () => {
  let first: { warehouse: string; site: string };
  beforeAll(async () => {
    const run = await runNightly();
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/nightly summary — as of 2026-10-31/);
    expect(run.output).toMatch(/receivables\s+[\d,.]+/);
    first = { warehouse: readlinkSync(warehouseDir), site: readlinkSync(siteDir) };
  });

  it('killed during the ETL, leaves the previous warehouse and site as they were', async () => {
    const run = await runNightly('intermediate/int_allocations');
    expect(run.signal).toBe('SIGKILL');
    await expectIntact(first.warehouse, first.site);
  });

  it('killed during the site build, leaves the previous site as it was', async () => {
    const run = await runNightly('✔ warehouse');
    expect(run.signal).toBe('SIGKILL');
    // The ETL had finished: its warehouse is published; the site build it started is not.
    expect(readlinkSync(warehouseDir)).not.toBe(first.warehouse);
    await expectIntact(readlinkSync(warehouseDir), first.site);
  });
});
