// The physical line where each record of a delimited file starts, for the line numbers of the
// quality report. DuckDB numbers neither kept rows nor blank lines: a kept row is known only by
// its position, and a rejected line by a count that skips the line ends inside quoted fields. A
// file with no blank line and no multi-line field (nearly every export) is one segment and costs
// one count of line ends; otherwise each run of records on consecutive lines is a segment.
import { closeSync, openSync, readSync } from 'node:fs';

import { forEachLineChunk } from './line-chunks.ts';

/**
 * Records from `record` on (0 = the first after the header) start on consecutive lines from
 * `line`; `duckdbLine` is the number DuckDB gives the same line in its rejects table (which does
 * not count the line ends inside quoted fields).
 */
export interface LineSegment {
  record: number;
  line: number;
  duckdbLine: number;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Scans the file in 16 MiB chunks. `quoted`: a '"' opens and closes a field that may span lines
 * (every '"' toggles, so a doubled '""' inside a field changes nothing). Lines that are empty (or
 * a lone CR) are skipped by DuckDB and here: they start no record. `skip`: the lines above the
 * header (a report's title lines, read_csv's skip), which DuckDB counts but reads nothing from.
 */
export function scanLines(path: string, { quoted, skip = 0 }: { quoted: boolean; skip?: number }): LineSegment[] {
  const first = { record: 0, line: skip + 2, duckdbLine: skip + 2 };
  if (!mayShiftLines(path, quoted)) return [first];
  const segments: LineSegment[] = [];
  let physical = 0; // lines started so far
  let duckdb = 0;
  let inQuote = false;
  let records = -2; // the header is record -1, the first row after it record 0
  let previousRecordLine = -1;
  forEachLine(path, quoted, (empty, oddQuotes) => {
    physical++;
    if (physical <= skip) {
      duckdb++;
      return;
    }
    if (inQuote) {
      if (oddQuotes) inQuote = false;
      return;
    }
    duckdb++;
    if (empty) return;
    records++;
    if (records === 0 || (records > 0 && physical !== previousRecordLine + 1)) segments.push({ record: records, line: physical, duckdbLine: duckdb });
    // previousRecordLine is a record's first line, so the record after a multi-line field starts a
    // segment too (DuckDB's count shifted there).
    previousRecordLine = physical;
    if (oddQuotes) inQuote = true;
  });
  return segments.length ? segments : [first];
}

/**
 * Whether the file has anything that shifts line numbers: a '"' (when quoted) or a blank line.
 * Most exports have neither, and this native search over the bytes costs a fraction of the
 * line-by-line scan (1.2 s for a million invoices).
 */
function mayShiftLines(path: string, quoted: boolean): boolean {
  const chunk = Buffer.alloc(16 * 2 ** 20);
  const fd = openSync(path, 'r');
  try {
    // Chunks overlap by two bytes, so that a blank line across a boundary is seen.
    for (let position = 0, first = true; ; first = false) {
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) return false;
      const bytes = chunk.subarray(0, read);
      if (first && (bytes[0] === LF || (bytes[0] === CR && bytes[1] === LF))) return true;
      if ((quoted && bytes.includes(QUOTE)) || bytes.includes('\n\n') || bytes.includes('\n\r\n')) return true;
      if (read < chunk.length) return false;
      position += read - 2;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Calls `line` for each line with whether it is empty (or a lone CR) and whether it holds an odd
 * number of '"' (counted only when `quotes`). One forward pass per chunk: the next quote's
 * position is kept, never searched again from each line (which would be quadratic).
 */
function forEachLine(path: string, quotes: boolean, line: (empty: boolean, oddQuotes: boolean) => void): void {
  forEachLineChunk(path, (bytes) => {
    let nextQuote = quotes ? bytes.indexOf(QUOTE) : -1;
    const emit = (start: number, end: number) => {
      let odd = false;
      while (nextQuote !== -1 && nextQuote < end) {
        odd = !odd;
        nextQuote = bytes.indexOf(QUOTE, nextQuote + 1);
      }
      line(end === start || (end === start + 1 && bytes[start] === CR), odd);
    };
    let start = 0;
    for (let lf = bytes.indexOf(LF); lf !== -1; lf = bytes.indexOf(LF, start)) {
      emit(start, lf);
      start = lf + 1;
    }
    if (start < bytes.length) emit(start, bytes.length); // the file's last line, without a line feed
  });
}
