// A long list's data file (<list>/rows.arrow, site/lib/lists.ts): the values each row is made
// from, in columns, as an Arrow IPC stream — written by the build, read by the browser
// (site/scripts/list.ts), which makes the rows with the same functions as the server
// (site/lib/list-rows.ts). Narrow on purpose, so that 10,000 clients stay under 1 MB a list:
//   - a text column whose values repeat (a segment, a rep, a stage, a date) is dictionary-encoded,
//     its index as narrow as its number of values; a column of mostly distinct texts stays plain;
//   - an amount (DECIMAL(18,2), a double in JS) travels as whole cents in an Int32 when every value
//     of the column fits and comes back exactly, else as a Float64;
//   - a count as the narrowest integer that holds its range; a flag as one bit.
// No compression: Arrow's JavaScript reads compressed buffers only with a codec brought in by hand
// (zstd, LZ4), and the server's own gzip already shrinks the file on the wire.
import {
  Bool, Dictionary, Field, Float64, Int16, Int32, Int8, RecordBatch, Schema, Struct, Table, Utf8, makeData, tableFromIPC, tableToIPC, vectorFromArray,
  type DataType,
} from 'apache-arrow';

/** How a record's field is written: text, an amount in the company currency, a whole number, any number, a flag, or a list of amounts. */
export type FieldKind = 'text' | 'amount' | 'integer' | 'number' | 'flag' | 'amounts';
export type FieldKinds<R> = { readonly [K in keyof R]-?: FieldKind };
type Value = string | number | boolean | null;

/** The file's own words: which list it is and what its rows need beyond their values (the currency, the buckets). */
export type ListMeta = Record<string, string>;

const centsKey = 'encours:cents';
const partOfKey = 'encours:part-of';

/** The records' fields in columns, as an Arrow IPC stream; `meta` goes in the schema's metadata. */
export function encodeList<R extends object>(kinds: FieldKinds<R>, records: readonly R[], meta: ListMeta): Uint8Array {
  const columns: { field: Field; values: Value[] }[] = [];
  for (const [name, kind] of Object.entries(kinds) as [string, FieldKind][]) {
    const values = records.map((r) => (r as Record<string, unknown>)[name]);
    if (kind === 'amounts') {
      const width = Math.max(0, ...values.map((v) => (v as number[]).length));
      for (let i = 0; i < width; i++) columns.push(column(`${name}.${i}`, 'amount', values.map((v) => (v as number[])[i] ?? 0), name));
    } else columns.push(column(name, kind, values.map((v) => (v === undefined ? null : (v as Value)))));
  }
  const fields = columns.map((c) => c.field);
  const children = columns.map((c) => vectorFromArray(c.values, c.field.type as DataType).data[0]!);
  const schema = new Schema(fields, new Map(Object.entries(meta)));
  const data = makeData({ type: new Struct(fields), length: records.length, nullCount: 0, children });
  return tableToIPC(new Table([new RecordBatch(schema, data)]), 'stream');
}

/** The records and the metadata of a file encodeList wrote (each list's module checks its own fields). */
export function decodeList(bytes: Uint8Array): { meta: ListMeta; records: Record<string, Value | number[]>[] } {
  const table = tableFromIPC(bytes);
  const records: Record<string, Value | number[]>[] = Array.from({ length: table.numRows }, () => ({}));
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name)!;
    const cents = field.metadata.get(centsKey) === '1';
    const partOf = field.metadata.get(partOfKey);
    for (let i = 0; i < table.numRows; i++) {
      const raw = vector.get(i) as Value;
      const value = cents && typeof raw === 'number' ? raw / 100 : raw;
      if (partOf) ((records[i]![partOf] ??= []) as number[]).push(value as number);
      else records[i]![field.name] = value;
    }
  }
  return { meta: Object.fromEntries(table.schema.metadata), records };
}

/** One column: its Arrow type chosen from its values, as narrow as they allow. */
function column(name: string, kind: Exclude<FieldKind, 'amounts'>, values: Value[], partOf?: string): { field: Field; values: Value[] } {
  const metadata = new Map<string, string>(partOf ? [[partOfKey, partOf]] : []);
  const field = (type: DataType) => new Field(name, type, true, metadata);
  switch (kind) {
    case 'text': {
      const distinct = new Set(values).size;
      // A dictionary pays its index on every row: worth it only when values repeat.
      return { field: field(distinct * 2 <= values.length ? new Dictionary(new Utf8(), indexType(distinct)) : new Utf8()), values };
    }
    case 'amount': {
      const cents = values.map((v) => (typeof v === 'number' ? Math.round(v * 100) : null));
      const exact = values.every((v, i) => v === null || (cents[i]! / 100 === v && Math.abs(cents[i]!) < 2 ** 31));
      if (!exact) return { field: field(new Float64()), values };
      metadata.set(centsKey, '1');
      return { field: field(new Int32()), values: cents };
    }
    case 'integer':
      return { field: field(integerType(values.filter((v): v is number => typeof v === 'number'))), values };
    case 'number':
      return { field: field(new Float64()), values };
    case 'flag':
      return { field: field(new Bool()), values };
  }
}

function indexType(distinct: number): Int8 | Int16 | Int32 {
  return distinct <= 2 ** 7 ? new Int8() : distinct <= 2 ** 15 ? new Int16() : new Int32();
}

function integerType(values: number[]): Int8 | Int16 | Int32 | Float64 {
  if (values.some((v) => !Number.isInteger(v))) return new Float64();
  const [low, high] = [Math.min(0, ...values), Math.max(0, ...values)];
  if (low >= -(2 ** 7) && high < 2 ** 7) return new Int8();
  if (low >= -(2 ** 15) && high < 2 ** 15) return new Int16();
  return low >= -(2 ** 31) && high < 2 ** 31 ? new Int32() : new Float64();
}

/** Each column of a list file: its name and Arrow type ('Dictionary<Int8, Utf8>', 'Int32'), for the bench and the tests. */
export function listColumns(bytes: Uint8Array): { name: string; type: string }[] {
  return tableFromIPC(bytes).schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
}
