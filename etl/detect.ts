#!/usr/bin/env node
// npm run detect -- DIR [--print] [--force]
// Looks at the open-items exports in DIR and proposes the encours.config.json that maps them:
// delimiter, encoding, decimal sign, date format, which logical file each CSV is, and which column
// is which (from French and English header names, then from the values). Every guess is written
// with its reason under "_comments", for the user to confirm; nothing is overwritten without --force.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argv, chalk } from 'zx';

import { CONFIG_FILE_NAME, configSchema, documentsFiles, openItemsColumns, type DocumentsFile } from './config.ts';
import { openDatabase, sqlString, type Database } from '../shared/duckdb.ts';
import { fileNameWords, headerSynonyms, normaliseHeader, openAmountHeaders } from './detect-headers.ts';
import { scanBytes } from './readers/encoding.ts';
import { fecColumns } from './readers/fec.ts';

/** strptime formats tried on date-like columns; dd/mm before mm/dd, which only values above 12 tell apart. */
const dateFormats = ['%d/%m/%Y', '%m/%d/%Y', '%Y-%m-%d', '%d.%m.%Y', '%d-%m-%Y', '%Y/%m/%d', '%Y%m%d', '%d/%m/%y', '%m/%d/%y'];
/** Rows read per file: enough to see days above 12 and decimals, small enough to stay instant. */
const SAMPLE_ROWS = 5000;

interface ColumnStats { name: string; norm: string; n: number; distinct: number; numeric: number; point: number; comma: number; formats: string[]; few: string[] }
interface FileStats { name: string; kind: DocumentsFile; kindReason: string; delimiter: string; encoding: string; columns: ColumnStats[] }
export interface Proposal { config: Record<string, unknown>; comments: Record<string, string> }

/** The proposed configuration for the exports in `dir`, and the reason for each guess. */
export async function detectMapping(dir: string): Promise<Proposal> {
  const db = await openDatabase();
  try {
    const files: FileStats[] = [];
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!/\.(csv|txt|tsv)$/i.test(name) || !statSync(path).isFile()) continue;
      // The collections log the team keeps (actions*.csv, contacts*.csv) and an e-invoicing
      // platform's status export (statuses*, statuts*) have their own formats.
      if (/^(actions|contacts|statuses|statuts)/i.test(name)) continue;
      const stats = await sniffFile(db, path, name);
      if (stats) files.push(stats);
    }
    if (!files.length) throw new Error(`${dir} holds no CSV export (.csv, .txt, .tsv) other than FEC journal files`);
    return propose(files);
  } finally {
    db.close();
  }
}

async function sniffFile(db: Database, path: string, name: string): Promise<FileStats | null> {
  const scanned = scanBytes(path).encoding;
  // DuckDB reads UTF-8 and Latin-1 itself; Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, œ, ’), enough to read headers.
  const encoding = scanned === 'utf-8' ? 'utf-8' : 'latin-1';
  const [sniff] = await db.rows<{ delimiter: string }>(`select Delimiter as delimiter from sniff_csv(${sqlString(path)}, encoding = '${encoding}')`);
  const delimiter = sniff?.delimiter ?? ';';
  // A malformed line is skipped here: this only samples values; the ETL reports such lines itself.
  await db.run(`create or replace table sniffed as select * from read_csv(${sqlString(path)}, delim = ${sqlString(delimiter)}, header = true,
    all_varchar = true, encoding = '${encoding}', null_padding = true, ignore_errors = true) limit ${SAMPLE_ROWS}`);
  const names = (await db.rows<{ column_name: string }>(`select column_name from (describe sniffed)`)).map((r) => r.column_name);
  const fecNames = new Set(Object.keys(fecColumns).map((c) => c.toLowerCase()));
  if (names.filter((c) => fecNames.has(c.toLowerCase())).length >= 8) return null; // a FEC: read as it is, no mapping needed
  // One pass over the cells: how many look like numbers (and with which decimal sign), and which date formats read them all.
  // strptime wants a constant format: one count per format.
  const perFormat = dateFormats.map((f, i) => `count(*) filter (year(try_strptime(v, ${sqlString(f)})) between 1990 and 2099) as f${i}`).join(',\n');
  const stats = await db.rows<{ name: string; n: number; distinct: number; numeric: number; point: number; comma: number; few: string | null } & Record<string, number>>(`
    with cells as (
      select name, v, regexp_replace(v, '[\\s\\x{00A0}€$£]', '', 'g') as c
      from (select name, trim(value) as v from (unpivot sniffed on columns(*) into name name value value)) where v <> ''
    )
    select name, count(*) as n, count(distinct v) as distinct,
      count(*) filter (regexp_full_match(c, '-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?|-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?')) as numeric,
      count(*) filter (regexp_full_match(c, '-?(\\d{1,3}(,\\d{3})+|\\d+)\\.\\d{1,2}')) as point,
      count(*) filter (regexp_full_match(c, '-?(\\d{1,3}(\\.\\d{3})+|\\d+),\\d{1,2}')) as comma,
      -- The values of a column with few of them (a type, a flag), to propose how they are read.
      case when count(distinct v) <= 12 then array_to_string(list_sort(list(distinct v)), '|') end as few,
      ${perFormat}
    from cells group by name`);
  const byName = new Map(stats.map((s) => [s.name, s]));
  const columns = names.map((column): ColumnStats => {
    const s = byName.get(column);
    return { name: column, norm: normaliseHeader(column), n: s?.n ?? 0, distinct: s?.distinct ?? 0, numeric: s?.numeric ?? 0,
      point: s?.point ?? 0, comma: s?.comma ?? 0, formats: s ? dateFormats.filter((_, i) => s[`f${i}`]! >= s.n * 0.95) : [],
      few: s?.few ? s.few.split('|') : [] };
  });
  const [kind, kindReason] = kindOf(name, columns);
  return { name, kind, kindReason, delimiter, encoding: scanned === 'cp850' ? 'windows-1252' : scanned, columns };
}

