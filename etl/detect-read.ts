// How `npm run detect` reads an export to look at it: as the ETL reads it (etl/readers/source.ts:
// a workbook as a CSV of its sheet, UTF-16 "Unicode text" and Windows-1252 decoded), its
// delimiter and header row found from the lines themselves — a report's title lines, a `sep=`
// line, section rows (a customer's name alone) and total rows are set aside — so that DuckDB's
// sniffer never sees what it would misread (and never prints its dump).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sqlString, type Database } from '../shared/duckdb.ts';
import { firstLines, splitFields } from './readers/header-row.ts';
import { readableSource } from './readers/source.ts';
import { totalRowPattern } from './readers/report-rows.ts';

export interface SampledFile {
  /** The table holding up to `rows` data rows as text, under the header's names. */
  table: string;
  delimiter: string;
  /** The export's encoding, as the ETL detects it ('xlsx' for a workbook). */
  encoding: string;
  format: 'csv' | 'xlsx';
  /** Lines above the header (0: the header is line 1), and their text (a report's title: its date). */
  headerSkip: number;
  above: string[];
}

const delimiters = [';', ',', '\t', '|'];

/** Reads the first `rows` data rows of the export at `path` into `table`. */
export async function sampleExport(db: Database, path: string, name: string, table: string, rows: number): Promise<SampledFile> {
  // A decoded copy (UTF-16, a workbook) lives only until its sample is in the table.
  const scratch = mkdtempSync(join(tmpdir(), 'encours-detect-'));
  try {
    return await sample(db, path, name, table, rows, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function sample(db: Database, path: string, name: string, table: string, rows: number, scratch: string): Promise<SampledFile> {
  const source = await readableSource(path, name, 'invoices', 'auto', scratch);
  const lines = firstLines(source.path, source.duckdbEncoding).filter((_, i, all) => i < all.length - 1 || all[i] !== '');
  const sep = /^sep=(.)\s*$/i.exec(lines[0] ?? '')?.[1];
  const delimiter = source.delimiter ?? sep ?? likeliestDelimiter(lines);
  // The header: the first line split into as many fields as most lines are, most of them named.
  const widths = lines.map((line) => splitFields(line, delimiter).filter((f) => f.trim() !== '').length);
  const width = Math.max(...widths);
  const headerAt = Math.max(0, widths.findIndex((w, i) => w >= Math.max(2, width * 0.6) && /[A-Za-zÀ-ÿ]/.test(lines[i]!)));
  await db.run(`create or replace table ${table} as select * from read_csv(${sqlString(source.path)}, delim = ${sqlString(delimiter)}, header = true,
    skip = ${headerAt}, all_varchar = true, encoding = '${source.duckdbEncoding}', null_padding = true, ignore_errors = true, auto_detect = false,
    quote = '"', escape = '"') limit ${rows}`).catch(async () => {
    await db.run(`create or replace table ${table} as select * from read_csv(${sqlString(source.path)}, delim = ${sqlString(delimiter)}, header = true,
      skip = ${headerAt}, all_varchar = true, encoding = '${source.duckdbEncoding}', null_padding = true, ignore_errors = true) limit ${rows}`);
  });
  // A report's section rows (one value alone) and total rows are not items: out of the sample.
  const names = (await db.rows<{ column_name: string }>(`select column_name from (describe ${table})`)).map((r) => `"${r.column_name.replaceAll('"', '""')}"`);
  if (names.length > 1) {
    const filled = names.map((n) => `(case when nullif(trim(${n}), '') is not null then 1 else 0 end)`).join(' + ');
    await db.run(`delete from ${table} where ${filled} <= 1 or regexp_matches(trim(coalesce(${names[0]}, '')), ${sqlString(totalRowPattern.source)}, 'i')`);
  }
  return { table, delimiter, encoding: source.encoding, format: source.format, headerSkip: headerAt, above: lines.slice(sep === undefined ? 0 : 1, headerAt) };
}

/** The delimiter that splits the most lines into the same number (≥ 2) of fields. */
function likeliestDelimiter(lines: string[]): string {
  const score = (d: string) => {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = splitFields(line, d).length;
      if (n >= 2) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    return Math.max(0, ...[...counts].map(([n, times]) => times * Math.log2(n + 1)));
  };
  return delimiters.reduce((best, d) => (score(d) > score(best) ? d : best));
}
