// The full quality report as CSV (served as /quality.csv): the page shows the first rows only.
// Same rules as the buttons' downloads: the page's separators, a BOM for Excel, words for codes,
// formulas neutralised.
import { csvDelimiter, csvFile } from '../scripts/csv.ts';
import type { Labels } from './i18n/index.ts';
import type { QualityRow } from './warehouse/tables.ts';

export function qualityCsv(rows: readonly QualityRow[], labels: Labels): string {
  const q = labels.quality;
  const header = [q.file, q.line, q.level, q.input, q.reason, q.recordId, q.rawLine];
  // Codes in the page's language: 'erreur', 'factures' on a French page, as the page words them.
  const body = rows.map((r) => [r.source_file ?? '', r.line === null ? '' : String(r.line), q.severity[r.severity] ?? r.severity, q.inputNames[r.input] ?? r.input, r.reason, r.record_id ?? '', r.raw_line ?? '']);
  return csvFile(header, body, csvDelimiter(labels.locale));
}
