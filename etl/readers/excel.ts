// An Excel workbook (.xlsx) as the same raw text table a CSV export gives: one sheet written out
// as CSV, dates as ISO text, numbers as plain text with a decimal point, and each row keeping its
// sheet row number as its line. The staging models then read it like any other export.
import readXlsxFile from 'read-excel-file/node';

import { InputError } from './errors.ts';
import type { LineSegment } from './lines.ts';

export interface WorkbookAsCsv {
  /** CSV text (',' separated, every field quoted). */
  csv: string;
  sheet: string;
  /** The sheet row of each CSV record (see readDelimited). */
  lines: LineSegment[];
}

/** Sheet names that mean a file kind, in the languages exports are written in. */
const sheetNames: Record<string, string[]> = {
  clients: ['clients', 'customers', 'tiers'],
  invoices: ['invoices', 'factures', 'pieces', 'pièces'],
  payments: ['payments', 'reglements', 'règlements', 'encaissements'],
  writeoffs: ['writeoffs', 'write-offs', 'pertes'],
};

/** The sheet named like the kind of file (or the first one), as CSV text. */
export async function workbookAsCsv(path: string, sourceFile: string, kind: string): Promise<WorkbookAsCsv> {
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
  const out: string[] = [];
  const lines: LineSegment[] = [];
  let previous = 1;
  chosen.data.forEach((row, index) => {
    const sheetRow = index + 1;
    if (index > 0 && row.every((value) => value === null || value === '')) return; // a blank row holds nothing
    const cells = Array.from({ length: width }, (_, i) => csvField(cellText(row[i] ?? null)));
    out.push(cells.join(','));
    if (index > 0 && (lines.length === 0 || sheetRow !== previous + 1)) {
      lines.push({ record: out.length - 2, line: sheetRow, duckdbLine: sheetRow });
    }
    previous = sheetRow;
  });
  return { csv: `${out.join('\n')}\n`, sheet: chosen.sheet, lines: lines.length ? lines : [{ record: 0, line: 2, duckdbLine: 2 }] };
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
