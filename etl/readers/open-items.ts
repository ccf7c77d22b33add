// Reads an open-items export (clients, invoices, payments, write-offs as CSV) into raw_* tables:
// every column as text under our own names, with the file and line it came from. Casting and
// validation happen in the staging models, so a bad value becomes a quality row, not a crash.
import { globSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

import type { Config, OpenItemsFile } from '../config.ts';
import { openItemsColumns, openItemsFiles } from '../config.ts';
import type { Database } from '../db.ts';
import { readDelimited, trimmedField, writeUtf8Copy } from './delimited.ts';
import { InputError } from './errors.ts';

export interface InputFile {
  path: string;
  kind: OpenItemsFile | 'fec' | 'actions' | 'contacts';
  rows: number;
  rejectedRows: number;
}

const defaultPatterns: Record<OpenItemsFile, string> = {
  clients: 'clients*.csv',
  invoices: 'invoices*.csv',
  payments: 'payments*.csv',
  writeoffs: 'writeoffs*.csv',
};

/** Files of the input folder for each logical file, by the configured glob (or the default name). */
export function findOpenItemsFiles(inputDir: string, config: Config): Map<OpenItemsFile, string[]> {
  const found = new Map<OpenItemsFile, string[]>();
  for (const kind of openItemsFiles) {
    const pattern = config.openItems.files[kind] ?? defaultPatterns[kind];
    found.set(kind, globSync(pattern, { cwd: inputDir }).sort().map((file) => join(inputDir, file)));
  }
  return found;
}

/**
 * Reads the open-items files into raw_clients, raw_invoices, raw_payments and raw_writeoffs (empty
 * when a file is absent). Beside a FEC only the clients file is read: the FEC holds the ledger.
 * scratchDir: the run's folder for re-encoded copies (etl/run-folder.ts), removed with the run.
 */
export async function readOpenItems(
  db: Database,
  inputDir: string,
  config: Config,
  { besideFec = false, scratchDir }: { besideFec?: boolean; scratchDir: string },
): Promise<InputFile[]> {
  const files = findOpenItemsFiles(inputDir, config);
  if (besideFec) for (const kind of ['invoices', 'payments', 'writeoffs'] as const) files.set(kind, []);
  if (!besideFec && (files.get('invoices') ?? []).length === 0) {
    throw new InputError(inputDir, null, `no ledger found: no FEC journal file and no invoices file (looked for ${config.openItems.files.invoices ?? defaultPatterns.invoices})`);
  }
  const read: InputFile[] = [];
  for (const kind of openItemsFiles) {
    const columns = [...openItemsColumns[kind].required, ...openItemsColumns[kind].optional];
    const parts: string[] = [];
    for (const [index, path] of (files.get(kind) ?? []).entries()) {
      const table = `raw_${kind}_${index}`;
      read.push(await readOneFile(db, { path, kind, table, inputDir, config, scratchDir }));
      parts.push(`select * from ${table}`);
    }
    const empty = `select null::varchar as source_file, null::bigint as line, ${columns.map((c) => `null::varchar as ${c}`).join(', ')} limit 0`;
    await db.run(`create or replace view raw_${kind} as ${parts.length ? parts.join(' union all ') : empty}`);
  }
  if (!besideFec && read.filter((f) => f.kind === 'invoices').every((f) => f.rows + f.rejectedRows === 0)) {
    throw new InputError(relative(inputDir, files.get('invoices')![0]!), 2, 'the invoices file has a header and no rows');
  }
  return read;
}

async function readOneFile(
  db: Database,
  { path, kind, table, inputDir, config, scratchDir }: { path: string; kind: OpenItemsFile; table: string; inputDir: string; config: Config; scratchDir: string },
): Promise<InputFile> {
  const settings = config.openItems;
  const sourceFile = relative(inputDir, path) || basename(path);
  const mapping = settings.columns[kind] ?? {};
  const wanted = [...openItemsColumns[kind].required, ...openItemsColumns[kind].optional];
  if (statSync(path).size === 0) throw new InputError(sourceFile, null, `the ${kind} file is empty (0 bytes); expected a header line and rows`);
  const { rows, rejectedRows } = await readDelimited(db, {
    path: transcodeIfNeeded(path, settings.encoding, scratchDir),
    sourceFile,
    table,
    delimiter: settings.delimiter,
    // DuckDB reads UTF-8 and Latin-1 itself; other code pages were transcoded above.
    encoding: settings.encoding === 'latin-1' ? 'latin-1' : 'utf-8',
    quoted: true,
    encodingHint: 'if the file is Latin-1 or Windows-1252, set openItems.encoding',
    checkHeader: (header) => {
      const byName = new Map(header.map((name) => [name.trim().toLowerCase(), name]));
      const missing: string[] = [];
      const select: string[] = [];
      for (const column of wanted) {
        const theirs = mapping[column] ?? column;
        const actual = byName.get(theirs.trim().toLowerCase());
        if (actual !== undefined) select.push(`${trimmedField(actual)} as ${column}`);
        else if ((openItemsColumns[kind].required as readonly string[]).includes(column)) missing.push(`${theirs} (${column})`);
        else select.push(`null::varchar as ${column}`);
      }
      if (missing.length) {
        throw new InputError(
          sourceFile,
          1,
          header.length === 1
            ? `the ${kind} file's header reads as one single column (${header[0]!.slice(0, 120)}): is the delimiter right? Set openItems.delimiter in encours.config.json.`
            : `the ${kind} file lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; its header has ${header.join(', ')}. Map your column names in encours.config.json (openItems.columns.${kind}).`,
        );
      }
      return select;
    },
  });
  return { path, kind, rows, rejectedRows };
}

function transcodeIfNeeded(path: string, encoding: Config['openItems']['encoding'], scratchDir: string): string {
  if (encoding === 'utf-8' || encoding === 'latin-1') return path;
  return writeUtf8Copy(new TextDecoder(encoding).decode(readFileSync(path)), path, scratchDir);
}
