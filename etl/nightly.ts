#!/usr/bin/env node
// npm run nightly [-- --input DIR --as-of YYYY-MM-DD --warehouse DIR --site DIR --allow-shrink --full --publish] : what the scheduled job does. ETL, then
// the site, each published by atomic swap only when it succeeded; a summary compares the run with the last one.
// Every option reaches the ETL as given, so its publishing guard (etl/guard.ts) keeps an empty
// export from blanking the site, and --allow-shrink overrides it.
// Killed at any point, it leaves the previous warehouse and site readable and complete.
// --publish (or ENCOURS_PUBLISHED=1) builds the site to be published: the warehouse's files are left
// out unless ENCOURS_PUBLISH_DATA=1, and everything is encrypted when ENCOURS_SITE_KEY is set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argv, chalk } from 'zx';

import { offersDataFiles } from '../site/lib/publishing.ts';
import { main as runEtlCli } from './run.ts';
import { buildSite } from './site-build.ts';
import { chooseInput } from './start.ts';
import type { Manifest } from './publish-warehouse.ts';

const warehouseDir = typeof argv.warehouse === 'string' ? argv.warehouse : 'data/warehouse';
const siteDir = typeof argv.site === 'string' ? argv.site : 'dist';
const input = typeof argv.input === 'string' ? argv.input : await chooseInput();
if (argv.publish === true) process.env.ENCOURS_PUBLISHED = '1';

const etlStatus = await runEtlCli({ ...argv, input, warehouse: warehouseDir });
if (etlStatus !== 0) {
  console.error(chalk.red('nightly: the ETL failed; the previous warehouse and site are unchanged.'));
  process.exit(etlStatus);
}
let siteMs: number;
try {
  siteMs = (await buildSite({ warehouseDir, siteDir })).ms;
} catch {
  console.error(chalk.red('nightly: the site build failed; the previous site is unchanged (the warehouse is new).'));
  process.exit(1);
}

const [current, previous] = JSON.parse(readFileSync(join(warehouseDir, 'run_history.json'), 'utf8')) as Manifest[];
console.log(chalk.bold(`\nnightly summary — as of ${current!.as_of_date}, site built in ${(siteMs / 1000).toFixed(1)} s`));
for (const [key, value] of Object.entries(current!.headline)) {
  if (typeof value !== 'number') continue;
  const before = previous?.headline[key];
  const change = typeof before === 'number' && before !== value ? chalk.dim(` (was ${before.toLocaleString('en-US')})`) : '';
  console.log(`  ${key.padEnd(26)} ${value.toLocaleString('en-US').padStart(16)}${change}`);
}
console.log(`  site: ${process.env.ENCOURS_SITE_KEY ? 'encrypted (ENCOURS_SITE_KEY)' : 'not encrypted'}, ${offersDataFiles() ? 'with' : 'without'} the warehouse files under /data/`);
