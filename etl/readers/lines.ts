// The physical line where each record of a delimited file starts, for the line numbers of the
// quality report. DuckDB numbers neither kept rows nor blank lines: a kept row is known only by
// its position, and a rejected line by a count that skips the line ends inside quoted fields. A
// file with no blank line and no multi-line field (nearly every export) is one segment and costs
// one count of line ends; otherwise each run of records on consecutive lines is a segment.
import { closeSync, openSync, readSync } from 'node:fs';

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
 * a lone CR) are skipped by DuckDB and here: they start no record.
 */
export function scanLines(path: string, { quoted }: { quoted: boolean }): LineSegment[] {
  const segments: LineSegment[] = [];
  let physical = 0; // lines started so far
  let duckdb = 0;
  let inQuote = false;
  let records = -2; // the header is record -1, the first row after it record 0
  let previousRecordLine = -1;
  forEachLine(path, (bytes, start, end) => {
    physical++;
    if (inQuote) {
      if (quoted && oddQuotes(bytes, start, end)) inQuote = false;
      return;
    }
    duckdb++;
    if (end === start || (end === start + 1 && bytes[start] === CR)) return;
    records++;
    if (records === 0 || (records > 0 && physical !== previousRecordLine + 1)) segments.push({ record: records, line: physical, duckdbLine: duckdb });
    previousRecordLine = physical;
    if (quoted && oddQuotes(bytes, start, end)) inQuote = true;
  });
  // previousRecordLine is a record's first line, so the record after a multi-line field starts a
  // segment too (DuckDB's count shifted there).
  return segments.length ? segments : [{ record: 0, line: 2, duckdbLine: 2 }];
}

function oddQuotes(bytes: Buffer, start: number, end: number): boolean {
  let odd = false;
  for (let at = bytes.indexOf(QUOTE, start); at !== -1 && at < end; at = bytes.indexOf(QUOTE, at + 1)) odd = !odd;
  return odd;
}

/** Calls `line` with each line's bytes [start, end), without its LF, chunk by chunk. */
function forEachLine(path: string, line: (bytes: Buffer, start: number, end: number) => void): void {
  let chunk = Buffer.alloc(16 * 2 ** 20);
  const fd = openSync(path, 'r');
  try {
    let carried = 0;
    let position = 0;
    for (;;) {
      const read = readSync(fd, chunk, carried, chunk.length - carried, position);
      position += read;
      const filled = carried + read;
      if (read === 0) {
        if (filled > 0) line(chunk, 0, filled);
        break;
      }
      let start = 0;
      for (let lf = chunk.indexOf(LF, 0); lf !== -1 && lf < filled; lf = chunk.indexOf(LF, start)) {
        line(chunk, start, lf);
        start = lf + 1;
      }
      carried = filled - start;
      if (carried === chunk.length) chunk = Buffer.concat([chunk, Buffer.alloc(chunk.length)]); // a line longer than the chunk
      else chunk.copy(chunk, 0, start, filled);
    }
  } finally {
    closeSync(fd);
  }
}
