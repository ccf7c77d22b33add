// A report saved as CSV (QuickBooks' A/R Aging Detail, a balance âgée) holds rows that are not
// items: the title lines above its header, a section heading per customer or per bucket (one value
// alone on its row), total and subtotal rows, a footer. They are listed in raw_notes — the quality
// report's `info` rows, with their line and text — and never loaded. readDelimited calls these
// for a file whose header is not its first line (etl/readers/header-row.ts).
import { sqlString, type Database } from '../../shared/duckdb.ts';
import { trimmedField, type ReportFile } from './delimited.ts';
import { splitFields } from './header-row.ts';

/** The report-row columns readDelimited adds to a report's select list (and drops once used). */
export function reportRowColumns(header: string[]): string[] {
  const fields = header.map((column) => trimmedField(column));
  return [`coalesce(${fields.join(', ')}) as _row_label`, `(${fields.map((f) => `(${f} is not null)::int`).join(' + ')}) as _row_fields`];
}

/** Words that open a report's total or subtotal row, in the languages of our exports. */
const TOTAL_ROW = '^(total|totals|totaux|sous-total|sous total|subtotal|sub-total|grand total|total général|total general|summe|gesamt)\\b';
/** The same words as a RegExp (npm run detect leaves such rows out of its sample). */
export const totalRowPattern = new RegExp(TOTAL_ROW);

/**
 * Lists a report's rows that are not items in raw_notes and deletes them: total rows (their first
 * value says so), rows holding one value (a section heading, a footer), and — once — the lines
 * above the header. Each stays in the quality report as `info`, with its line and text.
 */
export async function noteReportRows(db: Database, table: string, sourceFile: string, report: ReportFile): Promise<void> {
  const file = sqlString(sourceFile);
  const count = report.above.length;
  if (count > 0) {
    // Each line as its values read, without the quotes and empty fields of a CSV title line.
    const text = (line: string) => (/^sep=/i.test(line) ? line.trim() : splitFields(line, report.delimiter).map((v) => v.trim()).filter(Boolean).join(' '));
    const shown = report.above.map((line) => (text(line) ? `"${text(line).slice(0, 60)}"` : '(blank)')).join(', ');
    const headerLine = report.headerLine ?? report.skip + 1;
    await db.run(`insert into raw_notes values (${file}, 1, ${sqlString(`${count} line${count > 1 ? 's' : ''} above the header (line ${headerLine}) skipped: ${shown}`)}, ${sqlString(report.above.join('\n'))})`);
  }
  await db.run(`
    insert into raw_notes
    select ${file}, line,
           case when regexp_matches(lower(_row_label), '${TOTAL_ROW}')
                then 'total row ''' || _row_label || ''' of the report: not loaded'
                else 'row with one value, ''' || _row_label || ''' (a heading or a footer of the report): not loaded' end,
           _row_label
    from ${table}
    where regexp_matches(lower(_row_label), '${TOTAL_ROW}') or _row_fields = 1`);
  await db.run(`delete from ${table} where regexp_matches(lower(_row_label), '${TOTAL_ROW}') or _row_fields = 1`);
  await db.run(`alter table ${table} drop column _row_label; alter table ${table} drop column _row_fields`);
}

/** A report's rejected lines of one value (a section heading DuckDB found short of columns), listed in raw_notes; returns how many. */
export async function noteSectionLines(db: Database, table: string, sourceFile: string, delimiter: string): Promise<number> {
  const short = await db.rows<{ line: number; csv_line: string }>(`
    select any_value(physical_line) as line, any_value(csv_line) as csv_line
    from ${table}_rejected
    where error_type = 'MISSING COLUMNS'
    group by line`);
  const sections = short
    .map(({ line, csv_line }) => ({ line, values: splitFields(csv_line.replace(/^[\r\n]+|[\r\n]+$/g, ''), delimiter).map((v) => v.trim()).filter(Boolean) }))
    .filter(({ values }) => values.length === 1);
  for (const { line, values } of sections) {
    const label = values[0]!;
    await db.run(`insert into raw_notes values (${sqlString(sourceFile)}, ${Number(line)}, ${sqlString(`row with one value, '${label}' (a heading or a footer of the report): not loaded`)}, ${sqlString(label)})`);
  }
  return sections.length;
}
