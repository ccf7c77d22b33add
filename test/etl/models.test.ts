// The model runner's plan: each model after what it reads, and intermediate tables dropped only
// once nothing later reads them (a wrong plan fails a run with "table does not exist", or keeps a
// large ledger's tables in memory until DuckDB spills them).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../etl/config.ts';
import { headerComment } from '../../etl/lineage.ts';
import { checksDir, type DeclaredTest, declaredTests, isBeforeAsOf, modelsDir, orderedModels, readSqlFiles, releasedAfter, tablesRead } from '../../etl/model-graph.ts';
import { runEtl } from '../../etl/pipeline.ts';
import { openDatabase } from '../../shared/duckdb.ts';
import { fixturesDir } from '../helpers.ts';

const models = orderedModels();
const checks = readSqlFiles(checksDir);
const released = releasedAfter(models, checks);

describe('the model plan', () => {
  it('runs every model after the models it reads', () => {
    const position = new Map(models.map((model, index) => [model.name, index]));
    for (const model of models) for (const dep of model.dependsOn) expect(position.get(dep), `${model.name} reads ${dep}`).toBeLessThan(position.get(model.name)!);
  });

  it('keeps staging to renaming and casting: no staging model reads another model', () => {
    for (const model of models.filter((m) => m.layer === 'staging')) expect(model.dependsOn, model.name).toEqual([]);
  });

  it('runs the FEC lines\' validation, which checks each line against its entry\'s totals, before the as-of date is set', () => {
    const beforeAsOf = models.filter((model) => isBeforeAsOf(model, models)).map((model) => model.name);
    expect(beforeAsOf).toEqual(expect.arrayContaining(['stg_fec_typed', 'int_fec_entries', 'int_fec_lines_checked', 'int_fec_lines']));
  });

  it('reads a model CTE as the CTE, not as the table of the same name', () => {
    expect([...tablesRead('with invoices as (select * from int_invoices) select * from invoices join clients using (client_id)')].sort()).toEqual(['clients', 'int_invoices']);
  });

  it('drops a table only after the last model that reads it, and never one a data test or a later step reads', () => {
    const readByChecks = new Set(checks.flatMap((check) => [...tablesRead(check.sql)]));
    models.forEach((model, index) => {
      for (const table of released.get(model.name) ?? []) {
        expect(readByChecks.has(table), `${table} is read by a data test`).toBe(false);
        const laterReader = models.slice(index + 1).find((later) => tablesRead(later.sql).has(table));
        expect(laterReader?.name, `${table} dropped after ${model.name}`).toBeUndefined();
        expect(models.find((m) => m.name === table)?.layer ?? 'raw', `${table} is not a mart`).not.toBe('marts');
      }
    });
  });

  it('drops the large intermediate tables before the marts that follow them', () => {
    const all = [...released.values()].flat();
    for (const table of ['raw_invoices', 'int_invoice_month_ends', 'int_invoice_balance_history', 'int_score_features']) expect(all).toContain(table);
  });

  it('runs the last reader of a large table before models that can wait, so the table is dropped early', () => {
    // int_big's only reader is z_reader; a_unrelated comes first in file order but reads only the
    // staging table, so z_reader runs right after int_big and int_big can go before a_unrelated runs.
    const dir = mkdtempSync(join(tmpdir(), 'encours-models-'));
    const model = (layer: string, name: string, sql: string) => {
      mkdirSync(join(dir, layer), { recursive: true });
      writeFileSync(join(dir, layer, `${name}.sql`), sql);
    };
    model('staging', 'stg_rows', 'select * from raw_rows');
    // Reads the as-of date, so it is not a valid-row model run with staging (see below).
    model('intermediate', 'int_big', "select * from stg_rows where d <= getvariable('as_of_date')");
    model('marts', 'a_unrelated', 'select count(*) from stg_rows');
    model('marts', 'z_reader', 'select count(*) from int_big');
    model('marts', 'b_reference', 'select 1 as one');
    const plan = orderedModels(dir);
    expect(plan.map((m) => m.name)).toEqual(['stg_rows', 'b_reference', 'int_big', 'z_reader', 'a_unrelated']);
    expect(releasedAfter(plan, []).get('z_reader')).toEqual(['int_big']);
  });

  it('runs the valid-row models (reading only staging, not the as-of date) with staging, before the as-of date is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-models-'));
    const model = (layer: string, name: string, sql: string) => {
      mkdirSync(join(dir, layer), { recursive: true });
      writeFileSync(join(dir, layer, `${name}.sql`), sql);
    };
    model('staging', 'stg_rows', 'select * from raw_rows');
    model('intermediate', 'int_cut', "select * from int_rows where d <= getvariable('as_of_date')");
    model('intermediate', 'int_rows', 'select * from stg_rows where reject_reason is null');
    model('marts', 'a_first_in_file_order', 'select 1 as one');
    // int_rows runs before the mart that reads nothing, which would otherwise come first.
    expect(orderedModels(dir).map((m) => m.name).slice(0, 2)).toEqual(['stg_rows', 'int_rows']);
  });
});

