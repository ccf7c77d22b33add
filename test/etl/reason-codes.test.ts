// What is wrong with a line is said once, as a code and its parts: stg_payments only types the
// payments file, int_payments_checked gives each line its reason(code, field, ref, n, parts), and
// reason_text words it in English for quality.reason, word for word the sentence analysts had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { modelsDir, orderedModels, readSqlFiles } from '../../etl/model-graph.ts';
import { openDatabase, type Database } from '../../shared/duckdb.ts';

let db: Database;

beforeAll(async () => {
  db = await openDatabase();
  await db.run(readSqlFiles(modelsDir).find((f) => f.name === 'macros')!.sql);
  await db.run(`set variable date_format = '%d/%m/%Y'; set variable currency = 'EUR'`);
});

afterAll(() => db.close());

const model = (name: string) => orderedModels().find((m) => m.name === name)!.sql;

describe('int_payments_checked', () => {
  it('codes each unusable payment line with the column, the text as written and the setting in force', async () => {
    // Lines 2–7 of payments.csv, decimal comma: a good one; no client; a date not in dd/mm/yyyy;
    // an amount in dollars; a negative amount; line 2's id again.
    await db.run(`create or replace table raw_payments as select * from (values
      ('payments.csv', 2, 'P1', 'A', '05/03/2024', '100,00', null, null::varchar, null::varchar, ','),
      ('payments.csv', 3, 'P2', null, '05/03/2024', '10,00', null, null, null, ','),
      ('payments.csv', 4, 'P3', 'A', '2024-31-12', '10,00', null, null, null, ','),
      ('payments.csv', 5, 'P4', 'A', '05/03/2024', '12,50 USD', null, null, null, ','),
      ('payments.csv', 6, 'P5', 'A', '05/03/2024', '-3,00', null, null, null, ','),
      ('payments.csv', 7, 'P1', 'A', '06/03/2024', '1,00', null, null, null, ','))
      t(source_file, line, payment_id, client_id, payment_date, amount, invoice_id, currency, amount_company_currency, decimal_sign)`);
    await db.run(`create or replace table stg_fec_lines as select null::varchar as source_file, null::integer as line, null::varchar as item_id,
      null::varchar as client_id, null::date as item_date, null::decimal(18, 2) as signed_amount, null::varchar as letter_code, null::date as letter_date,
      null::varchar as item_kind, null::date as entry_date, null::varchar as currency, null::decimal(18, 2) as signed_company_amount where false`);
    await db.run(`create or replace table stg_ledger_lines as select * from stg_fec_lines`);
    await db.run(`create or replace table stg_payments as ${model('stg_payments')}`);
    // Staging decides nothing: it has no reject_reason column.
    const staged = await db.rows(`select column_name from (describe stg_payments) where column_name in ('reject_reason', 'warning')`);
    expect(staged).toEqual([]);

    const rows = await db.rows(`
      select line, reject_reason.code as code, reject_reason.field as field, reject_reason.ref as ref,
             to_json(reject_reason.parts)::varchar as parts, reason_text(reject_reason) as reason
      from (${model('int_payments_checked')}) order by line`);
    expect(rows).toEqual([
      { line: 2, code: null, field: null, ref: null, parts: null, reason: null },
      { line: 3, code: 'missing_client_id', field: null, ref: null, parts: null, reason: 'missing client id' },
      { line: 4, code: 'date_unreadable', field: 'payment_date', ref: '2024-31-12', parts: '["%d/%m/%Y"]',
        reason: "payment date '2024-31-12' does not match the date format %d/%m/%Y" },
      // The currency written beside the amount is the part the site words; the company's is a setting.
      { line: 5, code: 'amount_foreign_currency', field: 'amount', ref: '12,50 USD', parts: '["USD"]',
        reason: "amount '12,50 USD' is in USD, not the company currency EUR" },
      { line: 6, code: 'payment_not_positive', field: 'amount', ref: null, parts: null, reason: 'amount is not positive (refunds are not read yet)' },
      { line: 7, code: 'duplicate_id', field: 'payment_id', ref: 'P1', parts: null, reason: 'duplicate payment id P1 (the first line is kept)' },
    ]);
  });
});
