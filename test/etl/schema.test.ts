// The warehouse is the analysts' contract: a column renamed or retyped without the data
// dictionary changing with it fails here, and so does a key column of DESIGN.md going missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { readDictionary } from '../../etl/dictionary.ts';
import { openDatabase, sqlString } from '../../shared/duckdb.ts';
import { lineageSchema } from '../../shared/lineage.ts';
import { martFiles, modelsDir } from '../../etl/model-graph.ts';
import { buildWarehouse, fixturesDir, type Warehouse } from '../helpers.ts';

/** DESIGN.md "Key columns": the names analysts and checks rely on, with the kind of type. */
const contract: Record<string, Record<string, 'text' | 'date' | 'decimal' | 'integer' | 'number'>> = {
  clients: { client_id: 'text', name: 'text', segment: 'text', sector: 'text', country: 'text', sales_rep: 'text', payment_terms: 'text', credit_limit: 'decimal', insured_limit: 'decimal' },
  invoices: { invoice_id: 'text', client_id: 'text', kind: 'text', issue_date: 'date', due_date: 'date', amount: 'decimal', open_amount: 'decimal', days_past_due: 'integer', bucket: 'text' },
  payments: { payment_id: 'text', client_id: 'text', payment_date: 'date', amount: 'decimal' },
  allocations: { invoice_id: 'text', source_id: 'text', allocation_date: 'date', amount: 'decimal' },
  ageing: { client_id: 'text', bucket: 'text', open_amount: 'decimal' },
  ageing_monthly: { month_end: 'date', client_id: 'text', bucket: 'text', open_amount: 'decimal' },
  quality: { source_file: 'text', line: 'integer', severity: 'text', reason: 'text' },
  kpi_monthly: { month_end: 'date', scope: 'text', scope_value: 'text', receivables: 'decimal', overdue: 'decimal', sales: 'decimal', dso_countback: 'number', dso_standard: 'number', best_possible_dso: 'number', add_days: 'number', cei: 'number' },
  client_scores: { month_end: 'date', client_id: 'text', score: 'number', grade: 'text', pd_12m: 'number', reason_1: 'text', reason_2: 'text', reason_3: 'text' },
  provisions: { month_end: 'date', method: 'text', bucket: 'text', client_id: 'text', amount: 'decimal' },
  dunning: { client_id: 'text', invoice_id: 'text', stage: 'text', reason: 'text', priority: 'number' },
  forecast: { week_start: 'date', expected_amount: 'decimal', low_amount: 'decimal', high_amount: 'decimal' },
};

const kinds: Record<string, (type: string) => boolean> = {
  text: (t) => t === 'VARCHAR',
  date: (t) => t === 'DATE',
  decimal: (t) => t.startsWith('DECIMAL'),
  integer: (t) => ['SMALLINT', 'INTEGER', 'BIGINT'].includes(t),
  number: (t) => /^(SMALLINT|INTEGER|BIGINT|DOUBLE|FLOAT|DECIMAL)/.test(t),
};

