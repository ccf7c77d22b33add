// Reads an open-items export (clients, invoices, payments, write-offs as CSV) into raw_* tables:
// every column as text under our own names, with the file and line it came from. Casting and
// validation happen in the staging models, so a bad value becomes a quality row, not a crash.
import { globSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';

import type { Config, OpenItemsFile } from '../config.ts';
import { openItemsColumns, openItemsFiles } from '../config.ts';
import type { Database } from '../db.ts';
import { sqlString } from '../db.ts';
import { InputError } from './errors.ts';

export interface InputFile {
  path: string;
  kind: OpenItemsFile;
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

export async function readOpenItems(db: Database, inputDir: string, config: Config): Promise<InputFile[]> {
  const files = findOpenItemsFiles(inputDir, config);
  if ((files.get('invoices') ?? []).length === 0) {
    throw new InputError(inputDir, null, `no invoices file found (looked for ${config.openItems.files.invoices ?? defaultPatterns.invoices})`);
  }
  await db.run(`create or replace table raw_rejects (source_file varchar, line bigint, reason varchar, raw_line varchar)`);
  const read: InputFile[] = [];
  for (const kind of openItemsFiles) {
    const columns = [...openItemsColumns[kind].required, ...openItemsColumns[kind].optional];
    const parts: string[] = [];
    for (const [index, path] of (files.get(kind) ?? []).entries()) {
      const table = `raw_${kind}_${index}`;
      read.push(await readOneFile(db, { path, kind, table, inputDir, config }));
      parts.push(`select * from ${table}`);
    }
    const empty = `select null::varchar as source_file, null::bigint as line, ${columns.map((c) => `null::varchar as ${c}`).join(', ')} limit 0`;
    await db.run(`create or replace table raw_${kind} as ${parts.length ? parts.join(' union all ') : empty}`);
  }
  if (read.filter((f) => f.kind === 'invoices').every((f) => f.rows + f.rejectedRows === 0)) {
    throw new InputError(relative(inputDir, files.get('invoices')![0]!), 2, 'the invoices file has a header and no rows');
  }
  return read;
}

async function readOneFile(
  db: Database,
  { path, kind, table, inputDir, config }: { path: string; kind: OpenItemsFile; table: string; inputDir: string; config: Config },
): Promise<InputFile> {
  const settings = config.openItems;
  const sourceFile = relative(inputDir, path) || basename(path);
  const mapping = settings.columns[kind] ?? {};
  const wanted = [...openItemsColumns[kind].required, ...openItemsColumns[kind].optional];
  if (statSync(path).size === 0) throw new InputError(sourceFile, null, `the ${kind} file is empty (0 bytes); expected a header line and rows`);
  const readable = transcodeIfNeeded(path, settings.encoding);
  const options = [
    'all_varchar = true',
    'header = true',
    settings.delimiter === 'auto' ? null : `delim = ${sqlString(settings.delimiter)}`,
    // DuckDB reads UTF-8 and Latin-1 itself; other code pages were transcoded above.
    `encoding = ${sqlString(settings.encoding === 'latin-1' ? 'latin-1' : 'utf-8')}`,
    'store_rejects = true',
    `rejects_table = '${table}_rejects'`,
    `rejects_scan = '${table}_scan'`,
  ].filter(Boolean);
  const source = `read_csv(${sqlString(readable)}, ${options.join(', ')})`;

  let header: string[];
  try {
    header = (await db.rows<{ column_name: string }>(`describe select * from ${source}`)).map((r) => r.column_name);
  } catch (error) {
    throw new InputError(sourceFile, 1, `cannot be read as a ${settings.delimiter === 'auto' ? '' : `'${settings.delimiter}'-separated `}CSV file (${firstLine(error)})`);
  }
  const byName = new Map(header.map((name) => [name.trim().toLowerCase(), name]));
  const select: string[] = [];
  const missing: string[] = [];
  for (const column of wanted) {
    const theirs = mapping[column] ?? column;
    const actual = byName.get(theirs.trim().toLowerCase());
    if (actual !== undefined) select.push(`nullif(trim(${quoteIdentifier(actual)}), '') as ${column}`);
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

  try {
    await db.run(`create or replace temp table ${table}_read as select row_number() over () as row_number, * from ${source}`);
  } catch (error) {
    throw new InputError(sourceFile, lineOf(error), `cannot be read (${firstLine(error)})`);
  }
  // Rows DuckDB could not split (too many or too few fields, invalid bytes) are kept as quality rows.
  await db.run(`
    insert into raw_rejects
    select ${sqlString(sourceFile)}, line,
           arg_min(case when error_type in ('INVALID UNICODE', 'INVALID ENCODING')
                        then 'INVALID ENCODING: the line is not valid UTF-8; if the file is Latin-1 or Windows-1252, set openItems.encoding'
                        else error_type || ': ' || error_message end, column_idx),
           any_value(csv_line)
    from ${table}_rejects
    group by line`);
  const rows = await db.value<number>(`select count(*) from ${table}_read`);
  const rejectedRows = await db.value<number>(`select count(distinct line) from ${table}_rejects`);
  // A kept row's line number: the header is line 1, and rejected lines are skipped in the numbering.
  await db.run(`
    create or replace table ${table} as
    with rejected as (select distinct line from ${table}_rejects),
    kept_lines as (
      select line, row_number() over (order by line) as row_number
      from range(2, ${rows + rejectedRows + 2}) as t(line)
      where line not in (select line from rejected)
    )
    select ${sqlString(sourceFile)} as source_file, kept_lines.line, ${select.join(', ')}
    from ${table}_read join kept_lines using (row_number)`);
  await db.run(`drop table ${table}_read; drop table ${table}_rejects; drop table ${table}_scan`);
  return { path, kind, rows, rejectedRows };
}

function transcodeIfNeeded(path: string, encoding: Config['openItems']['encoding']): string {
  if (encoding === 'utf-8' || encoding === 'latin-1') return path;
  const text = new TextDecoder(encoding).decode(readFileSync(path));
  const out = join(mkdtempSync(join(tmpdir(), 'encours-')), basename(path));
  writeFileSync(out, text);
  return out;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** DuckDB's CSV errors span many lines (settings, the offending line): keep what a user needs. */
function firstLine(error: unknown): string {
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
