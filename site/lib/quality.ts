// The quality report's reasons in the site's language: a row's coded reason in words, and a kind
// of problem (a row of the quality_reasons mart, which counts, groups and orders the rows) as its
// pattern. Wording only: which parts make a kind, the counts and the order are the mart's.
import type { ReasonWording } from './i18n/quality-reasons.ts';

export type Severity = 'error' | 'warning' | 'info';

export const severities: readonly Severity[] = ['error', 'warning', 'info'];

/** A quality row's coded reason: the code and its parts (quality.reason_code…), all null for a reader's text the run does not code. */
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

/** A kind of problem as the quality_reasons mart gives it: its code and fixed parts, and its first row's reason. */
export interface ReasonKind {
  reason: string;
  reason_code: string | null;
  reason_field: string | null;
  /** The parts the kind's rows share (an unreadable date's format, an amount's currency), first in their reasons. */
  kind_parts: readonly (string | null)[];
  /** The first row's parts: those after kind_parts vary from row to row. */
  reason_parts: readonly (string | null)[] | null;
}

/**
 * A kind of problem in the site's language: its code worded with what varies from row to row
 * blanked ('…' for the value named and the parts after the kind's own, '#' for the count) and its
 * fixed parts kept. A reason with no code, or a code the labels do not word, reads as the run
 * wrote its first row (a reason with no code is a kind by its own text).
 */
export function kindPattern(kind: ReasonKind, reasons: ReasonWording): string {
  const varying = (kind.reason_parts ?? []).slice(kind.kind_parts.length).map(() => '…');
  return (kind.reason_code ? reasons(kind.reason_code, '#', '…', [...kind.kind_parts, ...varying], kind.reason_field) : undefined) ?? kind.reason;
}
