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
import { balanceOf, fileNameWords, headerSynonyms, normaliseHeader, openAmountHeaders } from './detect-headers.ts';
import { sampleExport } from './detect-read.ts';
import { mapShapeColumns, type Undecided } from './detect-shape-map.ts';
import { clientColumn, shapeOf, type ColumnStats } from './detect-shape.ts';
import { fecColumns } from './readers/fec.ts';

/** strptime formats tried on date-like columns; dd/mm before mm/dd, which only values above 12 tell apart. */
const dateFormats = ['%d/%m/%Y', '%m/%d/%Y', '%Y-%m-%d', '%d.%m.%Y', '%d-%m-%Y', '%Y/%m/%d', '%Y%m%d', '%d/%m/%y', '%m/%d/%y', '%d %b %Y', '%d %B %Y',
  '%Y-%m-%d %H:%M:%S', '%d/%m/%Y %H:%M:%S', '%m/%d/%Y %H:%M:%S'];
/** Rows read per file: enough to see days above 12 and decimals, small enough to stay instant. */
const SAMPLE_ROWS = 5000;

type Role = DocumentsFile | 'ledger' | 'snapshot';
interface FileStats { name: string; role: Role; roleReason: string; delimiter: string; encoding: string; format: 'csv' | 'xlsx'; columns: ColumnStats[]; above: string[] }
export interface Proposal { config: Record<string, unknown>; comments: Record<string, string>; undecided: Undecided[] }

/** The proposed configuration for the exports in `dir`, the reason for each guess, and what it could not decide. */
export async function detectMapping(dir: string): Promise<Proposal> {
  const db = await openDatabase();
  try {
    const files: FileStats[] = [];
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!/\.(csv|txt|tsv|xlsx)$/i.test(name) || !statSync(path).isFile()) continue;
      // The collections log the team keeps (actions*.csv, contacts*.csv) and an e-invoicing
      // platform's status export (statuses*, statuts*) have their own formats.
      if (/^(actions|contacts|statuses|statuts)/i.test(name)) continue;
      const stats = await sniffFile(db, path, name);
      if (stats) files.push(stats);
    }
    if (!files.length) throw new Error(`${dir} holds no export (.csv, .txt, .tsv, .xlsx) other than FEC journal files`);
    // A file's shape from its content (a ledger, a snapshot), whatever its name says; a balance
    // is a snapshot's only where no payments file settles the documents.
    const hasPayments = (self: FileStats) => files.some((f) => f !== self && f.role === 'payments');
    for (const file of files) {
      const [shape, why] = shapeOf(file.columns, hasPayments(file));
      if (shape) [file.role, file.roleReason] = [shape, why];
    }
    return propose(files);
  } finally {
    db.close();
  }
}

