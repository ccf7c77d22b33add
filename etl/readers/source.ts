// The export as DuckDB can read it, whatever its name says: a workbook as a CSV of its sheet, a
// text file in UTF-8 or Latin-1 as it is, any other encoding (UTF-16, Windows-1252, CP850…) as a
// UTF-8 copy. Says what it found, for the run's log, and stops on what cannot be read right.
// openExport reads an open-items or collections-log export that way into its raw table.
import { readFileSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';

import iconv from 'iconv-lite';

import type { Config, OpenItemsFile } from '../config.ts';
import type { Database } from '../../shared/duckdb.ts';
import { readDelimited, writeUtf8Copy, type ReportFile } from './delimited.ts';
import { fileSignature, firstLineIsUtf8, scanBytes } from './encoding.ts';
import { InputError } from './errors.ts';
import { workbookAsCsv } from './excel.ts';
import { findHeaderRow } from './header-row.ts';
import type { LineSegment } from './lines.ts';

type Encoding = Config['openItems']['encoding'];
type ExportKind = OpenItemsFile | 'actions' | 'contacts' | 'statuses';

export interface ReadableSource {
  /** The file DuckDB reads: the export itself, or a UTF-8 copy of it. */
  path: string;
  format: 'csv' | 'xlsx';
  /** The export's encoding as detected or set (for the run's log). */
  encoding: string;
  duckdbEncoding: 'utf-8' | 'latin-1';
  encodingHint: string;
  /** A workbook's CSV copy: its delimiter and the sheet rows of its records. */
  delimiter?: string;
  lines?: LineSegment[];
  sheet?: string;
  /** A workbook whose header is not its first row: the header's sheet row and the rows above it (a report's title). */
  workbookHeader?: { row: number; above: string[] };
}

/**
 * The export as DuckDB can read it, whatever its name says: an .xlsx as a CSV of its sheet; UTF-16
 * (Excel's "Unicode text"), Windows-1252, ISO-8859-15 or CP850 decoded to a UTF-8 copy; UTF-8
 * and, when set, Latin-1 as they are. An explicit openItems.encoding wins over detection, except
 * that a UTF-16 file read as anything else would be noise: that stops the run, naming it.
 */
export async function readableSource(
  path: string,
  sourceFile: string,
  kind: ExportKind,
  setting: Encoding,
  scratchDir: string,
  header: { names?: string[]; headerRow?: number } = {},
): Promise<ReadableSource> {
  const signature = fileSignature(path);
  if (signature === 'xls') {
    throw new InputError(
      sourceFile,
      null,
      // A password-protected .xlsx is an OLE file too.
      'is an Excel 97–2003 workbook (.xls) or a password-protected workbook, which encours does not read: open it in Excel and save it as "Excel Workbook (.xlsx)" without a password, or as CSV',
    );
  }
  if (signature === 'xlsx') {
    const workbook = await workbookAsCsv(path, sourceFile, kind, header);
    return {
      ...(workbook.headerRow > 1 ? { workbookHeader: { row: workbook.headerRow, above: workbook.above } } : {}),
      path: writeUtf8Copy(workbook.csv, `${basename(path)}.csv`, scratchDir),
      format: 'xlsx',
      encoding: 'xlsx',
      duckdbEncoding: 'utf-8',
      encodingHint: '',
      delimiter: ',',
      lines: workbook.lines,
      sheet: workbook.sheet,
    };
  }
  const hint = (detected: string) =>
    `the file's bytes read as ${detected}: set openItems.encoding to "${detected}" in encours.config.json (or remove it to detect the encoding)`;
  if (signature === 'utf-16le' || signature === 'utf-16be') {
    if (setting !== 'auto') {
      throw new InputError(
        sourceFile,
        null,
        `is UTF-16 text (Excel's "Unicode text"), not ${setting} as openItems.encoding says; remove openItems.encoding (or set it to "auto") to read it`,
      );
    }
    return copy(path, iconv.decode(readFileSync(path), signature), signature, scratchDir);
  }
  const scan = setting === 'auto' || setting === 'utf-8' ? scanBytes(path) : null;
  const encoding = setting === 'auto' ? scan!.encoding : setting;
  if (setting === 'utf-8' && scan!.encoding !== 'utf-8' && !firstLineIsUtf8(path)) {
    // DuckDB would take the first valid line for the header: say what is wrong instead.
    throw new InputError(sourceFile, 1, `the header is not valid UTF-8 although openItems.encoding says "utf-8"; ${hint(scan!.encoding)}`);
  }
  if (encoding === 'utf-8' || encoding === 'latin-1') {
    if (!scan?.crcrlf) {
      return {
        path,
        format: 'csv',
        encoding,
        duckdbEncoding: encoding,
        encodingHint: scan && scan.encoding !== 'utf-8' ? hint(scan.encoding) : 'if the file is Latin-1 or Windows-1252, set openItems.encoding',
      };
    }
  }
  let text = iconv.decode(readFileSync(path), encoding === 'latin-1' ? 'iso-8859-1' : encoding);
  // CR CR LF line ends would read as blank lines between the rows.
  if (scan?.crcrlf) text = text.replaceAll('\r\r\n', '\n');
  return copy(path, text, encoding, scratchDir);
}

export interface OpenedExport {
  /** How the file is named in messages and in source_file: its path under the input folder. */
  sourceFile: string;
  source: ReadableSource;
  rows: number;
  rejectedRows: number;
}

/**
 * Reads one export of the input folder into `table` (readDelimited): an empty file stops the run,
 * any encoding or workbook is made readable first (readableSource), and checkHeader, given the
 * header and the file's name for its messages, returns the select list or throws. Shared by the
 * open-items files and the collections log, which are written the same way (openItems settings).
 */
export async function openExport(
  db: Database,
  { path, kind, table, inputDir, settings, scratchDir, checkHeader, dropEmptyRows, headerNames }: {
    path: string;
    kind: ExportKind;
    table: string;
    inputDir: string;
    settings: { encoding: Encoding; delimiter: string; headerRow?: number };
    scratchDir: string;
    checkHeader: (header: string[], sourceFile: string) => string[];
    dropEmptyRows?: string[];
    /** The file's names of the columns its mapping requires: the header is the line that holds them all (findHeaderRow). */
    headerNames?: string[];
  },
): Promise<OpenedExport> {
  const sourceFile = relative(inputDir, path) || basename(path);
  if (statSync(path).size === 0) throw new InputError(sourceFile, null, `the ${kind} file is empty (0 bytes); expected a header line and rows`);
  const source = await readableSource(path, sourceFile, kind, settings.encoding, scratchDir, { names: headerNames, headerRow: settings.headerRow });
  // A report: a CSV's title lines are skipped by DuckDB; a workbook's copy starts at its header already.
  const report = source.format === 'csv' && headerNames
    ? reportHeader(source, { delimiter: settings.delimiter, names: headerNames, headerRow: settings.headerRow })
    : source.workbookHeader
      ? { skip: 0, above: source.workbookHeader.above, delimiter: ',', headerLine: source.workbookHeader.row }
      : undefined;
  const { rows, rejectedRows } = await readDelimited(db, {
    path: source.path,
    sourceFile,
    table,
    delimiter: report?.delimiter ?? source.delimiter ?? settings.delimiter,
    report,
    encoding: source.duckdbEncoding,
    quoted: true,
    encodingHint: source.encodingHint,
    lines: source.lines,
    dropEmptyRows,
    checkHeader: (header) => {
      try {
        return checkHeader(header, sourceFile);
      } catch (error) {
        // A report's header is not line 1: name its line, and the setting that chose it.
        if (!(error instanceof InputError) || !report || error.line !== 1) throw error;
        const line = report.headerLine ?? report.skip + 1;
        const set = settings.headerRow !== undefined ? ` (openItems.headerRow says the header is line ${line}: correct it, or remove it to let the header be found)` : '';
        throw new InputError(sourceFile, line, `${error.detail}${set}`);
      }
    },
  });
  return { sourceFile, source, rows, rejectedRows };
}

/**
 * A report saved as CSV: its header below title lines or a `sep=` line, or set by
 * openItems.headerRow. undefined for a file whose header is its first line (nearly every export),
 * which is read as it always was.
 */
function reportHeader(source: ReadableSource, { delimiter, names, headerRow }: { delimiter: string; names: string[]; headerRow?: number }): ReportFile | undefined {
  const found = findHeaderRow(source.path, { encoding: source.duckdbEncoding, delimiter, names, headerRow });
  if (found.skip === 0 && headerRow === undefined) return undefined;
  return { skip: found.skip, above: found.above, delimiter: found.delimiter ?? (delimiter === 'auto' ? ',' : delimiter) };
}

function copy(path: string, text: string, encoding: string, scratchDir: string): ReadableSource {
  return { path: writeUtf8Copy(text, path, scratchDir), format: 'csv', encoding, duckdbEncoding: 'utf-8', encodingHint: '' };
}
