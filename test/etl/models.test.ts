// The model runner's plan: each model after what it reads, and intermediate tables dropped only
// once nothing later reads them (a wrong plan fails a run with "table does not exist", or keeps a
// large ledger's tables in memory until DuckDB spills them).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { checksDir, orderedModels, readSqlFiles, releasedAfter, tablesRead } from '../../etl/model-graph.ts';

const models = orderedModels();
const checks = readSqlFiles(checksDir);
const released = releasedAfter(models, checks);

describe('the model plan', () => {
  it('runs every model after the models it reads', () => {
    const position = new Map(models.map((model, index) => [model.name, index]));
    for (const model of models) for (const dep of model.dependsOn) expect(position.get(dep), `${model.name} reads ${dep}`).toBeLessThan(position.get(model.name)!);
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
    model('intermediate', 'int_big', 'select * from stg_rows');
    model('marts', 'a_unrelated', 'select count(*) from stg_rows');
    model('marts', 'z_reader', 'select count(*) from int_big');
    model('marts', 'b_reference', 'select 1 as one');
    const plan = orderedModels(dir);
    expect(plan.map((m) => m.name)).toEqual(['stg_rows', 'b_reference', 'int_big', 'z_reader', 'a_unrelated']);
    expect(releasedAfter(plan, []).get('z_reader')).toEqual(['int_big']);
  });
});