async function sniffFile(db: Database, path: string, name: string): Promise<FileStats | null> {
  const sample = await sampleExport(db, path, name, 'sniffed', SAMPLE_ROWS);
  const names = (await db.rows<{ column_name: string }>(`select column_name from (describe sniffed)`)).map((r) => r.column_name);
  const fecNames = new Set(Object.keys(fecColumns).map((c) => c.toLowerCase()));
  if (names.filter((c) => fecNames.has(c.toLowerCase())).length >= 8) return null; // a FEC: read as it is, no mapping needed
  // One pass over the distinct values of each column: how many look like numbers (and with which
  // decimal sign), which date formats read them all, how often each repeats.
  // strptime wants a constant format: one count per format.
  const perFormat = dateFormats.map((f, i) => `sum(k) filter (year(try_strptime(v, ${sqlString(f)})) between 1990 and 2099) as f${i}`).join(',\n');
  const stats = await db.rows<{ name: string; n: number; distinct: number; repeated: number; numeric: number; negative: number; zero: number; point: number; comma: number; length: number; few: string | null } & Record<string, number>>(`
    with cells as (
      select name, trim(value) as v
      from (unpivot sniffed on columns(*) into name name value value) where trim(value) <> ''
    ),
    values_ as (
      select name, v, regexp_replace(v, '[\\s\\x{00A0}\\x{202F}€$£]', '', 'g') as c, count(*) as k from cells group by name, v
    )
    select name, sum(k)::integer as n, count(*)::integer as distinct, (count(*) filter (where k > 1))::integer as repeated,
      coalesce(sum(k) filter (regexp_full_match(c, '[-(]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?[-)]?|[-(]?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?[-)]?')), 0)::integer as numeric,
      coalesce(sum(k) filter (regexp_full_match(c, '(-|\\().*|.*-')), 0)::integer as negative,
      coalesce(sum(k) filter (regexp_full_match(c, '-?0+([.,]0+)?')), 0)::integer as zero,
      coalesce(sum(k) filter (regexp_full_match(c, '-?(\\d{1,3}(,\\d{3})+|\\d+)\\.\\d{1,2}-?')), 0)::integer as point,
      coalesce(sum(k) filter (regexp_full_match(c, '-?(\\d{1,3}(\\.\\d{3})+|\\d+),\\d{1,2}-?')), 0)::integer as comma,
      (sum(length(v) * k) / sum(k))::double as length,
      -- The values of a column with few of them (a type, a flag), to propose how they are read.
      case when count(*) <= 12 then array_to_string(list_sort(list(v)), '|') end as few,
      ${perFormat}
    from values_ group by name`);
  const byName = new Map(stats.map((s) => [s.name, s]));
  const columns = names.map((column): ColumnStats => {
    const s = byName.get(column);
    return { name: column, norm: normaliseHeader(column), n: s?.n ?? 0, distinct: s?.distinct ?? 0, repeated: s?.repeated ?? 0, numeric: s?.numeric ?? 0,
      negative: s?.negative ?? 0, zero: s?.zero ?? 0, point: s?.point ?? 0, comma: s?.comma ?? 0, length: s?.length ?? 0,
      formats: s ? dateFormats.filter((_, i) => Number(s[`f${i}`] ?? 0) >= s.n * 0.95) : [], few: s?.few ? s.few.split('|') : [] };
  });
  const [role, roleReason] = kindOf(name, columns);
  return { name, role, roleReason, delimiter: sample.delimiter, encoding: sample.encoding === 'cp850' ? 'windows-1252' : sample.encoding, format: sample.format, columns, above: sample.above };
}

/**
 * The logical file: by the words of its name, else by how many of its headers name a kind's
 * columns. A name that says clients is not taken for a file of dated amounts (GL_tiers_clients,
 * Echeancier_clients): its headers decide.
 */
function kindOf(name: string, columns: ColumnStats[]): [DocumentsFile, string] {
  const score = (kind: DocumentsFile) => columns.filter((c) => Object.values(headerSynonyms[kind]).some((s) => s.includes(c.norm))).length;
  // Most specific first: "Customer_Payments.csv" is payments, not clients.
  const byName = (['writeoffs', 'payments', 'invoices', 'clients'] as const).find((kind) => fileNameWords[kind].test(normaliseHeader(name)));
  const dated = columns.some((c) => c.formats.length > 0) && columns.some((c) => c.n > 0 && c.numeric === c.n && c.point + c.comma > 0);
  if (byName && !(byName === 'clients' && dated)) return [byName, `its name says ${byName}`];
  const kinds = byName === 'clients' ? documentsFiles.filter((k) => k !== 'clients') : documentsFiles;
  const best = kinds.reduce((a, b) => (score(b) > score(a) ? b : a));
  return [best, `${score(best)} of its headers are ${best} columns${byName ? ` (its name says clients, but it holds dated amounts)` : ''}`];
}