describe('data dictionary', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await buildWarehouse(join(fixturesDir, 'allocation'), { asOf: '2024-03-31' });
  });

  it('documents every mart, and only marts', () => {
    const marts = martFiles().map((m) => m.name).sort();
    const documented = martFiles().filter((m) => existsSync(join(modelsDir, m.subject, `${m.name}.json`))).map((m) => m.name).sort();
    expect(documented).toEqual(marts);
  });

  it.each(readDictionary().map((entry) => [entry.table, entry] as const))('%s: columns and types match the warehouse', async (table, entry) => {
    const actual = await wh.query<{ column_name: string; column_type: string }>(`select column_name, column_type from (describe ${table})`);
    expect(actual.map((c) => `${c.column_name} ${c.column_type}`)).toEqual(entry.columns.map((c) => `${c.name} ${c.type}`));
    for (const column of entry.columns) expect(column.description.length, `${table}.${column.name} has a description`).toBeGreaterThan(5);
  });

  it.each(Object.entries(contract))('%s holds the key columns of DESIGN.md', async (table, columns) => {
    const actual = new Map((await wh.query<{ column_name: string; column_type: string }>(`select column_name, column_type from (describe ${table})`)).map((c) => [c.column_name, c.column_type]));
    for (const [column, kind] of Object.entries(columns)) {
      expect(actual.has(column), `${table}.${column} exists`).toBe(true);
      expect(kinds[kind]!(actual.get(column)!), `${table}.${column} is ${kind}, got ${actual.get(column)}`).toBe(true);
    }
  });

  // Read from the files the run published, not from readDictionary(): the shipped dictionary must
  // describe each Parquet table an analyst opens, column for column, and name its contract columns.
  it('ships in the warehouse, describing each published table as its Parquet file has it', async () => {
    const shipped = JSON.parse(readFileSync(join(wh.dir, 'data_dictionary.json'), 'utf8')) as { table: string; columns: { name: string; type: string; description: string }[] }[];
    const published = readdirSync(wh.dir).filter((f) => f.endsWith('.parquet')).map((f) => f.replace('.parquet', '')).sort();
    expect(shipped.map((t) => t.table).sort()).toEqual(published);
    const db = await openDatabase();
    try {
      for (const table of published) {
        const parquet = await db.rows<{ column_name: string; column_type: string }>(`select column_name, column_type from (describe select * from read_parquet(${sqlString(join(wh.dir, `${table}.parquet`))}))`);
        const entry = shipped.find((t) => t.table === table)!;
        expect(entry.columns.map((c) => `${c.name} ${c.type}`), table).toEqual(parquet.map((c) => `${c.column_name} ${c.column_type}`));
      }
    } finally {
      db.close();
    }
    for (const [table, columns] of Object.entries(contract)) {
      const described = shipped.find((t) => t.table === table)?.columns ?? [];
      for (const column of Object.keys(columns)) expect(described.find((c) => c.name === column)?.description ?? '', `${table}.${column} is described`).not.toBe('');
    }
  });

  // Read from the published file: the about page shows each published table with what it is built from.
  it('ships in the warehouse, naming every published table under its subject with what it reads', () => {
    const shipped = lineageSchema.parse(JSON.parse(readFileSync(join(wh.dir, 'lineage.json'), 'utf8')));
    const marts = shipped.subjects.flatMap((s) => s.models.filter((m) => m.layer === 'marts').map((m) => m.name)).sort();
    const published = readdirSync(wh.dir).filter((f) => f.endsWith('.parquet')).map((f) => f.replace('.parquet', '')).sort();
    expect(marts).toEqual(published);
    const model = (name: string) => shipped.subjects.flatMap((s) => s.models).find((m) => m.name === name)!;
    // etl/models/kpis/ageing_company.sql adds up `ageing` (its only FROM): a roll-up of that mart.
    expect(shipped.subjects.find((s) => s.models.some((m) => m.name === 'ageing_company'))?.subject).toBe('kpis');
    expect(model('ageing_company').reads.marts).toEqual(['ageing']);
    expect(model('ageing').read_by).toContain('ageing_company');
  });
});

describe('KPI definitions', () => {
  it('are, word for word, in the header of the SQL model that computes them', async () => {
    const sql = readFileSync(martFiles().find((m) => m.name === 'kpi_monthly')!.path, 'utf8');
    const header = sql.split('\n').filter((line) => line.startsWith('--')).map((line) => line.replace(/^-- ?/, '')).join('\n');
    const entry = readDictionary().find((e) => e.table === 'kpi_monthly')!;
    const defined = entry.columns.filter((c) => ['dso_countback', 'dso_standard', 'best_possible_dso', 'add_days', 'cei', 'share_overdue', 'bad_debt_rate_12m', 'receivables_turnover'].includes(c.name));
    expect(defined).toHaveLength(8);
    for (const column of defined) {
      expect(header, column.name).toContain(column.description);
      expect(header, column.name).toContain(column.description_fr!);
    }
  });
});