/** The logical file: by the words of its name, else by how many of its headers name a kind's columns. */
function kindOf(name: string, columns: ColumnStats[]): [DocumentsFile, string] {
  // Most specific first: "Customer_Payments.csv" is payments, not clients.
  const byName = (['writeoffs', 'payments', 'invoices', 'clients'] as const).find((kind) => fileNameWords[kind].test(normaliseHeader(name)));
  if (byName) return [byName, `its name says ${byName}`];
  const score = (kind: DocumentsFile) => columns.filter((c) => Object.values(headerSynonyms[kind]).some((s) => s.includes(c.norm))).length;
  const best = documentsFiles.reduce((a, b) => (score(b) > score(a) ? b : a));
  return [best, `${score(best)} of its headers are ${best} columns`];
}

function propose(files: FileStats[]): Proposal {
  const comments: Record<string, string> = {};
  const majority = <T extends string>(values: T[]): T => values.sort((a, b) => values.filter((v) => v === b).length - values.filter((v) => v === a).length)[0]!;
  const delimiter = majority(files.map((f) => f.delimiter));
  comments['openItems.delimiter'] = `'${delimiter === '\t' ? '\\t' : delimiter}' splits ${files.filter((f) => f.delimiter === delimiter).map((f) => f.name).join(', ')} into columns (DuckDB's sniffer)`;
  const encoding = majority(files.map((f) => f.encoding));
  comments['openItems.encoding'] = encoding === 'utf-8' ? 'every byte sequence is valid UTF-8' : `bytes above 0x7F that are not UTF-8: a single-byte French code page (${encoding}, told apart by the bytes 0x80–0x9F)`;
  const all = files.flatMap((f) => f.columns);
  const [point, comma] = [all.reduce((s, c) => s + c.point, 0), all.reduce((s, c) => s + c.comma, 0)];
  const decimalSeparator = comma > point ? ',' : '.';
  comments['openItems.decimalSeparator'] = `${Math.max(point, comma)} values end in '${decimalSeparator}' and one or two decimals, ${Math.min(point, comma)} in '${decimalSeparator === ',' ? '.' : ','}'${point + comma === 0 ? ' (no decimals seen: the point is assumed)' : ''}`;
  const dated = all.filter((c) => c.formats.length);
  const dateFormat = dateFormats.find((f) => dated.length > 0 && dated.every((c) => c.formats.includes(f)))
    ?? majority(dated.flatMap((c) => c.formats.slice(0, 1))) ?? '%Y-%m-%d';
  const dayMonth = dated.every((c) => c.formats.includes('%d/%m/%Y') && c.formats.includes('%m/%d/%Y'));
  const resolved = dayMonth && dated.length ? (delimiter === ';' || decimalSeparator === ',' ? '%d/%m/%Y' : '%m/%d/%Y') : dateFormat;
  comments['openItems.dateFormat'] = dayMonth && dated.length
    ? `AMBIGUOUS: no value above 12 in day or month in ${dated.length} date columns; ${resolved} chosen from the ${decimalSeparator === ',' || delimiter === ';' ? 'French' : 'US'} number format. Check it`
    : `reads every value of ${dated.map((c) => `'${c.name}'`).join(', ') || 'no column (none looks like a date)'}`;
  const filesConfig: Record<string, string> = {};
  const columnsConfig: Record<string, Record<string, string>> = {};
  const values: { kind?: { invoice: string[]; credit_note: string[] } } = {};
  for (const kind of documentsFiles) {
    const mine = files.filter((f) => f.kind === kind);
    if (!mine.length) continue;
    filesConfig[kind] = mine.length === 1 ? mine[0]!.name : `${commonPrefix(mine.map((f) => f.name))}*`;
    comments[`openItems.files.${kind}`] = mine.map((f) => `${f.name}: ${f.kindReason}`).join('; ');
    const mapping = (columnsConfig[kind] = mapColumns(kind, mine[0]!.columns, resolved, files.some((f) => f.kind === 'payments'), comments));
    // Values the defaults do not read (Credit Memo, INV) are added to them, never put in their place.
    const defaults = configSchema.parse({}).openItems.values.kind;
    const known = [...defaults.invoice, ...defaults.credit_note].map((v) => v.toLowerCase());
    const unread = (mine[0]!.columns.find((c) => c.name === mapping.kind)?.few ?? []).filter((v) => !known.includes(v.toLowerCase()));
    if (kind === 'invoices' && unread.length) {
      const credit = unread.filter((v) => /avoir|credit|refund|^(cn|cm|crn)$/i.test(v));
      values.kind = { invoice: [...defaults.invoice, ...unread.filter((v) => !credit.includes(v))], credit_note: [...defaults.credit_note, ...credit] };
      comments['openItems.values.kind'] = `'${mapping.kind}' holds ${unread.join(', ')}, which the defaults do not read: ${credit.length ? `${credit.join(', ')} taken for credit notes, the rest for invoices` : 'taken for invoices'} (a negative amount is a credit note whatever its type)`;
    }
  }
  if (!columnsConfig.invoices) throw new Error(`no file looks like an invoices export (${files.map((f) => `${f.name}: ${f.kind}`).join(', ')}); name it invoices*.csv`);
  const openItems = { delimiter, encoding, dateFormat: resolved, decimalSeparator, files: filesConfig, columns: columnsConfig, ...(values.kind ? { values } : {}) };
  return { config: { $comment: 'Proposed by npm run detect: check each guess in _comments, then run npm run etl.', _comments: comments, openItems }, comments };
}

