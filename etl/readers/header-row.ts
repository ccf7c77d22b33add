// Where a file's header is. An export is usually its header then its rows; a report saved as CSV
// (QuickBooks' A/R Aging Detail, Sage's balance âgée, Xero's Aged Receivables) starts with title
// lines — the report's name, the company, the date — and Excel writes `sep=;` on the first line
// of a CSV it means for Excel. The header is the first line, among the first ones, whose fields
// hold every column the mapping requires; openItems.headerRow names it by hand. The lines above
// it are skipped, and said so (raw_notes).
import { closeSync, openSync, readSync } from 'node:fs';

export interface HeaderRow {
  /** Lines before the header (0: the header is line 1). */
  skip: number;
  /** The delimiter that splits the header into the mapped columns (or `sep=` names), when found. */
  delimiter?: string;
  /** The text of the skipped lines, for the quality report. */
  above: string[];
}

/** Lines looked at for the header: a report's title block is a handful of lines. */
const MAX_TITLE_LINES = 50;
const candidates = [';', ',', '\t', '|'];

/**
 * The header row of the text file at `path` (UTF-8 or Latin-1, as DuckDB will read it): the line
 * `headerRow` names, else the first of the first lines whose fields hold every `names` (compared
 * without case), else line 1 (or line 2 after a `sep=` line) — which keeps today's messages for a
 * file whose header does not match.
 */
export function findHeaderRow(path: string, { encoding, delimiter, names, headerRow }: { encoding: 'utf-8' | 'latin-1'; delimiter: string; names: string[]; headerRow?: number }): HeaderRow {
  const lines = firstLines(path, encoding);
  if (headerRow !== undefined) {
    // The delimiter that splits the named line into the most fields, unless one is set.
    const line = lines[headerRow - 1] ?? '';
    const split = delimiter !== 'auto' ? delimiter : candidates.reduce((a, b) => (splitFields(line, b).length > splitFields(line, a).length ? b : a));
    return { skip: headerRow - 1, delimiter: split, above: lines.slice(0, headerRow - 1) };
  }
  const sep = /^sep=(.)\s*$/i.exec(lines[0] ?? '')?.[1];
  const start = sep === undefined ? 0 : 1;
  const tried = delimiter !== 'auto' ? [delimiter] : sep !== undefined ? [sep] : candidates;
  const wanted = names.map((n) => n.trim().toLowerCase());
  for (let i = start; i < lines.length; i++) {
    for (const d of tried) {
      const fields = splitFields(lines[i]!, d).map((f) => f.trim().toLowerCase());
      if (wanted.every((name) => fields.includes(name))) return { skip: i, delimiter: d, above: lines.slice(0, i) };
    }
  }
  return { skip: start, ...(sep !== undefined ? { delimiter: sep } : {}), above: lines.slice(0, start) };
}

/** The first lines of the file, without their line ends (and a UTF-8 BOM). */
export function firstLines(path: string, encoding: 'utf-8' | 'latin-1'): string[] {
  const buffer = Buffer.alloc(256 * 1024);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = buffer.subarray(0, read).toString(encoding === 'utf-8' ? 'utf8' : 'latin1').replace(/^\uFEFF/, '');
  return text.split('\n').slice(0, MAX_TITLE_LINES).map((line) => line.replace(/\r+$/, ''));
}

/** A line's fields under a delimiter, a quoted field ('"a;b"', '""' inside) taken whole. */
export function splitFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (line.startsWith(delimiter, i)) {
      fields.push(field);
      field = '';
      i += delimiter.length - 1;
    } else field += c;
  }
  fields.push(field);
  return fields;
}
