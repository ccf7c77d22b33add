// A nightly that remembers: two consecutive nightly runs on two different "machines" (folders),
// the first saved with `npm run history -- save`, the second started after a restore onto an empty
// folder as on a fresh CI runner. The second run's /about/ shows both runs and how the headline
// figures moved between them, and the restored warehouse was the one in place when it ran. The
// nightlies run on the sample generator's small company (60 clients): the job is the same whatever the size.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { restoreHistory } from '../../etl/history.ts';
import type { Manifest } from '../../etl/publish-warehouse.ts';
import { euros } from '../french.ts';

const projectDir = join(import.meta.dirname, '..', '..');
// Inside the project: the site build must not share Astro's ./.astro/.prerender/ with another test's.
mkdirSync(join(projectDir, 'test-output'), { recursive: true });
const root = mkdtempSync(join(projectDir, 'test-output', 'history-'));
const store = join(root, 'artifact');
const machine = (name: string) => ({ warehouse: join(root, name, 'data', 'warehouse'), site: join(root, name, 'dist') });
const first = machine('first');
const second = machine('second');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function node(script: string, args: string[]): string {
  return execFileSync(process.execPath, [join(projectDir, 'etl', script), ...args], { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const nightly = (on: { warehouse: string; site: string }, asOf: string, ...more: string[]) =>
  node('nightly.ts', ['--input', inject('smallSampleDir'), '--as-of', asOf, '--warehouse', on.warehouse, '--site', on.site, ...more]);
const manifestOf = (warehouseDir: string) => JSON.parse(readFileSync(join(warehouseDir, 'manifest.json'), 'utf8')) as Manifest;

describe('npm run history: save after a nightly, restore before the next one on a fresh machine', () => {
  let firstRun: Manifest;
  let secondRun: Manifest;
  let restored: string;
  let summary: string;
  beforeAll(() => {
    nightly(first, '2026-09-30');
    firstRun = manifestOf(first.warehouse);
    expect(node('history.ts', ['save', store, '--warehouse', first.warehouse])).toMatch(/saved 1 run manifest\(s\) and the warehouse of run/);
    restored = node('history.ts', ['restore', store, '--warehouse', second.warehouse]);
    // The second night as the workflow runs it: a published build (no ENCOURS_PUBLISH_DATA, no key).
    summary = nightly(second, '2026-10-31', '--publish');
    secondRun = manifestOf(second.warehouse);
    // Two whole nightlies (ETL and site each): more than the default hook time on a busy machine.
  }, 900_000);

  it('restores the run manifests and the last warehouse onto the empty machine', () => {
    expect(restored).toContain(`restored from ${store}: 1 run manifest(s); the warehouse of run ${firstRun.run_id} (as of 2026-09-30)`);
    // The restored warehouse was the published one when the second run started: it is kept among its runs.
    expect(readdirSync(`${second.warehouse}-runs`)).toContain(firstRun.run_id);
    expect(readlinkSync(second.warehouse)).not.toContain(firstRun.run_id);
    expect(readdirSync(`${second.warehouse}-history`).sort()).toEqual([`${firstRun.run_id}.json`, `${secondRun.run_id}.json`]);
  });

  it("the second run's /about/ shows both runs and the change in receivables since the first", () => {
    const { document } = parseHTML(readFileSync(join(second.site, 'about', 'index.html'), 'utf8'));
    const rows = [...document.querySelectorAll('#run-history tbody tr')];
    expect(rows).toHaveLength(2);
    const receivablesCell = (row: Element) => row.querySelectorAll('td')[1]!.textContent!;
    const change = Math.round((Number(secondRun.headline.receivables) - Number(firstRun.headline.receivables)) * 100) / 100;
    expect(change).not.toBe(0);
    // Newest first: this run's receivables and the change since the first; the first run has none.
    expect(receivablesCell(rows[0]!)).toBe(`${euros(Number(secondRun.headline.receivables))}${change > 0 ? '▲ +' : '▼ −'}${euros(Math.abs(change))}`);
    expect(receivablesCell(rows[1]!)).toBe(euros(Number(firstRun.headline.receivables)));
    expect(rows[1]!.querySelectorAll('td')[0]!.textContent).toBe('30/09/2026');
  });

  it('the nightly summary compares with the restored run', () => {
    expect(summary).toMatch(/receivables\s+[\d,.]+ \(was [\d,.]+\)/);
    expect(summary).toMatch(/site: not encrypted, without the warehouse files under \/data\//);
  });

  it('a local run offers the Parquet files; a published one (--publish) leaves them out and /about/ says so', () => {
    expect(existsSync(join(first.site, 'data', 'clients.parquet'))).toBe(true);
    expect(readFileSync(join(first.site, 'about', 'index.html'), 'utf8')).not.toContain('downloads-omitted');
    expect(existsSync(join(second.site, 'data'))).toBe(false);
    const { document } = parseHTML(readFileSync(join(second.site, 'about', 'index.html'), 'utf8'));
    expect(document.querySelector('#downloads-omitted')?.textContent).toMatch(/^Les fichiers Parquet et JSON de l'entrepôt ne sont pas inclus dans ce site publié \(ENCOURS_PUBLISH_DATA=1 les ajoute\)/);
    expect(document.querySelectorAll('#warehouse-tables a[download]')).toHaveLength(0);
    expect(document.querySelector('#warehouse-tables td.text')?.textContent).toMatch(/\(non publié\)$/);
  });
});

describe('restoreHistory', () => {
  it('on the first night (nothing saved yet) restores nothing and says the history starts here', () => {
    const empty = mkdtempSync(join(root, 'empty-'));
    expect(restoreHistory(join(empty, 'missing'), join(empty, 'warehouse'))).toBe(`nothing to restore in ${join(empty, 'missing')}: the run history starts with this run`);
    expect(existsSync(join(empty, 'warehouse'))).toBe(false);
  });

  it('never replaces a newer warehouse with the saved one', () => {
    const published = readlinkSync(second.warehouse);
    expect(restoreHistory(store, second.warehouse)).toMatch(/not the warehouse of run .*: the one here \(run .*\) is as new or newer/);
    expect(readlinkSync(second.warehouse)).toBe(published);
  });

  it('fails loudly on a bad command', () => {
    const result = spawnSync(process.execPath, [join(projectDir, 'etl', 'history.ts'), 'load', store], { cwd: projectDir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/usage: npm run history -- save DIR \| restore DIR/);
  });
});