/** Our column → their header: by header name first, then, for required columns still missing, by the values. */
function mapColumns(kind: DocumentsFile, columns: ColumnStats[], dateFormat: string, hasPayments: boolean, comments: Record<string, string>): Record<string, string> {
  const [mapping, taken]: [Record<string, string>, Set<string>] = [{}, new Set()];
  const isDate = (c: ColumnStats) => c.n > 0 && c.formats.includes(dateFormat);
  const isAmount = (c: ColumnStats) => c.n > 0 && c.numeric === c.n && c.point + c.comma > 0;
  const fits = (ours: string, c: ColumnStats) => c.n === 0 || (/_date$/.test(ours) ? isDate(c) : /amount$|_limit$/.test(ours) ? c.numeric === c.n : true);
  const set = (ours: string, column: ColumnStats, why: string) => {
    mapping[ours] = column.name;
    taken.add(column.name);
    comments[`openItems.columns.${kind}.${ours}`] = `'${column.name}': ${why}`;
  };
  for (const [ours, synonyms] of Object.entries(headerSynonyms[kind])) {
    const candidates = columns.filter((c) => !taken.has(c.name) && synonyms.includes(c.norm) && fits(ours, c));
    const column = candidates.sort((a, b) => synonyms.indexOf(a.norm) - synonyms.indexOf(b.norm))[0];
    if (column) set(ours, column, `header name ('${column.norm}')`);
  }
  const balance = columns.find((c) => openAmountHeaders.includes(c.norm));
  if (kind === 'invoices' && mapping.paid_amount && !mapping.paid_date) {
    // A settlement without its date cannot be dated or aged: the ETL stops on such a mapping, so it is never proposed.
    const paid = mapping.paid_amount;
    delete mapping.paid_amount;
    taken.delete(paid);
    delete comments['openItems.columns.invoices.paid_amount'];
    comments[`ignored.invoices.${paid}`] = `UNREAD: a paid amount, but no column dates it, and a settlement without its date cannot be dated or aged. ${
      balance && !hasPayments ? `The balance '${balance.name}' is taken as the amount instead` : hasPayments ? 'The payments file settles the invoices' : `Map the paid date (openItems.columns.invoices.paid_date) to read it; until then every invoice is read as open in full`}`;
  }
  if (kind === 'invoices' && balance && !hasPayments && !mapping.paid_amount) {
    const invoiced = mapping.amount;
    set('amount', balance, `what each invoice still owes: with no payments file nor dated paid amount, this gives the right open amounts${invoiced ? ` ('${invoiced}', the amount invoiced, would leave every invoice open in full)` : ''}`);
    if (mapping.amount_excl_tax) {
      // The amount excl. tax of the whole invoice against what is left of it: provisions would take more tax out than the balance holds.
      comments[`ignored.invoices.${mapping.amount_excl_tax}`] = `the amount excl. tax of the whole invoice, not of the balance '${balance.name}' read as the amount: not read (the VAT rate takes the tax out instead)`;
      taken.delete(mapping.amount_excl_tax);
      delete comments['openItems.columns.invoices.amount_excl_tax'];
      delete mapping.amount_excl_tax;
    }
  } else if (balance && !taken.has(balance.name)) {
    // Say where the balance comes from instead, in this folder: never "from the payments" where there are none.
    const from = hasPayments ? 'the invoices and the payments file'
      : mapping.paid_amount ? `the invoice lines' paid amounts and dates ('${mapping.paid_amount}', '${mapping.paid_date}')`
      : 'the amounts of the invoices file';
    comments[`ignored.${kind}.${balance.name}`] = `a balance: not read, as encours computes balances from ${from}`;
  }
  const free = () => columns.filter((c) => !taken.has(c.name) && c.n > 0);
  for (const ours of openItemsColumns[kind].required.filter((c) => !mapping[c])) {
    const column = /_date$/.test(ours) ? free().find(isDate)
      : ours === 'amount' ? free().find(isAmount)
      : ours === 'name' ? free().find((c) => c.numeric === 0 && c.distinct > 1)
      : ours === 'client_id' ? free().find((c) => !isDate(c) && !isAmount(c) && c.distinct < c.n)
      : free().find((c) => !isDate(c) && !isAmount(c) && c.distinct === c.n);
    if (column) set(ours, column, `no header says ${ours}; chosen from its values (the first free ${/_date$/.test(ours) ? 'date' : ours === 'amount' ? 'amount' : ours === 'client_id' ? 'column with repeated values' : 'column'}). Check it`);
    else comments[`openItems.columns.${kind}.${ours}`] = `MISSING: no column looks like ${ours}; set it by hand`;
  }
  const due = kind === 'invoices' && !mapping.due_date ? free().find(isDate) : undefined;
  if (due) set('due_date', due, 'the second date column, taken for the due date. Check it');
  return mapping;
}

