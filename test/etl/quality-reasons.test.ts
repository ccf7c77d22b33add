// The quality report's kinds of problem (etl/models/quality/quality_reasons.sql): the quality rows
// of one severity and input with the same code, column and fixed parts counted as one kind, the
// first by file and line as its example, in the order the quality page lists them. The model runs
// on a quality table made by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { modelsDir, orderedModels, readSqlFiles } from '../../etl/model-graph.ts';
import { openDatabase, type Database } from '../../shared/duckdb.ts';

let db: Database;

beforeAll(async () => {
  db = await openDatabase();
  await db.run(readSqlFiles(modelsDir).find((f) => f.name === 'macros')!.sql);
});

afterAll(() => db.close());

const model = (name: string) => orderedModels().find((m) => m.name === name)!.sql;

describe('quality_reasons', () => {
  it('counts the rows of each kind (code, column, fixed parts), keeps the first as the example, and orders errors, warnings, infos by size', async () => {
    // source_file, line, severity, input, reason_code, reason_field, reason_ref, reason_parts, reason.
    await db.run(`create or replace table quality as
      select source_file, line::integer as line, severity, reason, input, null::varchar as record_id, null::varchar as raw_line,
             reason_code, null::bigint as reason_number, reason_ref, reason_field, reason_parts::varchar[] as reason_parts
      from (values
        -- Three bad issue dates: two under %Y-%m-%d (lines 9 and 5: line 5 is the first), one under %d/%m/%Y.
        ('invoices.csv', 9, 'error', 'invoices', 'date_unreadable', 'issue_date', '2024-13-01', ['%Y-%m-%d'], 'issue date 9'),
        ('invoices.csv', 5, 'error', 'invoices', 'date_unreadable', 'issue_date', '2024-02-30', ['%Y-%m-%d'], 'issue date 5'),
        ('invoices.csv', 3, 'error', 'invoices', 'date_unreadable', 'issue_date', '31/13/2024', ['%d/%m/%Y'], 'issue date 3'),
        -- A bad date under the same format, but a payment's: another input and column.
        ('payments.csv', 4, 'error', 'payments', 'date_unreadable', 'payment_date', 'x', ['%Y-%m-%d'], 'payment date 4'),
        -- Amounts in dollars and in pounds: the currency is the kind's.
        ('invoices.csv', 6, 'error', 'invoices', 'amount_foreign_currency', 'amount', '12 USD', ['USD'], 'amount USD'),
        ('invoices.csv', 7, 'error', 'invoices', 'amount_foreign_currency', 'amount', '3 GBP', ['GBP'], 'amount GBP'),
        -- Lines a reader could not split and did not code: a kind per text, the same text twice.
        ('invoices.csv', 20, 'error', 'csv', null, null, null, null, 'UNKNOWN: a'),
        ('invoices.csv', 21, 'error', 'csv', null, null, null, null, 'UNKNOWN: a'),
        ('invoices.csv', 22, 'error', 'csv', null, null, null, null, 'UNKNOWN: b'),
        -- Paid amounts that do not read: no currency written (''), then the problem, which is the kind's.
        ('invoices.csv', 7, 'warning', 'invoices', 'paid_amount_unreadable', 'paid_amount', '1,2,3', ['', 'decimals_comma'], 'paid 7'),
        ('invoices.csv', 8, 'warning', 'invoices', 'paid_amount_unreadable', 'paid_amount', 'x', ['', 'not_a_number'], 'paid 8'),
        ('invoices.csv', 2, 'warning', 'invoices', 'paid_amount_unreadable', 'paid_amount', '4,5,6', ['', 'decimals_comma'], 'paid 2'),
        -- Two entries that do not balance, whatever their amounts: one kind, the first by file (a.txt) before line.
        ('b.txt', 3, 'warning', 'fec', 'fec_entry_unbalanced', null, 'VE 1', ['20240101', '10.00', '9.00', '1.00'], 'entry VE 1'),
        ('a.txt', 10, 'warning', 'fec', 'fec_entry_unbalanced', null, 'AC 7', ['20240202', '5.00', '6.00', '-1.00'], 'entry AC 7'),
        -- Infos: one line for the run (no file, no line), and two lines dated after the as-of date.
        (null, null, 'info', 'clients', 'no_clients_file', null, '30', null, 'no clients file'),
        ('invoices.csv', 30, 'info', 'invoices', 'after_as_of', null, '2024-03-31', ['2024-04-02'], 'after 30'),
        ('invoices.csv', 31, 'info', 'invoices', 'after_as_of', null, '2024-03-31', ['2024-05-01'], 'after 31'))
      t(source_file, line, severity, input, reason_code, reason_field, reason_ref, reason_parts, reason)`);

    const kinds = await db.rows(`
      select report_order, severity, input, reason_code, reason_field, to_json(kind_parts)::varchar as kind_parts, row_count,
             reason, reason_ref, first_source_file, first_line
      from (${model('quality_reasons')})`);
    // Errors: the two kinds of 2 rows (csv 'UNKNOWN: a' before invoices' %Y-%m-%d dates, by input),
    // then the kinds of 1 row by input (csv, invoices, payments), code (amount_… before date_…) and
    // fixed parts (GBP before USD). Warnings: the two kinds of 2 (fec before invoices), then the
    // paid amount that is not a number. Infos: after_as_of (2), then no_clients_file (1).
    expect(kinds).toEqual([
      { report_order: 1, severity: 'error', input: 'csv', reason_code: null, reason_field: null, kind_parts: '[]', row_count: 2,
        reason: 'UNKNOWN: a', reason_ref: null, first_source_file: 'invoices.csv', first_line: 20 },
      { report_order: 2, severity: 'error', input: 'invoices', reason_code: 'date_unreadable', reason_field: 'issue_date', kind_parts: '["%Y-%m-%d"]', row_count: 2,
        reason: 'issue date 5', reason_ref: '2024-02-30', first_source_file: 'invoices.csv', first_line: 5 },
      { report_order: 3, severity: 'error', input: 'csv', reason_code: null, reason_field: null, kind_parts: '[]', row_count: 1,
        reason: 'UNKNOWN: b', reason_ref: null, first_source_file: 'invoices.csv', first_line: 22 },
      { report_order: 4, severity: 'error', input: 'invoices', reason_code: 'amount_foreign_currency', reason_field: 'amount', kind_parts: '["GBP"]', row_count: 1,
        reason: 'amount GBP', reason_ref: '3 GBP', first_source_file: 'invoices.csv', first_line: 7 },
      { report_order: 5, severity: 'error', input: 'invoices', reason_code: 'amount_foreign_currency', reason_field: 'amount', kind_parts: '["USD"]', row_count: 1,
        reason: 'amount USD', reason_ref: '12 USD', first_source_file: 'invoices.csv', first_line: 6 },
      { report_order: 6, severity: 'error', input: 'invoices', reason_code: 'date_unreadable', reason_field: 'issue_date', kind_parts: '["%d/%m/%Y"]', row_count: 1,
        reason: 'issue date 3', reason_ref: '31/13/2024', first_source_file: 'invoices.csv', first_line: 3 },
      { report_order: 7, severity: 'error', input: 'payments', reason_code: 'date_unreadable', reason_field: 'payment_date', kind_parts: '["%Y-%m-%d"]', row_count: 1,
        reason: 'payment date 4', reason_ref: 'x', first_source_file: 'payments.csv', first_line: 4 },
      { report_order: 8, severity: 'warning', input: 'fec', reason_code: 'fec_entry_unbalanced', reason_field: null, kind_parts: '[]', row_count: 2,
        reason: 'entry AC 7', reason_ref: 'AC 7', first_source_file: 'a.txt', first_line: 10 },
      { report_order: 9, severity: 'warning', input: 'invoices', reason_code: 'paid_amount_unreadable', reason_field: 'paid_amount', kind_parts: '["","decimals_comma"]', row_count: 2,
        reason: 'paid 2', reason_ref: '4,5,6', first_source_file: 'invoices.csv', first_line: 2 },
      { report_order: 10, severity: 'warning', input: 'invoices', reason_code: 'paid_amount_unreadable', reason_field: 'paid_amount', kind_parts: '["","not_a_number"]', row_count: 1,
        reason: 'paid 8', reason_ref: 'x', first_source_file: 'invoices.csv', first_line: 8 },
      { report_order: 11, severity: 'info', input: 'invoices', reason_code: 'after_as_of', reason_field: null, kind_parts: '[]', row_count: 2,
        reason: 'after 30', reason_ref: '2024-03-31', first_source_file: 'invoices.csv', first_line: 30 },
      { report_order: 12, severity: 'info', input: 'clients', reason_code: 'no_clients_file', reason_field: null, kind_parts: '[]', row_count: 1,
        reason: 'no clients file', reason_ref: '30', first_source_file: null, first_line: null },
    ]);
    // 17 rows made by hand, each in one kind.
    expect(await db.value(`select sum(row_count)::integer from (${model('quality_reasons')})`)).toBe(17);
  });
});

describe('a balance the export gives that differs from the open amount', () => {
  it('is coded (balance_differs) and worded in English word for word as before', async () => {
    const text = await db.value(`select reason_text(reason('balance_differs', field := 'open_amount', ref := 'FA0002', parts := ['386.55', '586.55', '2024-03-31']))`);
    expect(text).toBe(
      "the export says invoice FA0002 still owes 386.55, and its amount less its payments and credit notes leaves 586.55 open at 2024-03-31: a payment or a credit note missing from the exports, or dated after the export's balance",
    );
  });
});
