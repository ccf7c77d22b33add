// A file the run cannot use stops it, naming the cause (CONVENTIONS.md 19): the file, the first
// reason its rows were rejected and how many share it, and the setting to check — before the
// as-of date is taken from what is left and before the publishing guard speaks, whose advice
// (--as-of, --allow-shrink) would publish an empty warehouse. Which files: the model
// int_unusable_files; here only the wording.
import type { Config } from './config.ts';
import type { Database } from '../shared/duckdb.ts';
import { InputError } from './readers/errors.ts';

type UnusableFile = {
  source_file: string;
  input: string | null;
  problem: 'all_rows_rejected' | 'date_column_unreadable' | 'settlements_undated' | 'document_types_unlisted';
  column_name: string | null;
  rows: number;
  first_line: number | null;
  first_reason: string;
  reason_rows: number;
  setting: string | null;
  /** The document types in no list ('document_types_unlisted'). */
  refs: string[] | null;
};

/** Throws an InputError for the first file int_unusable_files lists; does nothing when it is empty. */
export async function stopOnUnusableFile(db: Database, config: Config): Promise<void> {
  const [file] = await db.rows<UnusableFile>('select * from int_unusable_files order by source_file limit 1');
  if (!file) return;
  throw new InputError(file.source_file, null, describe(file, config));
}

function describe(file: UnusableFile, config: Config): string {
  const rows = Number(file.rows);
  const shared = Number(file.reason_rows);
  const at = file.first_line === null ? '' : `, line ${file.first_line}`;
  const reason = file.first_reason.split('; ')[0]!;
  const check = file.setting ? ` Check ${file.setting}${currentValue(file.setting, config)}.` : ' Check the file and its mapping in encours.config.json.';
  if (file.problem === 'settlements_undated') {
    return (
      `not one of its ${rows.toLocaleString('en-US')} paid amounts has a paid date (the first${at}: ${reason}): a settlement without its date cannot be dated or aged. ` +
      `${undatedSettlementWayOut(config.openItems.columns.invoices?.paid_date ?? 'paid_date', null)}`
    );
  }
  if (file.problem === 'document_types_unlisted') {
    // A document type no list names is a setting not written: left out, its lines (a write-off,
    // an opening balance) would be missing from what their clients owe.
    const types = (file.refs ?? []).map((t) => `'${t}'`).join(', ');
    const lines = shared === 1 ? `1 of its ${rows.toLocaleString('en-US')} lines has` : `${shared.toLocaleString('en-US')} of its ${rows.toLocaleString('en-US')} lines have`;
    return (
      `${lines} a document type in none of the lists of openItems.values.documentType (${types}; the first${at}): ` +
      `${shared === 1 ? 'left out, it would be missing from what its client owes' : 'left out, they would be missing from what their clients owe'}. List ${(file.refs ?? []).length === 1 ? 'it' : 'each'} under invoice, credit_note, payment, writeoff or refund in openItems.values.documentType ` +
      `(npm run detect lists the types it could not tell under _undecided).`
    );
  }
  if (file.problem === 'date_column_unreadable') {
    const column = file.column_name === 'due_date' ? 'due dates' : 'paid dates (the settlements on its invoice lines)';
    return (
      `not one of its ${column} reads with the date format ${config.openItems.dateFormat} (${rows.toLocaleString('en-US')} unreadable; ` +
      `the first${at}: ${reason}).${timeHint(reason)}${check} Read so, ${file.column_name === 'due_date' ? 'every due date would come from the payment terms' : 'every settlement would be ignored'}.`
    );
  }
  const all = rows === 1 ? 'its only row was rejected' : `every one of its ${rows.toLocaleString('en-US')} rows was rejected`;
  const share = shared === rows ? (rows === 1 ? '' : ', all for the same reason') : `, ${shared.toLocaleString('en-US')} of them for the first reason`;
  return `${all}${share} (the first${at}: ${reason}).${timeHint(reason)}${check}`;
}

/**
 * The two ways out of paid amounts with no date: the column that dates them, or the balance
 * column as the amount (what each invoice still owes, right with no settlement to read).
 */
export function undatedSettlementWayOut(paidDateColumn: string | null, balanceColumn: string | null): string {
  const dated = paidDateColumn
    ? `map the column that dates each settlement (openItems.columns.invoices.paid_date, now "${paidDateColumn}", which holds none)`
    : 'map the column that dates each settlement (openItems.columns.invoices.paid_date)';
  const balance = balanceColumn
    ? `map the balance column "${balanceColumn}" as the amount (openItems.columns.invoices.amount) and remove openItems.columns.invoices.paid_amount`
    : 'if the export has a column of what each invoice still owes, map it as the amount (openItems.columns.invoices.amount) and remove openItems.columns.invoices.paid_amount';
  return `Either ${dated}, or ${balance}.`;
}

/** The setting's value now, so that the user sees what was read: `(now "Débit")`. */
function currentValue(setting: string, config: Config): string {
  const settings = config.openItems;
  const [, key, file, column] = setting.split('.');
  if (key === 'columns' && file && column) {
    const mapped = (settings.columns as Record<string, Record<string, string> | undefined>)[file]?.[column];
    return mapped === undefined ? ` (not set: the column named "${column}" is read)` : ` (now "${mapped}")`;
  }
  const value = key ? (settings as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? ` (now "${value}")` : '';
}

/**
 * A date written with a time ('2025-07-03 00:00:00') fails a date-only format, and a two-digit
 * year read by %Y is the year 24: say which format reads them.
 */
function timeHint(reason: string): string {
  if (/ date 00\d\d-\d\d-\d\d is outside/.test(reason)) return ' The years are written with two digits: %y reads them (e.g. "%d/%m/%y").';
  return /'\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(reason) ? ' The values carry a time of day: the format "%Y-%m-%d %H:%M:%S" reads them.' : /'[^']*\d \d{1,2}:\d{2}/.test(reason) ? ' The values carry a time of day: add it to the format (e.g. "%d/%m/%Y %H:%M").' : '';
}
