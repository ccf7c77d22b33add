// An Excel workbook (.xlsx) as the same raw text table a CSV export gives: one sheet written out
// as CSV, dates as ISO text, numbers as plain text with a decimal point, and each row keeping its
// sheet row number as its line. The staging models then read it like any other export.
import readXlsxFile from 'read-excel-file/node';

import { InputError } from './errors.ts';
import type { LineSegment } from './lines.ts';

export interface WorkbookAsCsv {
  /** CSV text (',' separated, every field quoted), from the header row down. */
  csv: string;
  sheet: string;
  /** The sheet row of each CSV record (see readDelimited). */
  lines: LineSegment[];
  /** The sheet row of the header (1 unless a report's title rows sit above it). */
  headerRow: number;
  /** The rows above the header (a report's title: its name, the company, the date), each as a CSV line. */
  above: string[];
}

/** Rows looked at for the header: a report's title block is a handful of rows (as in header-row.ts). */
const MAX_TITLE_ROWS = 50;

/** Sheet names that mean a file kind, in the languages exports are written in. */
const sheetNames: Record<string, string[]> = {
  clients: ['clients', 'customers', 'tiers'],
  invoices: ['invoices', 'factures', 'pieces', 'pièces'],
  payments: ['payments', 'reglements', 'règlements', 'encaissements'],
  writeoffs: ['writeoffs', 'write-offs', 'pertes'],
};

/**
 * The sheet named like the kind of file (or the first one), as CSV text from its header row down.
 * The header is the row `header.headerRow` names, else the first of the first rows whose cells hold
 * every `header.names` (compared without case, as findHeaderRow does for a CSV), else row 1: a
 * report exported to Excel (QuickBooks, Xero) has its title rows above it.
 */
export async function workbookAsCsv(path: string, sourceFile: string, kind: string, header: { names?: string[]; headerRow?: number } = {}): Promise<WorkbookAsCsv> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile<string>>>;
  try {
    // Numbers as the workbook stores them (text), not through a float: they are parsed in SQL.
    sheets = await readXlsxFile<string>(path, { parseNumber: (text) => text });
  } catch (error) {
    throw new InputError(sourceFile, null, `is an Excel workbook that cannot be read (${(error as Error).message.split('\n')[0]}); save it again from Excel as .xlsx, or as CSV`);
  }
  const names = sheetNames[kind] ?? [kind];
  const chosen = sheets.find((s) => names.includes(s.sheet.trim().toLowerCase())) ?? sheets[0];
  if (!chosen || chosen.data.length === 0) throw new InputError(sourceFile, null, 'is an Excel workbook with no rows in its first sheet');
  const width = Math.max(...chosen.data.map((row) => row.length));
  const start = headerIndex(chosen.data, header);
  const out: string[] = [];
  const lines: LineSegment[] = [];
  let previous = start + 1;
  chosen.data.slice(start).forEach((row, offset) => {
    const sheetRow = start + offset + 1;
    if (offset > 0 && row.every((value) => value === null || value === '')) return; // a blank row holds nothing
    const cells = Array.from({ length: width }, (_, i) => csvField(cellText(row[i] ?? null)));
    out.push(cells.join(','));
    if (offset > 0 && (lines.length === 0 || sheetRow !== previous + 1)) {
      lines.push({ record: out.length - 2, line: sheetRow, duckdbLine: sheetRow });
    }
    previous = sheetRow;
  });
  // As CSV lines, like a report's title lines in a CSV export (the quality note reads their values).
  const above = chosen.data.slice(0, start).map((row) => row.map((value) => csvField(cellText(value ?? null))).join(','));
  const firstRecord = start + 2;
  return {
    csv: `${out.join('\n')}\n`,
    sheet: chosen.sheet,
    lines: lines.length ? lines : [{ record: 0, line: firstRecord, duckdbLine: firstRecord }],
    headerRow: start + 1,
    above,
  };
}

/** The index of the header row among the sheet's rows (see workbookAsCsv). */
function headerIndex(rows: readonly (readonly unknown[])[], { names, headerRow }: { names?: string[]; headerRow?: number }): number {
  if (headerRow !== undefined) return Math.min(Math.max(0, headerRow - 1), rows.length - 1);
  if (!names?.length) return 0;
  const wanted = names.map((name) => name.trim().toLowerCase());
  const found = rows.slice(0, MAX_TITLE_ROWS).findIndex((row) => {
    const cells = row.map((value) => cellText(value ?? null).trim().toLowerCase());
    return wanted.every((name) => cells.includes(name));
  });
  return Math.max(0, found);
}

/**
 * Dates as YYYY-MM-DD (the workbook's date cells, whatever their display format), numbers at
 * Excel's own 15 significant digits: a stored 1705.0300000000002 is the 1705.03 Excel shows.
 */
/** A cell as read-excel-file gives it: text (numbers too, see parseNumber), boolean, Date or null. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  if (/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text)) return plainNumber(Number(text));
  return text;
}

function plainNumber(value: number): string {
  const digits = Number(value.toPrecision(15));
  // toFixed avoids the exponent form for small and large values; trailing zeros then go.
  const decimals = Math.min(20, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(digits) || 1)) - 1));
  return digits.toFixed(decimals).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function csvField(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