/** The glob of several files of one kind (invoices_2024.csv, invoices_2025.csv → invoices_202*). */
const commonPrefix = (names: string[]) => names.reduce((prefix, name) => { while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1); return prefix; });

if (import.meta.main) {
  const dir = argv._[0] === undefined ? undefined : String(argv._[0]);
  if (!dir || !existsSync(dir)) {
    console.error(chalk.red(`✘ ${dir ? `no folder ${dir}` : 'usage: npm run detect -- DIR [--print] [--force]'}`));
    process.exit(1);
  }
  try {
    const { config } = await detectMapping(dir);
    const [text, target] = [`${JSON.stringify(config, null, 2)}\n`, join(dir, CONFIG_FILE_NAME)];
    if (argv.print) process.stdout.write(text);
    else if (existsSync(target) && !argv.force) {
      console.error(chalk.red(`✘ ${target} exists: run with --print to see the proposal, or --force to replace it`));
      process.exit(1);
    } else {
      writeFileSync(target, text);
      console.log(chalk.green(`✔ proposed mapping written to ${target}`) + '\n  Check each guess under "_comments", then: ' + chalk.bold(`npm run etl -- --input ${dir}`));
    }
  } catch (error) {
    console.error(chalk.red(`✘ ${(error as Error).message}`));
    process.exit(1);
  }
}
