// Reads a status export from an accredited e-invoicing platform (plateforme agréée) — one line or
// record per lifecycle status of an invoice — into raw_statuses: every field as text under our
// names (etl/config.ts statusExportColumns), with its file and line. Optional (absent = an empty
// table). A CSV is read like the collections log (openItems' delimiter and encoding); a JSON file
// is an array of records, or an object holding one under statuses, statuts, data, items, events
// or results, each record's line being the line its '{' opens on. Casting and validation happen in
// stg_invoice_statuses, so a bad status becomes a quality row with its file and line, not a crash.
import { globSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';

import { ConfigError, statusExportColumns, type Config } from '../config.ts';
import { sqlString, type Database } from '../../shared/duckdb.ts';
import { InputError } from './errors.ts';
import { mapHeader, type InputFile } from './open-items.ts';
import { openExport } from './source.ts';

const columns = [...statusExportColumns.required, ...statusExportColumns.optional];
/** Where platforms put the list of statuses when the file is an object rather than an array. */
const listKeys = ['statuses', 'statuts', 'data', 'items', 'events', 'results'];

export async function readStatusExport(db: Database, inputDir: string, config: Config, scratchDir: string): Promise<InputFile[]> {
  const mapping = config.einvoice.columns;
  for (const key of Object.keys(mapping)) {
    if (!(columns as readonly string[]).includes(key)) throw new ConfigError(`einvoice.columns.${key}: unknown column; expected one of ${columns.join(', ')}`);
  }
  const paths = [...new Set(config.einvoice.files.flatMap((pattern) => globSync(pattern, { cwd: inputDir })))].sort().map((file) => join(inputDir, file));
  const read: InputFile[] = [];
  const parts: string[] = [];
  for (const [index, path] of paths.entries()) {
    const table = `raw_statuses_${index}`;
    const rows = extname(path).toLowerCase() === '.json'
      ? await readJsonFile(db, { path, table, inputDir, mapping, scratchDir })
      : await readCsvFile(db, { path, table, inputDir, config, scratchDir });
    read.push({ path, kind: 'statuses', ...rows });
    parts.push(`select source_file, line, ${columns.join(', ')} from ${table}`);
  }
  const empty = `select null::varchar as source_file, null::bigint as line, ${columns.map((c) => `null::varchar as ${c}`).join(', ')} limit 0`;
  await db.run(`create or replace view raw_statuses as ${parts.length ? parts.join(' union all ') : empty}`);
  return read;
}

async function readCsvFile(db: Database, { path, table, inputDir, config, scratchDir }: { path: string; table: string; inputDir: string; config: Config; scratchDir: string }) {
  const { rows, rejectedRows } = await openExport(db, {
    path,
    kind: 'statuses',
    table,
    inputDir,
    settings: { encoding: config.openItems.encoding, delimiter: config.openItems.delimiter },
    scratchDir,
    checkHeader: (header, sourceFile) => {
      const mapped = mapHeader(header, columns, statusExportColumns.required, config.einvoice.columns);
      if (mapped.missing.length) throw new InputError(sourceFile, 1, missingMessage(mapped.missing.map((c) => `${c.theirs} (${c.ours})`), header));
      return mapped.select;
    },
  });
  return { rows, rejectedRows };
}

/** The records of a JSON export as rows of `table`, under our names, each with the line its record opens on. */
async function readJsonFile(
  db: Database,
  { path, table, inputDir, mapping, scratchDir }: { path: string; table: string; inputDir: string; mapping: Record<string, string>; scratchDir: string },
) {
  const sourceFile = relative(inputDir, path) || basename(path);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(sourceFile, null, `is not readable as JSON (${(error as Error).message}); a status export is an array of records, or an object holding one under ${listKeys.join(', ')}`);
  }
  const listKey = Array.isArray(parsed) ? null : listKeys.find((key) => Array.isArray((parsed as Record<string, unknown> | null)?.[key]));
  const records = Array.isArray(parsed) ? parsed : listKey ? ((parsed as Record<string, unknown[]>)[listKey] ?? []) : null;
  if (!records) throw new InputError(sourceFile, 1, `holds no list of statuses: expected an array of records, or an object holding one under ${listKeys.join(', ')}`);
  const lines = recordLines(text, listKey ?? null);
  const fieldNames = new Set(records.flatMap((r) => (r && typeof r === 'object' && !Array.isArray(r) ? Object.keys(r) : [])));
  const mapped = mapHeader([...fieldNames], columns, statusExportColumns.required, mapping);
  if (records.length && mapped.missing.length) throw new InputError(sourceFile, 1, missingMessage(mapped.missing.map((c) => `${c.theirs} (${c.ours})`), [...fieldNames]));
  const theirs = new Map(mapped.present.map((p) => [p.ours, p.theirs]));
  const rows = records.map((record, i) => {
    const fields = record && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : {};
    const row: Record<string, string | number | null> = { source_file: sourceFile, line: lines[i] ?? null };
    for (const column of columns) row[column] = text_(fields[theirs.get(column) ?? '']);
    return JSON.stringify(row);
  });
  const copy = join(scratchDir, `${basename(path)}.${table}.jsonl`);
  writeFileSync(copy, rows.length ? `${rows.join('\n')}\n` : '');
  const types = `{source_file: 'VARCHAR', line: 'BIGINT', ${columns.map((c) => `${c}: 'VARCHAR'`).join(', ')}}`;
  await db.run(
    rows.length
      ? `create or replace table ${table} as select * from read_json(${sqlString(copy)}, format = 'newline_delimited', columns = ${types})`
      : `create or replace table ${table} as select null::varchar as source_file, null::bigint as line, ${columns.map((c) => `null::varchar as ${c}`).join(', ')} limit 0`,
  );
  return { rows: rows.length, rejectedRows: 0 };
}

/** A JSON value as the text a CSV cell would hold: a code 212 and "212" alike; an object or list is not a field. */
function text_(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The line each record of the list opens on: a scan of the text that skips strings and counts
 * newlines, noting every '{' met directly inside the list (the top-level array, or the array
 * under `listKey` of the top-level object).
 */
function recordLines(text: string, listKey: string | null): number[] {
  const lines: number[] = [];
  const stack: { isList: boolean }[] = [];
  let line = 1;
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (c === ':') pendingKey = lastString;
    else if (c === '{' || c === '[') {
      const parent = stack.at(-1);
      if (c === '{' && parent?.isList) lines.push(line);
      const isList = c === '[' && (listKey === null ? stack.length === 0 : stack.length === 1 && pendingKey === listKey);
      stack.push({ isList });
      pendingKey = null;
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') pendingKey = null;
  }
  return lines;
}

function missingMessage(missing: string[], header: string[]): string {
  return `the status export lacks field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; it has ${header.join(', ')}. Map your field names in encours.config.json (einvoice.columns).`;
}