describe('tests declared beside a model', () => {
  it('compiles unique, not_null, relationships and expression tests to checks that return the offending rows', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'encours-declared-')), 'models');
    mkdirSync(join(dir, 'intermediate'), { recursive: true });
    writeFileSync(join(dir, 'intermediate', 'int_rows.sql'), 'select 1');
    writeFileSync(join(dir, 'intermediate', 'int_rows.json'), JSON.stringify({
      tests: [{ unique: ['a', 'b'] }, { unique: ['a'] }, { not_null: ['a'] }, { relationships: { column: 'client_id', to: 'int_clients', field: 'client_id' } }, { expression: 'amount > 0', description: 'amounts are positive' }],
    }));
    const [uniquePair, uniqueA, notNull, relationship, expression] = declaredTests(dir).get('int_rows')!;
    expect(uniquePair!.sql.split('\n')[0]).toBe('-- int_rows: a, b are together unique (declared in models/intermediate/int_rows.json)');
    expect(notNull!.sql.split('\n')[0]).toBe('-- int_rows: a is never NULL (declared in models/intermediate/int_rows.json)');
    expect(relationship!.sql.split('\n')[0]).toBe('-- int_rows: every client_id is a client_id of int_clients (declared in models/intermediate/int_rows.json)');
    expect(expression).toMatchObject({ name: 'int_rows__expression_amount_0', sql: expect.stringMatching(/^-- int_rows: amounts are positive \(declared in models\/intermediate\/int_rows\.json\)\n/) });
    const db = await openDatabase();
    const check = (sql: string) => db.rows(`select * from (${sql}) order by all`);
    await db.run(`create table int_clients as select * from (values ('C1'), ('C2')) as t(client_id)`);
    // Rows that pass every test: (1, x) and (2, x) differ in a, (1, y) in b; the NULL client has no parent to miss.
    await db.run(`create table int_rows as select * from (values (1, 'x', 'C1', 10), (2, 'x', 'C2', 5), (1, 'y', null, 1)) as t(a, b, client_id, amount)`);
    for (const test of [uniquePair!, notNull!, relationship!, expression!]) expect(await check(test.sql), test.name).toEqual([]);
    expect(await check(uniqueA!.sql)).toEqual([{ a: 1, occurrences: 2 }]);
    // Then one row that breaks each: (2, x) again, a NULL a, a client C9 no client has, an amount of 0.
    await db.run(`insert into int_rows values (2, 'x', 'C1', 3), (null, 'z', 'C9', 0), (null, 'w', 'C9', 4)`);
    expect(await check(uniquePair!.sql)).toEqual([{ a: 2, b: 'x', occurrences: 2 }]);
    expect(await check(notNull!.sql)).toEqual([{ a: null, b: 'w', client_id: 'C9', amount: 4 }, { a: null, b: 'z', client_id: 'C9', amount: 0 }]);
    // The missing parent once, however many rows name it.
    expect(await check(relationship!.sql)).toEqual([{ client_id: 'C9' }]);
    expect(await check(expression!.sql)).toEqual([{ a: null, b: 'z', client_id: 'C9', amount: 0 }]);
  });

  it('compiles an empty unique key to "at most one row", the grain of a one-row table', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'encours-declared-')), 'models');
    mkdirSync(join(dir, 'quality'), { recursive: true });
    writeFileSync(join(dir, 'quality', 'run_totals.sql'), 'select 1 as one');
    writeFileSync(join(dir, 'quality', 'run_totals.json'), JSON.stringify({ tests: [{ unique: [] }] }));
    expect(declaredTests(dir).get('run_totals')).toEqual([
      { name: 'run_totals__one_row', path: 'models/quality/run_totals.json', sql: '-- run_totals: has at most one row (declared in models/quality/run_totals.json)\nselect count(*) as occurrences from run_totals having count(*) > 1' },
    ]);
  });

  it('declares the unique keys of the valid-row models', () => {
    const declared = declaredTests();
    for (const [model, key] of [['int_clients', 'client_id'], ['int_invoices', 'invoice_id'], ['int_payments', 'payment_id'], ['int_writeoffs', 'writeoff_id']] as const) {
      expect(declared.get(model)?.map((t) => t.name)).toContain(`${model}__unique_${key}`);
    }
  });

  it('stops the run, publishing nothing, when an intermediate model breaks a test declared beside it', async () => {
    // A copy of the models where int_clients.json also says every client has a credit limit; the
    // allocation fixture's client C has none (its credit_limit cell is empty), so the run must stop.
    const root = mkdtempSync(join(tmpdir(), 'encours-declared-run-'));
    const copy = join(root, 'models');
    cpSync(modelsDir, copy, { recursive: true });
    const jsonPath = join(copy, 'ledger', 'int_clients.json');
    const declared = JSON.parse(readFileSync(jsonPath, 'utf8')) as { tests: unknown[] };
    declared.tests.push({ expression: 'credit_limit is not null', description: 'every client has a credit limit' });
    writeFileSync(jsonPath, JSON.stringify(declared));
    const warehouseDir = join(root, 'warehouse');
    const run = runEtl({ inputDir: join(fixturesDir, 'allocation'), warehouseDir, config: parseConfig({}), configPath: null, asOf: '2024-03-31', modelsDir: copy });
    await expect(run).rejects.toThrow(
      /^1 data test\(s\) failed; nothing was published:\n {2}int_clients__expression_credit_limit_is_not_null: int_clients: every client has a credit limit \(declared in models\/ledger\/int_clients\.json\)\n {4}e\.g\. \{[^\n]*"client_id":"C"/,
    );
    expect(existsSync(join(warehouseDir, 'clients.parquet'))).toBe(false);
  });
});

