// A night where few clients changed re-renders only their pages (ENCOURS_SITE_CACHE, Astro's
// incremental build keyed by site/lib/page-keys.ts), and what it publishes is byte for byte what a
// full build of the same warehouse publishes. Builds in child processes, as the nightly does.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, sqlString } from '../../shared/duckdb.ts';
import { clientSlug } from '../../site/lib/slug.ts';
import { fixturesDir, sharedWarehouse } from '../helpers.ts';

const projectDir = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
let root: string;
let before: string;
let after: string;
let changed: string;
let others: string[];

/** Builds the site of `warehouse` into `<root>/<name>`; returns its log without colours (Astro colours it when CI=true), where
 * Astro says '(restored)' for each page it copied from the cache. */
async function build(name: string, warehouse: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(join(projectDir, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: projectDir,
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ENCOURS_BUILD_DATE: '2024-04-02', ENCOURS_WAREHOUSE: warehouse, ENCOURS_SITE_OUT: join(root, name), ...env },
  });
  return stripVTControlCharacters(stdout);
}

/** The client pages a build's log shows rendered (not restored from the cache). */
function rendered(log: string): string[] {
  return log.split('\n').filter((line) => /├─ \/clients\/[^/]+\/(?:[a-z]+\/)?index\.html/.test(line) && !line.includes('(restored)')).map((line) => line.match(/\/clients\/[^ ]+/)![0]).sort();
}

/** Every file under `dir`, by its path, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]));
}

beforeAll(async () => {
  // Inside the project: Astro resolves its own modules from the project's node_modules.
  root = mkdtempSync(join(projectDir, 'test-output', 'incremental-'));
  before = (await sharedWarehouse(join(fixturesDir, 'site-escaping'), { asOf: '2024-03-31' })).dir;
  // The next night's exports: the same, but client A was renamed in the clients file (a new run:
  // its own run time, input hashes and history, the same as-of date).
  const input = join(root, 'input');
  cpSync(join(fixturesDir, 'site-escaping'), input, { recursive: true });
  const clientsFile = join(input, 'clients.csv');
  writeFileSync(clientsFile, readFileSync(clientsFile, 'utf8').replace('\nA,Alpha SAS,', '\nA,Alpha SAS (renamed),'));
  after = (await sharedWarehouse(input, { asOf: '2024-03-31' })).dir;
  changed = 'A';
  const db = await openDatabase();
  others = (await db.rows<{ client_id: string }>(`select client_id from read_parquet(${sqlString(join(before, 'clients.parquet'))}) where client_id <> 'A' order by client_id`)).map((r) => r.client_id);
  db.close();
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('ENCOURS_SITE_CACHE: the incremental site build', () => {
  it('after a rerun where one client changed, renders again only its pages, and publishes what a full build publishes', async () => {
    const cache = join(root, 'cache');
    const first = await build('first', before, { ENCOURS_SITE_CACHE: cache });
    expect(rendered(first).length).toBeGreaterThan(others.length); // the first night renders every client's pages
    const second = await build('second', after, { ENCOURS_SITE_CACHE: cache });
    await build('full', after);
    // Only the renamed client's pages were rendered; every other client page came from the cache.
    const slug = clientSlug(changed);
    expect(rendered(second).length).toBeGreaterThan(0);
    expect(rendered(second).every((path) => path.startsWith(`/clients/${slug}/`))).toBe(true);
    for (const id of others) expect(second).toContain(`/clients/${clientSlug(id)}/index.html`);
    // Byte for byte the same site as a full build of the same warehouse.
    const incremental = files(join(root, 'second'));
    const full = files(join(root, 'full'));
    expect([...incremental.keys()].sort()).toEqual([...full.keys()].sort());
    const different = [...full].filter(([path, bytes]) => !incremental.get(path)!.equals(bytes)).map(([path]) => path);
    expect(different).toEqual([]);
    expect(incremental.get(join('clients', slug, 'index.html'))!.toString()).toContain('(renamed)');
  });

  it('renders every client page again when something company-wide changed: here the as-of date, which every page prints', async () => {
    const nextMonth = (await sharedWarehouse(join(fixturesDir, 'site-escaping'), { asOf: '2024-04-30' })).dir;
    const log = await build('next-month', nextMonth, { ENCOURS_SITE_CACHE: join(root, 'cache') });
    expect(log).not.toContain('(restored)');
    expect(rendered(log).length).toBeGreaterThan(others.length);
  });
});
