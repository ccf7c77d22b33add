// Reads FEC journal files (Fichier des Écritures Comptables, article A47 A-1 of the Livre des
// procédures fiscales) into raw_fec: one row per line, every field as trimmed text under our own
// names, with the file and line it came from. A file is a FEC when its header carries the FEC's
// columns, whatever its name. Typing is stg_fec_typed's job; the balance of each
// entry and each line's classification int_fec_entries' and int_fec_lines_checked', so a bad value becomes a quality row rather than a crash.
//
// What real exports do that the norm does not, and how it is met here: a BOM; Windows-1252,
// ISO-8859-15 or the DOS code page 850 instead of UTF-8 (told apart from the bytes); CR CR LF
// line ends; tab, pipe or semicolon separators; a trailing separator (a 19th empty column) or
// extra columns; fields padded with spaces and zero-padded amounts; Montant + Sens instead of
// Debit + Credit. Unquoted fields: a '"' in a label is kept as a character.
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

import iconv from 'iconv-lite';

import type { Config } from '../config.ts';
import type { Database } from '../../shared/duckdb.ts';
import { readDelimited, trimmedField, writeUtf8Copy } from './delimited.ts';
import { scanBytes } from './encoding.ts';
import { InputError } from './errors.ts';

/** The FEC's columns (their names in the norm) and ours. */
export const fecColumns = {
  JournalCode: 'journal_code',
  JournalLib: 'journal_lib',
  EcritureNum: 'entry_num',
  EcritureDate: 'entry_date',
  CompteNum: 'account',
  CompteLib: 'account_lib',
  CompAuxNum: 'aux_account',
  CompAuxLib: 'aux_lib',
  PieceRef: 'piece_ref',
  PieceDate: 'piece_date',
  EcritureLib: 'label',
  Debit: 'debit',
  Credit: 'credit',
  EcritureLet: 'letter_code',
  DateLet: 'letter_date',
  ValidDate: 'valid_date',
  Montantdevise: 'currency_amount',
  Idevise: 'currency',
} as const;

/** The variant some packages write: one amount and its direction (D or C) instead of Debit and Credit. */
const signedAmountColumns = { Montant: 'amount', Sens: 'direction' } as const;

export const rawFecColumns = [...Object.values(fecColumns), ...Object.values(signedAmountColumns)];

export type FecEncoding = Config['fec']['encoding'];

export interface FecFile {
  path: string;
  delimiter: string;
}

/** Enough FEC column names in a header to take it for a FEC (and to name what it lacks). */
const LOOKS_LIKE_FEC = 8;

/**
 * The FEC files of the input folder: every file whose first line carries the FEC's columns.
 * A file that carries most of them but not all stops the run, naming the missing ones.
 */
export function findFecFiles(inputDir: string): FecFile[] {
  const found: FecFile[] = [];
  for (const name of readdirSync(inputDir).sort()) {
    const path = join(inputDir, name);
    if (/\.(json|md|parquet)$/i.test(name) || name.startsWith('.') || !statSync(path).isFile()) continue;
    const header = firstLineOf(path);
    const delimiter = delimiterOf(header);
    const names = new Set(header.split(delimiter).map((column) => column.trim().toLowerCase()));
    const present = Object.keys(fecColumns).filter((column) => names.has(column.toLowerCase()));
    if (present.length < LOOKS_LIKE_FEC) continue;
    const signed = names.has('montant') && names.has('sens');
    const missing = Object.keys(fecColumns).filter(
      (column) => !names.has(column.toLowerCase()) && !(signed && (column === 'Debit' || column === 'Credit')),
    );
    if (missing.length) {
      throw new InputError(
        name,
        1,
        `looks like a FEC (it has ${present.length} of its 18 columns) but lacks ${missing.join(', ')}; a FEC has JournalCode, JournalLib, EcritureNum, EcritureDate, CompteNum, CompteLib, CompAuxNum, CompAuxLib, PieceRef, PieceDate, EcritureLib, Debit, Credit (or Montant and Sens), EcritureLet, DateLet, ValidDate, Montantdevise, Idevise`,
      );
    }
    found.push({ path, delimiter });
  }
  return found;
}

