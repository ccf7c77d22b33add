// The quality report in summary: rows counted by severity, and reasons grouped — a coded reason
// by its code and fixed parts, a reason written as text once its variable parts (quoted values,
// ids, numbers and dates) are blanked, so "issue date '2024-02-30' does not match…" and "issue
// date '31/13/2024' does not match…" count as one kind of problem.
import type { ReasonWording } from './i18n/quality-reasons.ts';

export type Severity = 'error' | 'warning' | 'info';

export const severities: readonly Severity[] = ['error', 'warning', 'info'];

export interface QualityLike extends CodedReason {
  severity: string;
  input: string | null;
  record_id: string | null;
}

export interface ReasonGroup {
  severity: string;
  input: string;
  pattern: string;
  count: number;
  /** The first reason of the group, word for word. */
  example: string;
}

/** Words after which the next word is an identifier (but not 'invoice id', 'client of'…). */
const idAfter = /\b(invoice|client|id|facture)\s+(?!(?:id|of|is|in|the|file|date)\b)([^\s,;()]+)/gi;

/** A reason with what varies from line to line replaced by '…' (text) or '#' (numbers). */
export function reasonPattern(reason: string, recordId: string | null = null): string {
  let text = reason;
  // The record's own id, as a whole word only: an id '2' must not eat the digits of a date.
  if (recordId) text = text.replace(new RegExp(`(?<![\\w-])${escapeRegExp(recordId)}(?![\\w-])`, 'g'), '…');
  return text
    .replace(/'[^']*'/g, "'…'")
    .replace(idAfter, (_match, word: string) => `${word} …`)
    // A number as the site writes it may group its thousands with a (narrow) no-break space: one '#'.
    .replace(/\d+(?:[-/.,:\u00a0\u202f]\d+)*/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A quality row's coded reason: the code and its parts (quality.reason_code…), all null for a reason still written as text. */
export interface CodedReason {
  reason: string;
  reason_code?: string | null;
  reason_number?: number | null;
  reason_ref?: string | null;
  reason_field?: string | null;
  reason_parts?: readonly (string | null)[] | null;
}

/** A coded reason in words from the row's own values; undefined for a code the site does not know. */
export type RowWording = (row: CodedReason & { reason_code: string }) => string | undefined;

/** A quality row's reason in the site's language when it has a code the labels word, else as the run wrote it. */
export function wordedReason(row: CodedReason, word: RowWording): string {
  return (row.reason_code ? word({ ...row, reason_code: row.reason_code }) : undefined) ?? row.reason;
}

/** Codes whose ref is a date (not the offending text as written, which is shown as is). */
const dateRefs = new Set([
  'after_as_of', 'settlement_after_as_of', 'lettering_after_as_of', 'promise_on_settled_invoices',
  'date_implausible', 'procedure_date_implausible', 'promise_before_action',
]);

/**
 * The wording of coded reasons in the build's language: the count grouped, a date ref in words;
 * among the other parts, an ISO date in words and an amount (the run writes '528.42') as money.
 */
export function reasonWords(
  labels: { reasons: ReasonWording },
  format: { integer: (v: number | null) => string; longDate: (iso: string) => string; moneyCents: (v: number | null) => string },
): RowWording {
  const part = (value: string | null) =>
    value === null ? null : /^\d{4}-\d{2}-\d{2}$/.test(value) ? format.longDate(value) : /^-?\d+\.\d{2}$/.test(value) ? format.moneyCents(Number(value)) : value;
  return (row) => {
    const ref = row.reason_ref ?? null;
    return labels.reasons(
      row.reason_code,
      format.integer(row.reason_number ?? null),
      ref !== null && dateRefs.has(row.reason_code) && /^\d{4}-\d{2}-\d{2}$/.test(ref) ? format.longDate(ref) : ref,
      (row.reason_parts ?? []).map(part),
      row.reason_field ?? null,
    );
  };
}

// The parts that say what kind of problem a reason is, kept in its group's pattern: the date format
// in force; an amount's currency (and, for a warning on an amount, its problem).
const fixedFirstPart = new Set(['date_unreadable', 'procedure_date_unreadable', 'status_date_unreadable']);
const amountWarnings = new Set(['paid_amount_unreadable', 'company_amount_unreadable', 'excl_tax_unreadable', 'whole_amount_unreadable']);

/**
 * The by-reason pattern of a coded reason, in the site's language: its code worded with the
 * values that vary from line to line blanked ('…' for the value named, '#' for the count), and
 * the parts that qualify the code kept (an unreadable date's format, an amount's currency); so a
 * group is a code and its fixed parts. Undefined for a code the labels do not word.
 */
export function codedPattern(row: CodedReason & { reason_code: string }, reasons: ReasonWording): string | undefined {
  const fixed = amountWarnings.has(row.reason_code) ? 2 : fixedFirstPart.has(row.reason_code) || row.reason_code.startsWith('amount_') ? 1 : 0;
  const parts = (row.reason_parts ?? []).map((p, i) => (i < fixed ? p : '…'));
  return reasons(row.reason_code, '#', '…', parts, row.reason_field ?? null);
}

/** Rows counted per severity, every severity present (0 when none). */
export function countBySeverity(rows: readonly { severity: string }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const row of rows) if (row.severity in counts) counts[row.severity as Severity]++;
  return counts;
}

/**
 * Rows grouped by severity, input and reason pattern: errors first, then the largest groups. A
 * coded reason's pattern is its code with its fixed parts, worded by `reasons` (codedPattern);
 * a reason written as text has its variable parts blanked (reasonPattern).
 */
export function groupReasons(rows: readonly QualityLike[], reasons?: ReasonWording): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const row of rows) {
    const input = row.input ?? '';
    const coded = row.reason_code && reasons ? codedPattern({ ...row, reason_code: row.reason_code }, reasons) : undefined;
    const pattern = coded ?? reasonPattern(row.reason, row.record_id);
    const key = `${row.severity}\u0000${input}\u0000${pattern}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { severity: row.severity, input, pattern, count: 1, example: row.reason });
  }
  return [...groups.values()].sort(
    (a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count || a.input.localeCompare(b.input) || a.pattern.localeCompare(b.pattern),
  );
}

/** `text` matched literally inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A severity's place in the report (unknown ones last). */
function rank(severity: string): number {
  const index = severities.indexOf(severity as Severity);
  return index === -1 ? severities.length : index;
}
