// Reads an open-items export (clients, invoices, payments, write-offs as CSV, text or .xlsx) into
// raw_* tables: every column as text under our own names, with the file and physical line it came
// from, and the file's decimal sign. Casting and validation happen in the staging models, so a bad
// value becomes a quality row, not a crash; what cannot be read right stops the run, saying why.
import { globSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { Config, OpenItemsFile } from '../config.ts';
import { openItemsColumns, openItemsFiles } from '../config.ts';
import { sqlString, type Database } from '../../shared/duckdb.ts';
import { detectDecimalSign, type DecimalSign } from './decimal-sign.ts';
import { trimmedField } from './delimited.ts';
import { InputError } from './errors.ts';
import { describeConvention, ledgerAmountConvention, stopOnHalfOfDebitCredit, type AmountConvention } from './ledger.ts';
import { openExport } from './source.ts';
import { balanceOf, normaliseHeader, openAmountHeaders } from '../detect-headers.ts';
import { undatedSettlementWayOut } from '../unusable-files.ts';

export interface InputFile {
  path: string;
  kind: OpenItemsFile | 'fec' | 'actions' | 'contacts' | 'statuses';
  rows: number;
  rejectedRows: number;
  /** How an open-items file was read, for the run's log and manifest. */
  format?: 'csv' | 'xlsx';
  encoding?: string;
  decimalSign?: DecimalSign;
  /** A customer ledger's way of writing its amounts (etl/readers/ledger.ts). */
  amountConvention?: AmountConvention;
  /** e.g. "windows-1252, decimal comma (412 amounts say so)". */
  detected?: string;
}

/** Exports as text (CSV, Excel's "Unicode text" .txt) or workbooks; a legacy .xls is named so. */
const defaultPatterns: Record<OpenItemsFile, string> = {
  clients: 'clients*.{csv,txt,xlsx,xls}',
  invoices: 'invoices*.{csv,txt,xlsx,xls}',
  payments: 'payments*.{csv,txt,xlsx,xls}',
  writeoffs: 'writeoffs*.{csv,txt,xlsx,xls}',
  ledger: 'ledger*.{csv,txt,xlsx,xls}',
  snapshot: 'snapshot*.{csv,txt,xlsx,xls}',
};

/** Files of the input folder for each logical file, by the configured glob (or the default name). */
export function findOpenItemsFiles(inputDir: string, config: Config): Map<OpenItemsFile, string[]> {
  const found = new Map<OpenItemsFile, string[]>();
  for (const kind of openItemsFiles) {
    const pattern = config.openItems.files[kind] ?? defaultPatterns[kind];
    found.set(kind, globSync(pattern, { cwd: inputDir }).sort().map((file) => join(inputDir, file)));
  }
  return found;
}

/**
 * Reads the open-items files into raw_clients, raw_invoices, raw_payments and raw_writeoffs (empty
 * when a file is absent). Beside a FEC only the clients file is read: the FEC holds the ledger.
 * scratchDir: the run's folder for re-encoded copies (etl/run-folder.ts), removed with the run.
 */
export async function readOpenItems(
  db: Database,
  inputDir: string,
  config: Config,
  { besideFec = false, scratchDir }: { besideFec?: boolean; scratchDir: string },
): Promise<InputFile[]> {
  const files = findOpenItemsFiles(inputDir, config);
  // The shape names the files that hold the book: invoices (+ payments, write-offs), one ledger, or one snapshot.
  const shape = config.openItems.shape;
  const book = shape === 'documents' ? 'invoices' : shape;
  const others = (['invoices', 'payments', 'writeoffs', 'ledger', 'snapshot'] as const).filter((kind) => kind !== book && (shape !== 'documents' || kind === 'ledger' || kind === 'snapshot'));
  const notRead = besideFec ? ['invoices', 'payments', 'writeoffs', 'ledger', 'snapshot'] as const : others;
  for (const kind of notRead) files.set(kind, []);
  if (!besideFec && (files.get(book) ?? []).length === 0) {
    const what = { invoices: 'invoices', ledger: 'customer-ledger', snapshot: 'open-balance snapshot' }[book];
    throw new InputError(
      inputDir,
      null,
      `no ledger found: no FEC journal file and no ${what} file (looked for ${config.openItems.files[book] ?? defaultPatterns[book]}${shape !== 'documents' ? `, as openItems.shape is "${shape}"` : ''})`,
    );
  }
  const read: InputFile[] = [];
  for (const kind of openItemsFiles) {
    const columns = [...openItemsColumns[kind].required, ...openItemsColumns[kind].optional];
    const parts: string[] = [];
    for (const [index, path] of (files.get(kind) ?? []).entries()) {
      const table = `raw_${kind}_${index}`;
      const file = await readOneFile(db, { path, kind, table, inputDir, config, scratchDir });
      read.push(file);
      // Each file's decimal sign beside its rows, for read_amount in the staging models (and a
      // ledger's amount convention, for stg_ledger_lines).
      const convention = kind === 'ledger' ? `, ${sqlString(file.amountConvention ?? 'signed')} as amount_convention` : '';
      parts.push(`select *, ${sqlString(file.decimalSign ?? '.')} as decimal_sign${convention} from ${table}`);
    }
    const empty = `select null::varchar as source_file, null::bigint as line, ${columns.map((c) => `null::varchar as ${c}`).join(', ')}, null::varchar as decimal_sign${kind === 'ledger' ? ', null::varchar as amount_convention' : ''} limit 0`;
    await db.run(`create or replace view raw_${kind} as ${parts.length ? parts.join(' union all ') : empty}`);
  }
  if (!besideFec && read.filter((f) => f.kind === book).every((f) => f.rows + f.rejectedRows === 0)) {
    throw new InputError(relative(inputDir, files.get(book)![0]!), 2, `the ${book} file has a header and no rows`);
  }
  return read;
}

async function readOneFile(
  db: Database,
  { path, kind, table, inputDir, config, scratchDir }: { path: string; kind: OpenItemsFile; table: string; inputDir: string; config: Config; scratchDir: string },
): Promise<InputFile> {
  const settings = config.openItems;
  const mapping = settings.columns[kind] ?? {};
  const wanted = [...openItemsColumns[kind].required, ...openItemsColumns[kind].optional];
  const present: { ours: string; theirs: string }[] = [];
  let amountConvention: AmountConvention | undefined;
  const { sourceFile, source, rows, rejectedRows } = await openExport(db, {
    path,
    kind,
    table,
    inputDir,
    settings: { ...settings, headerRow: typeof settings.headerRow === 'number' ? settings.headerRow : settings.headerRow?.[kind] },
    scratchDir,
    dropEmptyRows: wanted,
    headerNames: openItemsColumns[kind].required.map((column) => mapping[column] ?? column),
    checkHeader: (header, sourceFile) => {
      const mapped = mapHeader(header, wanted, openItemsColumns[kind].required, mapping);
      const { select } = mapped;
      const missing = mapped.missing.map((c) => c.ours);
      present.push(...mapped.present);
      if (header.length === 1 && missing.length) {
        throw new InputError(
          sourceFile,
          1,
          `the ${kind} file's header reads as one single column (${header[0]!.slice(0, 120)}): is the delimiter right? Set openItems.delimiter in encours.config.json.`,
        );
      }
      const unmapped = missing.filter((c) => mapping[c] === undefined);
      if (unmapped.length) {
        throw new InputError(
          sourceFile,
          1,
          `the ${kind} file lacks required column${unmapped.length > 1 ? 's' : ''} ${unmapped.map((c) => `${c} (${c})`).join(', ')}; its header has ${header.join(', ')}. Map your column names in encours.config.json (openItems.columns.${kind}).`,
        );
      }
      if (missing.length) {
        // A mapped column the file lacks stops the run, optional or not: a missing "kind" would
        // load credit notes as invoices, a missing "due_date" replace every due date.
        throw new InputError(
          sourceFile,
          1,
          missing
            .map((c) => `openItems.columns.${kind}.${c} names column "${mapping[c]}", which the file does not have`)
            .join('; ') + `; its columns are ${header.map((h) => `"${h}"`).join(', ')}. Correct the mapping in encours.config.json (or remove the key if the export has no such column).`,
        );
      }
      if (kind === 'invoices') stopOnUndatedSettlements(mapped.present, header, sourceFile);
      if (kind === 'ledger') amountConvention = ledgerAmountConvention(mapped.present, sourceFile, header);
      else stopOnHalfOfDebitCredit(kind, mapped.present, header, sourceFile);
      return select;
    },
  });
  const amounts = present.filter((c) => amountColumns.has(c.ours));
  const decimal = source.format === 'xlsx' && settings.decimalSeparator === 'auto'
    ? { sign: '.' as const, detail: 'decimal point (workbook numbers)' }
    : settings.decimalSeparator === 'auto'
      ? await detectDecimalSign(db, { table, sourceFile, columns: amounts })
      : { sign: settings.decimalSeparator, detail: `decimal ${settings.decimalSeparator === ',' ? 'comma' : 'point'} (openItems.decimalSeparator)` };
  return {
    path,
    kind,
    rows,
    rejectedRows,
    format: source.format,
    encoding: source.encoding,
    decimalSign: decimal.sign,
    amountConvention,
    detected: `${source.format === 'xlsx' ? `Excel workbook, sheet "${source.sheet}"` : source.encoding}, ${decimal.detail}${amountConvention ? `, ${describeConvention(amountConvention, present)}` : ''}`,
  };
}

/**
 * A paid amount with no paid-date column is never read as if it had none: a settlement without
 * its date cannot be dated or aged, and dropped it would leave every invoice open in full.
 */
function stopOnUndatedSettlements(present: { ours: string; theirs: string }[], header: string[], sourceFile: string): void {
  const paid = present.find((c) => c.ours === 'paid_amount');
  if (!paid || present.some((c) => c.ours === 'paid_date')) return;
  const balance = balanceOf(header.map((name) => ({ name, norm: normaliseHeader(name) })).filter((c) => openAmountHeaders.includes(c.norm)))?.name ?? null;
  throw new InputError(
    sourceFile,
    1,
    `the invoices file has a paid amount ("${paid.theirs}", openItems.columns.invoices.paid_amount) and no paid date: a settlement without its date cannot be dated or aged. ${undatedSettlementWayOut(null, balance)}`,
  );
}

/** Our columns that hold money, read by read_amount under the file's decimal sign. */
const amountColumns = new Set(['amount', 'amount_excl_tax', 'paid_amount', 'amount_company_currency', 'credit_limit', 'insured_limit', 'guarantee_amount', 'debit', 'credit', 'open_amount']);

/**
 * The SELECT list that gives a file's columns our names, each found by its mapped name (or ours),
 * case and surrounding spaces aside. A column the file lacks is NULL when it is optional and
 * unmapped; a required one, or one the mapping names, is `missing` (DESIGN.md: every mapped
 * column must exist). Shared by the open-items files and the collections log.
 */
export function mapHeader(
  header: string[],
  wanted: readonly string[],
  required: readonly string[],
  mapping: Record<string, string>,
): { select: string[]; present: { ours: string; theirs: string }[]; missing: { ours: string; theirs: string }[] } {
  const byName = new Map(header.map((name) => [name.trim().toLowerCase(), name]));
  const select: string[] = [];
  const present: { ours: string; theirs: string }[] = [];
  const missing: { ours: string; theirs: string }[] = [];
  for (const column of wanted) {
    const theirs = mapping[column] ?? column;
    const actual = byName.get(theirs.trim().toLowerCase());
    if (actual !== undefined) {
      select.push(`${trimmedField(actual)} as ${column}`);
      present.push({ ours: column, theirs: actual });
    } else if (mapping[column] !== undefined || required.includes(column)) {
      missing.push({ ours: column, theirs });
    } else select.push(`null::varchar as ${column}`);
  }
  return { select, present, missing };
}