export interface FecRead {
  path: string;
  kind: 'fec';
  rows: number;
  rejectedRows: number;
  encoding: string;
}

/**
 * Reads every FEC file into raw_fec (source_file, line, then our column names, all text).
 * scratchDir: the run's folder for re-encoded copies (etl/run-folder.ts), removed with the run.
 */
export async function readFec(db: Database, files: FecFile[], inputDir: string, config: Config, scratchDir: string): Promise<FecRead[]> {
  const read: FecRead[] = [];
  const parts: string[] = [];
  for (const [index, file] of files.entries()) {
    const sourceFile = relative(inputDir, file.path) || basename(file.path);
    const table = `raw_fec_${index}`;
    const { path, encoding } = readableCopy(file.path, config.fec.encoding, scratchDir);
    const { rows, rejectedRows } = await readDelimited(db, {
      path,
      sourceFile,
      table,
      delimiter: file.delimiter,
      encoding: 'utf-8',
      quoted: false,
      encodingHint: 'set fec.encoding in encours.config.json',
      checkHeader: (header) => {
        const byName = new Map(header.map((name) => [name.trim().toLowerCase(), name]));
        return Object.entries({ ...fecColumns, ...signedAmountColumns }).map(([theirs, ours]) => {
          const actual = byName.get(theirs.toLowerCase());
          return actual === undefined ? `null::varchar as ${ours}` : `${trimmedField(actual)} as ${ours}`;
        });
      },
    });
    parts.push(`select * from ${table}`);
    read.push({ path: file.path, kind: 'fec', rows, rejectedRows, encoding });
  }
  await db.run(`create or replace view raw_fec as ${parts.length ? parts.join(' union all ') : emptyRawFec}`);
  if (read.every((file) => file.rows === 0)) {
    throw new InputError(relative(inputDir, files[0]!.path), 2, 'the FEC has a header and no lines');
  }
  return read;
}

const emptyRawFec = `select null::varchar as source_file, null::bigint as line, ${rawFecColumns.map((c) => `null::varchar as ${c}`).join(', ')} limit 0`;

/** An open-items run has no FEC: the staging models still read an (empty) raw_fec. */
export async function createEmptyRawFec(db: Database): Promise<void> {
  await db.run(`create or replace table raw_fec as ${emptyRawFec}`);
}

/**
 * The file as DuckDB can read it: UTF-8 files as they are, anything else (or CR CR LF line
 * ends, which would read as blank lines and shift every line number) decoded to a UTF-8 copy.
 * The file is scanned in chunks, so a FEC of several hundred megabytes is not held in memory.
 */
function readableCopy(path: string, setting: FecEncoding, scratchDir: string): { path: string; encoding: string } {
  const scan = scanBytes(path);
  const encoding = setting === 'auto' ? scan.encoding : setting === 'latin-1' ? 'iso-8859-1' : setting;
  if (encoding === 'utf-8' && !scan.crcrlf) return { path, encoding };
  let text = iconv.decode(readFileSync(path), encoding);
  if (scan.crcrlf) text = text.replaceAll('\r\r\n', '\n');
  return { path: writeUtf8Copy(text, path, scratchDir), encoding };
}

/** The first line of a file (its header), read from its first 64 KiB, without a BOM. */
function firstLineOf(path: string): string {
  const buffer = Buffer.alloc(65536);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  // Header names are ASCII, so any single-byte reading of them is right.
  return buffer.subarray(0, length).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '').split(/\r?\n|\r/, 1)[0] ?? '';
}

/** Tab, pipe or semicolon: whichever splits the header into the most fields. */
function delimiterOf(header: string): string {
  return ['\t', '|', ';'].reduce((best, candidate) => (header.split(candidate).length > header.split(best).length ? candidate : best));
}
