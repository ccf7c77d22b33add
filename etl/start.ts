#!/usr/bin/env node
// npm start: the whole job on one machine. ETL on the exports in data/inbox/ (or on the bundled
// sample, generated on first use), then build the site and serve it locally.
import { existsSync, readdirSync } from 'node:fs';
import { $, ProcessOutput, argv, chalk } from 'zx';

import { buildSite } from './site-build.ts';

const inbox = 'data/inbox';
const sample = 'data/sample';
$.verbose = false;
const step = $({ stdio: 'inherit' });
// The ETL's messages are kept (zx still shows them) so a failure on the export's columns or names can point to `npm run detect`.
const etl = $({ stdio: ['inherit', 'inherit', 'pipe'] });

/** data/inbox/ when it holds exports, else the bundled sample (generated on first use). */
export async function chooseInput(): Promise<string> {
  const inboxFiles = existsSync(inbox) ? readdirSync(inbox).filter((f) => !f.startsWith('.') && f !== 'README.md') : [];
  if (inboxFiles.length > 0) return inbox;
  if (!existsSync(`${sample}/invoices.csv`)) {
    console.log(chalk.bold('data/inbox/ is empty: generating the bundled sample company in data/sample/'));
    await step`node sample/company.ts`;
  } else {
    console.log(chalk.bold('data/inbox/ is empty: using the bundled sample in data/sample/'));
  }
  return sample;
}

if (import.meta.main) {
  const input = await chooseInput();
  try {
    // --allow-shrink reaches the ETL's publishing guard (etl/guard.ts) when the fall is real.
    await etl`node etl/run.ts --input ${input} ${argv['allow-shrink'] === true ? ['--allow-shrink'] : []}`;
    const site = await buildSite();
    console.log(chalk.green(`✔ site built in ${(site.ms / 1000).toFixed(1)} s`));
  } catch (error) {
    const stderr = error instanceof ProcessOutput ? error.stderr : '';
    if (input === inbox && !existsSync(`${inbox}/encours.config.json`) && /column|no ledger found/i.test(stderr)) {
      console.error(chalk.yellow(`${inbox}/ has no encours.config.json: \`npm run detect -- ${inbox}\` proposes one from your exports' headers and values.`));
    }
    console.error(chalk.red('npm start stopped: see the message above. The previous warehouse and site are unchanged.'));
    process.exit(1);
  }
  // `--no-serve` (minimist reads it as serve: false): stop once the site is built.
  if (argv.serve === false || argv['no-serve']) process.exit(0);
  console.log(chalk.bold.green('\nServing the site locally (Ctrl+C to stop):'));
  await step`node node_modules/astro/bin/astro.mjs preview --host 127.0.0.1`;
}
