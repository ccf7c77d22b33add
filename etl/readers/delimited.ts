// Reads one delimited text file into a table: the file and line each row came from, then the
// columns the caller selects from its header (as text). Lines DuckDB cannot split (too many or too few fields, invalid
// bytes) go to raw_rejects instead of stopping the run. Both readers (open items, FEC) use it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { Database } from '../../shared/duckdb.ts';
import { sqlString } from '../../shared/duckdb.ts';
import { InputError } from './errors.ts';
import { scanLines, type LineSegment } from './lines.ts';
import { noteReportRows, noteSectionLines, reportRowColumns } from './report-rows.ts';

export interface DelimitedFile {
  /** The file DuckDB reads (UTF-8 or Latin-1). */
  path: string;
  /** How the file is named in messages and in the source_file column. */
  sourceFile: string;
  /** The table made: source_file, line, then the columns checkHeader selects. */
  table: string;
  /** 'auto' lets DuckDB sniff it. */
  delimiter: string;
  encoding: 'utf-8' | 'latin-1';
  /** FEC files have no quoting: a '"' in a label is a character, not a quote. */
  quoted: boolean;
  /** What to tell a user whose file is not UTF-8. */
  encodingHint: string;
  /** Called with the header before the rows are read: returns the SQL select list over the file's columns, or throws to stop the run. */
  checkHeader: (header: string[]) => string[];
  /** Where each record starts in the user's file, when it is not `path` itself (a converted workbook); scanned from `path` otherwise. */
  lines?: LineSegment[];
  /** Our columns whose being all empty drops the row (a spreadsheet's blank rows saved as ';;;;'): they carry nothing to report. */
  dropEmptyRows?: string[];
  /**
   * A report saved as CSV (etl/readers/header-row.ts): the lines above its header, skipped; its
   * section rows (one value alone: a customer's name, a footer) and total rows ("Total",
   * "Sous-total", "Total for X") are listed in raw_notes and not loaded.
   */
  report?: ReportFile;
}

/**
 * A report's layout: the lines DuckDB skips above the header (0 for a workbook's copy, which starts
 * at its header), the text of the lines or rows above the header, the delimiter, and the header's
 * line in the user's file when it is not skip + 1 (a workbook's sheet row).
 */
export interface ReportFile {
  skip: number;
  above: string[];
  delimiter: string;
  headerLine?: number;
}

export interface DelimitedRead {
  header: string[];
  rows: number;
  rejectedRows: number;
}

export async function readDelimited(db: Database, file: DelimitedFile): Promise<DelimitedRead> {
  const { sourceFile, table } = file;
  const options = [
    'all_varchar = true',
    'header = true',
    file.delimiter === 'auto' ? null : `delim = ${sqlString(file.delimiter)}`,
    file.report ? `skip = ${file.report.skip}` : null,
    file.quoted ? null : `quote = '', escape = ''`,
    `encoding = ${sqlString(file.encoding)}`,
    'store_rejects = true',
    `rejects_table = '${table}_rejects'`,
    `rejects_scan = '${table}_scan'`,
  ].filter(Boolean);
  const source = `read_csv(${sqlString(file.path)}, ${options.join(', ')})`;

  let header: string[];
  try {
    header = (await db.rows<{ column_name: string }>(`describe select * from ${source}`)).map((r) => r.column_name);
  } catch (error) {
    throw new InputError(sourceFile, 1, `cannot be read as a ${file.delimiter === 'auto' ? '' : `'${file.delimiter === '\t' ? 'tab' : file.delimiter}'-separated `}text file (${firstLine(error)})`);
  }
  const select = file.checkHeader(header);
  // A report's rows are told apart by their fields: the first that holds a value, and how many do.
  if (file.report) select.push(...reportRowColumns(header));

  try {
    // One pass, rows kept in file order; each is then numbered by its position (the header is
    // line 1), and rejected lines are accounted for below, in the rare file that has some.
    // Numbering by position after the fact, not with row_number() in the read: the window held
    // every row of a 2.9M-line FEC and took 1.8 s of the 4 s the read took.
    await db.run(`create or replace temp table ${table} as
      select ${sqlString(sourceFile)} as source_file, null::bigint as line, ${select.join(', ')} from ${source}`);
  } catch (error) {
    throw new InputError(sourceFile, lineOf(error), `cannot be read (${firstLine(error)})`);
  }
  const rejectedRows = await db.value<number>(`select count(distinct line) from ${table}_rejects`);
  const segments = file.lines ?? scanLines(file.path, { quoted: file.quoted, skip: file.report?.skip });
  const simple = segments.length === 1 && rejectedRows === 0;
  if (simple) {
    // Nearly every file: no blank line, no multi-line field, no rejected line.
    await db.run(`update ${table} set line = rowid + ${segments[0]!.line}`);
  } else {
    await numberLines(db, table, segments, rejectedRows);
  }
  const hint = file.encodingHint.replaceAll("'", "''");
  // A report's section rows are lines of one field, which DuckDB rejects for their missing columns.
  const sectionLines = file.report && rejectedRows > 0 && !simple ? await noteSectionLines(db, table, sourceFile, file.report.delimiter) : 0;
  if (rejectedRows > sectionLines) {
    await db.run(`
      insert into raw_rejects
      select ${sqlString(sourceFile)}, any_value(physical_line),
             arg_min(case when error_type in ('INVALID UNICODE', 'INVALID ENCODING')
                          then 'INVALID ENCODING: the line is not valid UTF-8; ${hint}'
                          else error_type || ': ' || error_message end, column_idx),
             any_value(csv_line)
      from ${table}_rejected
      ${file.report ? `where physical_line not in (select line from raw_notes where source_file = ${sqlString(sourceFile)})` : ''}
      group by line`);
  }
  if (file.report) await noteReportRows(db, table, sourceFile, file.report);
  if (file.dropEmptyRows?.length) {
    await db.run(`delete from ${table} where ${file.dropEmptyRows.map((c) => `${c} is null`).join(' and ')}`);
  }
  const rows = await db.value<number>(`select count(*) from ${table}`);
  if (!simple) await db.run(`drop table ${table}_segments; drop table ${table}_rejected`);
  await db.run(`drop table ${table}_rejects; drop table ${table}_scan`);
  return { header, rows, rejectedRows: rejectedRows - sectionLines };
}

