// The quality report in summary: rows counted by severity, and reasons grouped once their variable
// parts (quoted values, ids, numbers and dates) are blanked, so "issue date '2024-02-30' does not
// match…" and "issue date '31/13/2024' does not match…" count as one kind of problem.

export type Severity = 'error' | 'warning' | 'info';

export const severities: readonly Severity[] = ['error', 'warning', 'info'];

export interface QualityLike {
  severity: string;
  reason: string;
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

/** A quality row's reason in the site's language when it has a code the labels word, else as the run wrote it. */
export function wordedReason(
  row: { reason: string; reason_code?: string | null; reason_number?: number | null; reason_ref?: string | null },
  word: (code: string, number: number | null, ref: string | null) => string | undefined,
): string {
  return (row.reason_code ? word(row.reason_code, row.reason_number ?? null, row.reason_ref ?? null) : undefined) ?? row.reason;
}

/** The wording of coded reasons in the build's language: numbers grouped, dates in words. */
export function reasonWords(
  labels: { reasons: (code: string, n: string, ref: string | null) => string | undefined },
  format: { integer: (v: number | null) => string; longDate: (iso: string) => string },
): (code: string, number: number | null, ref: string | null) => string | undefined {
  return (code, number, ref) => labels.reasons(code, format.integer(number), ref === null ? null : /^\d{4}-\d{2}-\d{2}$/.test(ref) ? format.longDate(ref) : ref);
}

/** Rows counted per severity, every severity present (0 when none). */
export function countBySeverity(rows: readonly { severity: string }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const row of rows) if (row.severity in counts) counts[row.severity as Severity]++;
  return counts;
}

/** Rows grouped by severity, input and reason pattern: errors first, then the largest groups. */
export function groupReasons(rows: readonly QualityLike[]): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const row of rows) {
    const input = row.input ?? '';
    const pattern = reasonPattern(row.reason, row.record_id);
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
