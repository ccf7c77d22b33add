// A night where few clients changed re-renders only their pages. With ENCOURS_SITE_CACHE set,
// Astro's incremental build (astro.config.mjs) keeps each page it rendered, and renders a client's
// pages (its page, statement and letter) again only when their key changed; Astro itself adds the
// page's code, the configuration and package-lock.json. The key of a client's pages is a hash of
// everything they can show:
//   - the company-wide part, the same for every client: every warehouse file but the client tables
//     below and the run's own records (settings in `company`, buckets, KPIs, the reps' worklist,
//     the data dictionary…); of the manifest, what these pages show: the as-of date, the currency
//     and whether penalties were computed (not the run's time, inputs or totals, which change every
//     run: a client page's footer leaves the run's time out for that reason, Base.astro); the
//     settings read from the environment (language, base URL, currency, what is published, the
//     site address); and the staleness warning as every page prints it (site/lib/desk.ts);
//   - for a letter, the build date it prints and counts its deadline from;
//   - the client's own part: its rows in every table with a client_id column (the generated
//     tables.ts says which), each table's rows hashed with DuckDB.
// A table without client_id is company-wide by this rule, so a page that reads one is safe
// whichever rows it reads. What this rests on: a client's page shows no other client's rows (the
// site formats, it never computes across clients), and none of run_history.json or the manifest
// beyond the fields above. test/site/incremental-build.test.ts reruns the ETL with one client
// changed and checks the incremental site byte for byte against a full build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { buildDate, staleness } from './desk.ts';
import { index, memo, readManifest, readOne, warehouseDir } from './read.ts';
import { warehouseColumnTypes } from './warehouse/tables.ts';

/** The settings a page can show that come from the environment (astro.config.mjs lists them all). */
const settings = ['ENCOURS_LANG', 'ENCOURS_BASE', 'ENCOURS_CURRENCY', 'ENCOURS_PUBLISHED', 'ENCOURS_PUBLISH_DATA', 'ENCOURS_SITE_KEY', 'ENCOURS_SITE_URL'];

/** Whether this build keeps its pages for the next one (ENCOURS_SITE_CACHE: the folder it keeps them in). */
export const incremental = () => Boolean(process.env.ENCOURS_SITE_CACHE);

/** The tables whose rows belong to one client each. */
export const clientTables = (Object.keys(warehouseColumnTypes) as (keyof typeof warehouseColumnTypes)[]).filter((table) => 'client_id' in warehouseColumnTypes[table]).sort();

/** The run's own records, which client pages do not show (but the allow-listed manifest fields below). */
const runRecords = new Set(['manifest.json', 'run_history.json']);

/**
 * The cache key of client `clientId`'s pages (`dated`: a page that prints the build date, the
 * letter), or undefined when the build is not incremental (a page without a key is always rendered).
 */
export async function clientPageKey(clientId: string, { dated = false } = {}): Promise<string | undefined> {
  if (!incremental()) return undefined;
  const [common, perTable] = await Promise.all([companyWide(), Promise.all(clientTables.map((table) => tableHashes(table)))]);
  const hash = createHash('sha256').update(common);
  if (dated) hash.update(`\u0000build date ${buildDate().toISOString().slice(0, 10)}`);
  clientTables.forEach((table, i) => hash.update(`\u0000${table}\u0000${perTable[i]!.get(clientId) ?? '-'}`));
  return hash.digest('base64url');
}

/** The company-wide part: every warehouse file but the client tables' and the run's records, the manifest's shown fields, the settings, the staleness. */
function companyWide(): Promise<string> {
  return index('pageKeys:common', async () => {
    const hash = createHash('sha256');
    const skip = new Set([...runRecords, ...clientTables.flatMap((table) => [`${table}.parquet`, table])]);
    for (const file of filesUnder(warehouseDir).filter((f) => !skip.has(f.split('/')[0]!))) hash.update(`\u0000${file}\u0000`).update(readFileSync(join(warehouseDir, file)));
    const manifest = readManifest();
    hash.update(`\u0000manifest ${JSON.stringify([manifest.as_of_date, manifest.currency, manifest.headline?.is_penalties_enabled ?? null, manifest.headline?.has_settlements ?? null])}`);
    for (const name of settings) hash.update(`\u0000${name}=${process.env[name] ?? ''}`);
    const age = staleness(manifest.as_of_date, buildDate(), (await readOne('company'))?.stale_after_days ?? null);
    hash.update(`\u0000${age.isStale ? `stale ${age.days}` : 'fresh'}`);
    return hash.digest('base64url');
  });
}

/**
 * Each client's rows of `table`, hashed: how many, and two sums of DuckDB's 64-bit hash of each
 * whole row (an XOR, and a sum of its top 53 bits, so that two equal rows do not cancel out).
 */
function tableHashes(table: string): Promise<Map<string, string>> {
  return index(`pageKeys:${table}`, async () => {
    const rows = await memo<{ client_id: string; digest: string }>(`pageKeys:rows:${table}`, [table], `
      select client_id, concat_ws(':', count(*), bit_xor(hash(t)), sum(hash(t) >> 11)) as digest from {${table}} t group by client_id`);
    return new Map(rows.map((r) => [r.client_id, r.digest]));
  });
}

/** Files under `dir`, relative to it, in a stable order. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, path) : statSync(join(dir, path)).isFile() ? [path] : [];
    });
}