/**
 * Numbers the rows by the physical line of the user's file. DuckDB gives a kept row no number
 * and a rejected one a count that skips the line ends inside quoted fields: each record k (0 =
 * the first after the header, kept or not) starts on the line its segment gives, the rejected
 * ones are found by their DuckDB count, and the n-th kept row is the n-th record not rejected.
 */
async function numberLines(db: Database, table: string, segments: LineSegment[], rejectedRows: number): Promise<void> {
  await db.run(`create or replace temp table ${table}_segments (record bigint, line bigint, duckdb_line bigint)`);
  const appender = segments.map((s) => `(${s.record}, ${s.line}, ${s.duckdbLine})`);
  for (let i = 0; i < appender.length; i += 10_000) await db.run(`insert into ${table}_segments values ${appender.slice(i, i + 10_000).join(', ')}`);
  await db.run(`create or replace temp table ${table}_rejected as
    select r.*, s.line + (r.line - s.duckdb_line) as physical_line
    from ${table}_rejects r asof join ${table}_segments s on r.line >= s.duckdb_line`);
  const rows = await db.value<number>(`select count(*) from ${table}`);
  await db.run(`update ${table} set line = rowid`);
  await db.run(`
    update ${table} set line = kept.line
    from (
      select row_number() over (order by k) - 1 as position, s.line + (k - s.record) as line
      from range(0, ${rows + rejectedRows}) as r(k) asof join ${table}_segments s on r.k >= s.record
      where s.line + (k - s.record) not in (select physical_line from ${table}_rejected)
    ) as kept
    where ${table}.line = kept.position`);
}

/**
 * Writes decoded text to a UTF-8 copy for DuckDB (which reads only UTF-8 and Latin-1), in the
 * run's own scratch folder (etl/run-folder.ts): a copy of the books is never left in the system
 * temp folder, and it goes when the run ends. One subfolder per copy: two inputs may share a name.
 */
export function writeUtf8Copy(text: string, name: string, scratchDir: string): string {
  const out = join(mkdtempSync(join(scratchDir, 'copy-')), basename(name));
  writeFileSync(out, text);
  return out;
}

/**
 * A field as text without surrounding spaces, NULL when empty. Trimmed only when there is a
 * space to trim: trimming each of the 20 fields of every line cost 1.3 s on a FEC of 2.9M lines.
 */
export function trimmedField(column: string): string {
  const field = quoteIdentifier(column);
  return `nullif(case when starts_with(${field}, ' ') or ends_with(${field}, ' ') then trim(${field}) else ${field} end, '')`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** DuckDB's CSV errors span many lines (settings, the offending line): keep what a user needs. */
export function firstLine(error: unknown): string {
  const useful = String((error as Error).message ?? error)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^(Original Line|Possible Solution|LINE \d+:|\^)/.test(line) && !line.includes(' = '));
  const text = useful.slice(0, 2).join(' — ').replace(/^[A-Za-z ]+Error: /, '');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function lineOf(error: unknown): number | null {
  const match = /line[: ]+(\d+)/i.exec(String((error as Error).message));
  return match ? Number(match[1]) : null;
}
