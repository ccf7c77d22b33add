// Reads the collections log the team keeps beside the exports — actions*.csv (one line per call,
// e-mail, letter, promise to pay, dispute, "do not chase until", note) and contacts*.csv — into
// raw_actions and raw_contacts: every column as text under our names, with its file and line.
// Both files are optional (absent = empty tables). Dates, decimals, delimiter and encoding follow
// openItems, as a sheet kept by the same team is written the same way; casting and validation
// happen in stg_actions / stg_contacts, so a bad line becomes a quality row, not a crash.
import { globSync } from 'node:fs';
import { basename, join } from 'node:path';

import { collectionsLogColumns, ConfigError, type CollectionsLogFile, type Config } from '../config.ts';
import { sqlString, type Database } from '../../shared/duckdb.ts';
import { detectDecimalSign, type DecimalSign } from './decimal-sign.ts';
import { InputError } from './errors.ts';
import { mapHeader, type InputFile } from './open-items.ts';
import { openExport } from './source.ts';

const defaultPatterns: Record<CollectionsLogFile, string> = { actions: 'actions*.csv', contacts: 'contacts*.csv' };
const logFiles = Object.keys(collectionsLogColumns) as CollectionsLogFile[];

export async function readCollectionsLog(db: Database, inputDir: string, config: Config, scratchDir: string): Promise<InputFile[]> {
  await setCollectionsVariables(db, config);
  const read: InputFile[] = [];
  for (const kind of logFiles) {
    const columns = [...collectionsLogColumns[kind].required, ...collectionsLogColumns[kind].optional];
    const mapping = config.collections.columns[kind] ?? {};
    for (const key of Object.keys(mapping)) {
      if (!(columns as readonly string[]).includes(key)) throw new ConfigError(`collections.columns.${kind}.${key}: unknown column; expected one of ${columns.join(', ')}`);
    }
    const pattern = config.collections.files[kind] ?? defaultPatterns[kind];
    const paths = globSync(pattern, { cwd: inputDir }).sort().map((file) => join(inputDir, file));
    const parts: string[] = [];
    for (const [index, path] of paths.entries()) {
      const table = `raw_${kind}_${index}`;
      const file = await readOneFile(db, { path, kind, table, inputDir, config, scratchDir });
      // A promise's or a declared claim's amount is read like every amount: under its file's decimal sign (read_amount).
      const decimalSign = kind === 'actions' ? await promiseDecimalSign(db, table, file.path, config) : '.';
      read.push({ ...file, decimalSign });
      parts.push(`select *, ${sqlString(decimalSign)} as decimal_sign from ${table}`);
    }
    const empty = `select null::varchar as source_file, null::bigint as line, ${columns.map((c) => `null::varchar as ${c}`).join(', ')}, null::varchar as decimal_sign limit 0`;
    await db.run(`create or replace view raw_${kind} as ${parts.length ? parts.join(' union all ') : empty}`);
  }
  return read;
}

/** The decimal sign of an actions file: the configured one, else told from its promised and declared amounts. */
async function promiseDecimalSign(db: Database, table: string, path: string, config: Config): Promise<DecimalSign> {
  const setting = config.openItems.decimalSeparator;
  if (setting !== 'auto') return setting;
  const columns = (['promise_amount', 'claim_amount'] as const).map((ours) => ({ ours, theirs: config.collections.columns.actions?.[ours] ?? ours }));
  return (await detectDecimalSign(db, { table, sourceFile: basename(path), columns })).sign;
}

/** The desk's settings the models read, and the company's details the letters print (one row, see models/ledger/company.sql). */
async function setCollectionsVariables(db: Database, config: Config): Promise<void> {
  const { collections, company } = config;
  await db.run(`
    set variable follow_up_days = ${collections.followUpDays};
    set variable payment_deadline_days = ${collections.paymentDeadlineDays};
    set variable claim_deadline_months = ${collections.claimDeadlineMonths};
    set variable stale_after_days = ${collections.staleAfterDays};
    set variable company_name = ${sqlString(company.name)};
    set variable company_address = ${sqlString(company.address.join('\n'))};
    set variable company_city = ${sqlString(company.city)};
    set variable company_siren = ${sqlString(company.siren.replaceAll(' ', ''))};
    set variable company_email = ${sqlString(company.email)};
    set variable company_phone = ${sqlString(company.phone)};
    set variable company_sector = ${sqlString(company.sector)};`);
}

async function readOneFile(
  db: Database,
  { path, kind, table, inputDir, config, scratchDir }: { path: string; kind: CollectionsLogFile; table: string; inputDir: string; config: Config; scratchDir: string },
): Promise<InputFile> {
  const mapping = config.collections.columns[kind] ?? {};
  const { required, optional } = collectionsLogColumns[kind];
  const { rows, rejectedRows } = await openExport(db, {
    path,
    kind,
    table,
    inputDir,
    settings: { encoding: config.openItems.encoding, delimiter: config.openItems.delimiter },
    scratchDir,
    checkHeader: (header, sourceFile) => {
      const mapped = mapHeader(header, [...required, ...optional], required, mapping);
      const { select } = mapped;
      const missing = mapped.missing.map((c) => `${c.theirs} (${c.ours})`);
      if (missing.length) {
        throw new InputError(
          sourceFile,
          1,
          `the ${kind} file lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; its header has ${header.join(', ')}. Map your column names in encours.config.json (collections.columns.${kind}).`,
        );
      }
      return select;
    },
  });
  return { path, kind, rows, rejectedRows };
}
