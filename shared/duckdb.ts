// The one place the project talks to DuckDB, shared by the ETL and the site: opening the database
// and turning its values into plain JS (BIGINT → number, DATE → 'YYYY-MM-DD'), so that no bigint
// ever meets JSON.stringify.
import { DuckDBInstance, JSDuckDBValueConverter, type DuckDBConnection, type DuckDBValueConverter, type JS } from '@duckdb/node-api';

/** A plain value: a LIST column (quality.reason_parts) comes as an array of plain values. */
export type Value = string | number | boolean | null | Value[];
export type Row = Record<string, Value>;

export interface Database {
  run(sql: string): Promise<void>;
  rows<T extends Row = Row>(sql: string): Promise<T[]>;
  value<T extends Value>(sql: string): Promise<T>;
  close(): void;
}

/** `path`: a database file (the bench's model-tables tool keeps every model there); in memory by default. */
export async function openDatabase(options: { memoryLimit?: string; tempDirectory?: string; path?: string } = {}): Promise<Database> {
  const instance = await DuckDBInstance.create(options.path ?? ':memory:', {
    ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
    ...(options.tempDirectory ? { temp_directory: options.tempDirectory } : {}),
  });
  const connection: DuckDBConnection = await instance.connect();
  const rows = async <T extends Row>(sql: string): Promise<T[]> => {
    const reader = await connection.runAndReadAll(sql);
    return reader.convertRowObjects(plainConverter) as T[];
  };
  return {
    async run(sql) {
      await connection.run(sql);
    },
    rows,
    async value<T extends Value>(sql: string) {
      const [row] = await rows(sql);
      return (row ? Object.values(row)[0] ?? null : null) as T;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
  return out;
}

/**
 * DuckDB's own JS conversion, each value then made plain as it is read: the rows come out as
 * plainRow(getRowObjectsJS()) gave them, without a second object per row (a site build reads
 * some million values). A LIST's items pass through here too.
 */
const plainConverter: DuckDBValueConverter<Value> = (value, type, converter) => plainValue(JSDuckDBValueConverter(value, type, converter as unknown as DuckDBValueConverter<JS>));

function plainValue(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