function propose(files: FileStats[]): Proposal {
  const comments: Record<string, string> = {};
  const undecided: Undecided[] = [];
  const majority = <T extends string>(values: T[]): T => values.sort((a, b) => values.filter((v) => v === b).length - values.filter((v) => v === a).length)[0]!;
  const texts = files.filter((f) => f.format === 'csv');
  const delimiter = texts.length ? majority(texts.map((f) => f.delimiter)) : ';';
  comments['openItems.delimiter'] = texts.length ? `'${delimiter === '\t' ? '\\t' : delimiter}' splits ${texts.filter((f) => f.delimiter === delimiter).map((f) => f.name).join(', ')} into the same number of columns, line after line` : 'workbooks only: no delimiter needed';
  const encoding = majority(files.map((f) => (f.format === 'xlsx' ? 'utf-8' : f.encoding)));
  const scanned = ['utf-8', 'latin-1', 'windows-1252', 'iso-8859-15', 'cp850'].includes(encoding) ? encoding : 'auto';
  comments['openItems.encoding'] = scanned === 'auto' ? `${encoding} text (Excel's "Unicode text"): read by "auto", which tells it from the bytes` : encoding === 'utf-8' ? 'every byte sequence is valid UTF-8' : `bytes above 0x7F that are not UTF-8: a single-byte French code page (${encoding}, told apart by the bytes 0x80–0x9F)`;
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
  // An export written with a decimal point comes from software set up in English, often for a
  // company outside France: its currency and its law are not in the file, and the defaults are
  // euros and France (the L441-10 penalties, VAT recovered in the provisions).
  if (decimalSeparator === '.') comments.currency = 'CHECK: the exports do not say the company currency; EUR is assumed, and with it France as the company\'s country. A company in dollars or pounds sets "currency" ("USD", "GBP") and "company": { "country": "US" / "GB" }';
  if (dayMonth && dated.length) undecided.push({ setting: 'openItems.dateFormat', why: `no day above 12 tells dd/mm from mm/dd: "${resolved}" is a guess from the number format` });
  const shapes = [...new Set(files.map((f) => f.role).filter((r) => r === 'ledger' || r === 'snapshot'))];
  if (shapes.length > 1) undecided.push({ setting: 'openItems.shape', why: `the folder holds a customer ledger and an open-balance snapshot (${files.filter((f) => shapes.includes(f.role as 'ledger')).map((f) => f.name).join(', ')}): keep one` });
  const shape = shapes[0] ?? 'documents';
  comments['openItems.shape'] = shape === 'documents' ? 'invoices (and payments, write-offs) files: the documents shape' : files.filter((f) => f.role === shape).map((f) => `${f.name}: ${f.roleReason}`).join('; ');
  const isDate = (c: ColumnStats) => c.n > 0 && c.formats.includes(resolved);
  const filesConfig: Record<string, string> = {};
  const columnsConfig: Record<string, Record<string, string>> = {};
  const values: Record<string, unknown> = {};
  let snapshotDate: string | undefined;
  const roles: Role[] = shape === 'documents' ? [...documentsFiles] : [shape, 'clients'];
  for (const file of files.filter((f) => !roles.includes(f.role))) comments[`ignored.files.${file.name}`] = `${file.roleReason || `a ${file.role} file`}: not read in the ${shape} shape`;
  for (const kind of roles) {
    const mine = files.filter((f) => f.role === kind);
    if (!mine.length) continue;
    filesConfig[kind] = mine.length === 1 ? mine[0]!.name : `${commonPrefix(mine.map((f) => f.name))}*`;
    comments[`openItems.files.${kind}`] = mine.map((f) => `${f.name}: ${f.roleReason}`).join('; ');
    if (kind === 'ledger' || kind === 'snapshot') {
      const mapped = mapShapeColumns(kind, mine[0]!, { isDate, monthFirst: resolved.startsWith('%m') }, comments, undecided);
      columnsConfig[kind] = mapped.mapping;
      Object.assign(values, mapped.values ?? {});
      snapshotDate = mapped.snapshotDate;
      continue;
    }
    const mapping = (columnsConfig[kind] = mapColumns(kind, mine[0]!.columns, resolved, files.some((f) => f.role === 'payments'), comments, undecided));
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
  if (shape === 'documents' && !columnsConfig.invoices) throw new Error(`no file looks like an invoices export (${files.map((f) => `${f.name}: ${f.role}`).join(', ')}); name it invoices*.csv`);
  const openItems = {
    ...(shape === 'documents' ? {} : { shape }), ...(snapshotDate ? { snapshotDate } : {}),
    delimiter, encoding: scanned, dateFormat: resolved, decimalSeparator, files: filesConfig, columns: columnsConfig, ...(Object.keys(values).length ? { values } : {}),
  };
  const config = {
    ...(undecided.length ? { _undecided: undecided.map((u) => `${u.setting}: ${u.why}`) } : {}),
    $comment: 'Proposed by npm run detect: check each guess in _comments, then run npm run etl.', _comments: comments, openItems,
  };
  return { config, comments, undecided };
}

/** Our column → their header: by header name first, then, for required columns still missing, by the values. */
function mapColumns(kind: DocumentsFile, columns: ColumnStats[], dateFormat: string, hasPayments: boolean, comments: Record<string, string>, undecided: Undecided[]): Record<string, string> {
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
    if (ours === 'client_id' && kind !== 'clients') continue;
    const candidates = columns.filter((c) => !taken.has(c.name) && synonyms.includes(c.norm) && fits(ours, c));
    const column = candidates.sort((a, b) => synonyms.indexOf(a.norm) - synonyms.indexOf(b.norm))[0];
    if (column) set(ours, column, `header name ('${column.norm}')`);
  }
  const balance = balanceOf(columns.filter((c) => openAmountHeaders.includes(c.norm)));
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
    if (mapping.paid_date) {
      // Without a paid amount the ETL reads a paid date as settling the invoice in full: not the balance read as the amount.
      comments[`ignored.invoices.${mapping.paid_date}`] = `a paid date without a paid amount: not read, as the balance '${balance.name}' says what is left of each invoice`;
      taken.delete(mapping.paid_date);
      delete comments['openItems.columns.invoices.paid_date'];
      delete mapping.paid_date;
    }
    set('amount', balance, `what each invoice still owes: with no payments file nor dated paid amount, this gives the right open amounts${invoiced ? ` ('${invoiced}', the amount invoiced, would leave every invoice open in full)` : ''}`);
    if (mapping.amount_excl_tax) {
      // The amount excl. tax of the whole invoice against what is left of it: provisions would take more tax out than the balance holds.
      comments[`ignored.invoices.${mapping.amount_excl_tax}`] = `the amount excl. tax of the whole invoice, not of the balance '${balance.name}' read as the amount: not read (the VAT rate takes the tax out instead)`;
      taken.delete(mapping.amount_excl_tax);
      delete comments['openItems.columns.invoices.amount_excl_tax'];
      delete mapping.amount_excl_tax;
    }
  } else if (kind === 'invoices' && balance && hasPayments && !taken.has(balance.name)) {
    set('open_amount', balance, 'what each invoice still owes, as the export says: checked against what the payments file leaves open (a difference is a warning with both figures), never read as the amount');
  } else if (balance && !taken.has(balance.name)) {
    // Say where the balance comes from instead, in this folder: never "from the payments" where there are none.
    const from = hasPayments ? 'the invoices and the payments file'
      : mapping.paid_amount ? `the invoice lines' paid amounts and dates ('${mapping.paid_amount}', '${mapping.paid_date}')`
      : 'the amounts of the invoices file';
    comments[`ignored.${kind}.${balance.name}`] = `a balance: not read, as encours computes balances from ${from}`;
  }
  if (kind === 'invoices' && mapping.paid_date && !mapping.paid_amount) {
    comments['openItems.columns.invoices.paid_date'] += `; no column gives a paid amount: the day each invoice was settled in full (an empty one: still open)`;
  }
  const free = () => columns.filter((c) => !taken.has(c.name) && c.n > 0);
  if (kind !== 'clients') {
    // Never a date, an amount, a code or free text: a client column repeats (clientColumn).
    const client = clientColumn(columns, taken, isDate);
    if (client) set('client_id', client.column, client.byName ? `header name ('${client.column.norm}')` : `no header says client_id; its values repeat (${client.column.distinct} over ${client.column.n} lines), it is not a date, an amount, a code or free text. Check it`);
    else undecided.push({ setting: `openItems.columns.${kind}.client_id`, why: `the ${kind} file cannot be read per client: no column identifies the client (a client column repeats, is not a date, and most of its values have several lines)` });
  }
  for (const ours of openItemsColumns[kind].required.filter((c) => !mapping[c])) {
    const column = /_date$/.test(ours) ? free().find(isDate)
      : ours === 'amount' ? free().find(isAmount)
      : ours === 'name' ? free().find((c) => c.numeric === 0 && c.distinct > 1)
      : ours === 'client_id' ? undefined
      : free().find((c) => !isDate(c) && !isAmount(c) && c.distinct === c.n);
    if (column) set(ours, column, `no header says ${ours}; chosen from its values (the first free ${/_date$/.test(ours) ? 'date' : ours === 'amount' ? 'amount' : ours === 'client_id' ? 'column with repeated values' : 'column'}). Check it`);
    else if (ours !== 'client_id') {
      comments[`openItems.columns.${kind}.${ours}`] = `MISSING: no column looks like ${ours}; set it by hand`;
      undecided.push({ setting: `openItems.columns.${kind}.${ours}`, why: `no column looks like ${ours}` });
    }
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
    const { config, undecided } = await detectMapping(dir);
    // What could not be decided comes first, each with the setting to write.
    if (undecided.length) {
      console.error(chalk.yellow.bold(`Not decided (${undecided.length}): write these settings in encours.config.json`));
      for (const u of undecided) console.error(chalk.yellow(`  • ${u.setting}: ${u.why}`));
    }
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