describe('the published tables (marts) as contracts', () => {
  const marts = models.filter((model) => model.layer === 'marts');
  const martNames = new Set(marts.map((mart) => mart.name));
  const contract = (path: string) => (JSON.parse(readFileSync(path.replace(/\.sql$/, '.json'), 'utf8')) as { tests?: DeclaredTest[] }).tests ?? [];

  it('has a header that calls a mart reading other marts a roll-up of them, naming each', () => {
    // e.g. worklist_reps reads worklist: its header says "A roll-up of `worklist`". A reader of a
    // roll-up must know its figures are another table's, added up, not made from the ledger again.
    const unsaid = marts.flatMap((mart) => {
      const header = headerComment(mart.sql);
      const read = mart.dependsOn.filter((dep) => martNames.has(dep));
      if (!read.length) return [];
      const unnamed = read.filter((dep) => !header.includes(`\`${dep}\``));
      return /\broll-up of\b/i.test(header) && !unnamed.length ? [] : [`${mart.name} reads ${read.join(', ')}${unnamed.length ? ` (header does not name ${unnamed.join(', ')})` : ''}`];
    });
    expect(marts.length).toBeGreaterThan(40);
    expect(unsaid).toEqual([]);
  });

  it('declares each mart\'s grain as a unique test (an empty key for a one-row table)', () => {
    const declared = declaredTests();
    const withoutGrain = marts.filter((mart) => !declared.get(mart.name)?.some((test) => test.name.startsWith(`${mart.name}__unique_`) || test.name === `${mart.name}__one_row`));
    expect(withoutGrain.map((mart) => mart.name)).toEqual([]);
  });

  it('points a mart\'s relationships tests at marts, which are still there when the test runs', () => {
    // A declared test runs once its model and the tables it reads are built; a mart is never dropped
    // during the run, an intermediate table may already be.
    const astray = marts.flatMap((mart) =>
      contract(mart.path).flatMap((test) => ('relationships' in test && !martNames.has(test.relationships.to) ? [`${mart.name}.${test.relationships.column} → ${test.relationships.to}`] : [])),
    );
    expect(astray).toEqual([]);
  });
});
