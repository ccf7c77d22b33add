// What is wrong with a line is said once, as a code and its parts: stg_payments (stg_invoices,
// stg_ledger_lines) only types its file, int_payments_checked (int_invoices_checked,
// int_ledger_lines_checked) gives each line its reason(code, field, ref, n, parts), and
// reason_text words it in English for quality.reason, word for word the sentence analysts had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { modelsDir, orderedModels, readSqlFiles } from '../../etl/model-graph.ts';
import { openDatabase, type Database } from '../../shared/duckdb.ts';

let db: Database;

beforeAll(async () => {
  db = await openDatabase();
  await db.run(readSqlFiles(modelsDir).find((f) => f.name === 'macros')!.sql);
  await db.run(`set variable date_format = '%d/%m/%Y'; set variable currency = 'EUR'; set variable true_values = ['oui'];
    set variable credit_note_values = ['avoir']; set variable ledger_debit_values = ['d']; set variable ledger_credit_values = ['c'];
    set variable ledger_document_types = map {'fa': 'invoice', 'rg': 'payment'}::map(varchar, varchar)`);
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
    await db.run(`create or replace table int_fec_lines_checked as select null::varchar as source_file, null::integer as line, null::varchar as item_id,
      null::varchar as client_id, null::date as item_date, null::decimal(18, 2) as signed_amount, null::varchar as letter_code, null::date as letter_date,
      null::varchar as item_kind, null::date as entry_date, null::varchar as currency, null::decimal(18, 2) as currency_amount,
      null::decimal(18, 2) as signed_company_amount where false`);
    await db.run(`create or replace table int_ledger_lines_checked as select * from int_fec_lines_checked`);
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

// The checked rows of a model, as the quality table shows them: code, field, ref, parts and the English text.
const checkedRows = (name: string, column: 'reject_reason' | 'warning') => db.rows(`
  select line, ${column}.code as code, ${column}.field as field, ${column}.ref as ref,
         to_json(${column}.parts)::varchar as parts, reason_text(${column}) as reason
  from (${model(name)}) where source_file = 'f.csv' order by line`);

describe('int_invoices_checked', () => {
  beforeAll(async () => {
    // Empty FEC, ledger and snapshot lines: int_invoices_checked adds their documents to the file's.
    await db.run(`create or replace table int_fec_lines_checked as select null::varchar as source_file, null::integer as line, null::varchar as item_id,
      null::varchar as client_id, null::date as item_date, null::decimal(18, 2) as signed_amount, null::decimal(18, 2) as revenue_amount,
      null::varchar as currency, null::decimal(18, 2) as currency_amount, null::varchar as letter_code, null::date as letter_date,
      null::varchar as item_kind where false`);
    await db.run(`create or replace table int_ledger_lines_checked as select null::varchar as source_file, null::integer as line, null::varchar as item_id,
      null::varchar as client_id, null::varchar as item_kind, null::date as entry_date, null::date as due_date, null::decimal(18, 2) as signed_amount,
      null::varchar as currency, null::decimal(18, 2) as signed_company_amount, null::varchar as letter_code, null::date as letter_date where false`);
    await db.run(`create or replace table int_snapshot_lines_checked as select null::varchar as source_file, null::integer as line, null::varchar as item_id,
      null::varchar as client_id, null::varchar as item_kind, null::date as issue_date, null::date as due_date, null::decimal(18, 2) as open_amount,
      null::boolean as is_disputed, null::date as snapshot_date, null::varchar as reject_reason where false`);
  });

  it('codes each unusable invoice line, and keeps the first line of a number and due date', async () => {
    // Lines 2–9 of an invoices file, decimal comma: a good one; no number; no client; a date not
    // in dd/mm/yyyy; a date of 1890; an amount with three decimals; a zero amount; line 2 again
    // (same client, number and due date). Line 10 is line 2's number with another due date: an
    // instalment, kept.
    await db.run(`create or replace table raw_invoices as select source_file, line, invoice_id, client_id, issue_date, amount, due_date,
      null::varchar as kind, null::varchar as amount_excl_tax, null::varchar as currency, null::varchar as is_disputed,
      null::varchar as original_invoice_id, null::varchar as paid_date, null::varchar as paid_amount, null::varchar as open_amount,
      null::varchar as amount_company_currency, ',' as decimal_sign
      from (values
      ('f.csv', 2, 'F1', 'A', '05/03/2024', '100,00', '04/04/2024'),
      ('f.csv', 3, null, 'A', '05/03/2024', '100,00', null),
      ('f.csv', 4, 'F2', null, '05/03/2024', '100,00', null),
      ('f.csv', 5, 'F3', 'A', '2024-31-12', '100,00', null),
      ('f.csv', 6, 'F4', 'A', '01/01/1890', '100,00', null),
      ('f.csv', 7, 'F5', 'A', '05/03/2024', '886,555', null),
      ('f.csv', 8, 'F6', 'A', '05/03/2024', '0,00', null),
      ('f.csv', 9, 'F1', 'A', '05/03/2024', '50,00', '04/04/2024'),
      ('f.csv', 10, 'F1', 'A', '05/03/2024', '50,00', '04/05/2024'))
      t(source_file, line, invoice_id, client_id, issue_date, amount, due_date)`);
    await db.run(`create or replace table stg_invoices as ${model('stg_invoices')}`);
    const staged = await db.rows(`select column_name from (describe stg_invoices) where column_name in ('reject_reason', 'warning')`);
    expect(staged).toEqual([]);
    expect(await checkedRows('int_invoices_checked', 'reject_reason')).toEqual([
      { line: 2, code: null, field: null, ref: null, parts: null, reason: null },
      { line: 3, code: 'missing_invoice_id', field: null, ref: null, parts: null, reason: 'missing invoice id' },
      { line: 4, code: 'missing_client_id', field: null, ref: null, parts: null, reason: 'missing client id' },
      { line: 5, code: 'date_unreadable', field: 'issue_date', ref: '2024-31-12', parts: '["%d/%m/%Y"]',
        reason: "issue date '2024-31-12' does not match the date format %d/%m/%Y" },
      { line: 6, code: 'date_implausible', field: 'issue_date', ref: '1890-01-01', parts: null, reason: 'issue date 1890-01-01 is outside 1990–2099' },
      { line: 7, code: 'amount_decimals_comma', field: 'amount', ref: '886,555', parts: '[null]',
        reason: "amount '886,555' has more than two decimals (read with a decimal comma)" },
      { line: 8, code: 'zero_amount', field: null, ref: null, parts: null, reason: 'amount is zero' },
      { line: 9, code: 'duplicate_id', field: 'invoice_id', ref: 'F1', parts: null, reason: 'duplicate invoice id F1 (the first line is kept)' },
      { line: 10, code: null, field: null, ref: null, parts: null, reason: null },
    ]);
  });

  it('codes what is dropped from a kept invoice line, the amount’s problem with the currency written beside it', async () => {
    // Line 2: a due date that does not read (31 April); 3: due before issue; 4: a paid amount in dollars;
    // 5: a paid date that does not read; 6: a paid amount without its date; 7: an amount excl.
    // tax with two signs.
    await db.run(`create or replace table raw_invoices as select source_file, line, invoice_id, client_id, '05/03/2024' as issue_date, '100,00' as amount,
      due_date, null::varchar as kind, amount_excl_tax, null::varchar as currency, null::varchar as is_disputed, null::varchar as original_invoice_id,
      paid_date, paid_amount, null::varchar as open_amount, null::varchar as amount_company_currency, ',' as decimal_sign
      from (values
      ('f.csv', 2, 'F1', 'A', '31/04/2024', null, null, null),
      ('f.csv', 3, 'F2', 'A', '01/03/2024', null, null, null),
      ('f.csv', 4, 'F3', 'A', null, null, '10/03/2024', '12,00 USD'),
      ('f.csv', 5, 'F4', 'A', null, null, '31/02/2024', '10,00'),
      ('f.csv', 6, 'F5', 'A', null, null, null, '10,00'),
      ('f.csv', 7, 'F6', 'A', null, '--80,00', null, null))
      t(source_file, line, invoice_id, client_id, due_date, amount_excl_tax, paid_date, paid_amount)`);
    await db.run(`create or replace table stg_invoices as ${model('stg_invoices')}`);
    expect(await checkedRows('int_invoices_checked', 'warning')).toEqual([
      { line: 2, code: 'due_date_unreadable', field: 'due_date', ref: '31/04/2024', parts: null,
        reason: "due date '31/04/2024' does not match the date format; the client's payment terms (or the default) are used" },
      { line: 3, code: 'due_before_issue', field: 'due_date', ref: null, parts: null, reason: 'due date before the issue date' },
      { line: 4, code: 'paid_amount_unreadable', field: 'paid_amount', ref: '12,00 USD', parts: '["USD","foreign_currency"]',
        reason: "paid amount '12,00 USD' is in USD, not the company currency EUR; the settlement is ignored" },
      { line: 5, code: 'paid_date_unreadable', field: 'paid_date', ref: '31/02/2024', parts: null,
        reason: "paid date '31/02/2024' does not match the date format; the settlement is ignored" },
      { line: 6, code: 'paid_amount_undated', field: 'paid_amount', ref: '10,00', parts: null,
        reason: "paid amount '10,00' has no paid date: read as settled by the as-of date, its date unknown (payment-behaviour figures count it as paid on the as-of date)" },
      { line: 7, code: 'excl_tax_unreadable', field: 'amount_excl_tax', ref: '--80,00', parts: '[null,"two_signs"]',
        reason: "amount excl. tax '--80,00' has more than one sign; the amount incl. tax less the default VAT rate is used" },
    ]);
    // A paid date that does not read drops the settlement; an empty one keeps it (settled by the as-of date).
    const paid = await db.rows(`select line, paid_amount::double as paid_amount from (${model('int_invoices_checked')}) where line in (5, 6) order by line`);
    expect(paid).toEqual([{ line: 5, paid_amount: null }, { line: 6, paid_amount: 10 }]);
  });
});

describe('int_ledger_lines_checked', () => {
  it('codes each unusable ledger line under its amount convention', async () => {
    // A debit/credit ledger: line 2 good; 3 no client; 4 an entry date not in dd/mm/yyyy; 5 no
    // debit and no credit; 6 a credit with a grouping that contradicts the decimal comma; 7 a
    // document type in no list; 8 a zero debit; 9 a due date and a lettering date that do not
    // read (31 and 32 April) (the due date's warning comes first). A direction ledger: line 10 a direction that is
    // neither D nor C.
    await db.run(`create or replace table raw_ledger as select source_file, line, client_id, entry_date, document_id, due_date, debit, credit,
      amount, direction, document_type, null::varchar as letter_code, letter_date, null::varchar as client_name, null::varchar as currency,
      null::varchar as amount_company_currency, ',' as decimal_sign, convention as amount_convention
      from (values
      ('f.csv', 2, 'A', '05/03/2024', 'F1', null, '100,00', null, null, null, 'FA', null, 'debit_credit'),
      ('f.csv', 3, null, '05/03/2024', 'F2', null, '100,00', null, null, null, 'FA', null, 'debit_credit'),
      ('f.csv', 4, 'A', '5 mars', 'F3', null, '100,00', null, null, null, 'FA', null, 'debit_credit'),
      ('f.csv', 5, 'A', '05/03/2024', 'F4', null, null, null, null, null, 'FA', null, 'debit_credit'),
      ('f.csv', 6, 'A', '05/03/2024', 'R1', null, null, '1,705.03', null, null, 'RG', null, 'debit_credit'),
      ('f.csv', 7, 'A', '05/03/2024', 'X1', null, '10,00', null, null, null, 'ZZ', null, 'debit_credit'),
      ('f.csv', 8, 'A', '05/03/2024', 'F5', null, '0,00', null, null, null, 'FA', null, 'debit_credit'),
      ('f.csv', 9, 'A', '05/03/2024', 'F6', '31/04/2024', '10,00', null, null, null, 'FA', '32/04/2024', 'debit_credit'),
      ('f.csv', 10, 'A', '05/03/2024', 'F7', null, null, null, '10,00', 'X', 'FA', null, 'direction'))
      t(source_file, line, client_id, entry_date, document_id, due_date, debit, credit, amount, direction, document_type, letter_date, convention)`);
    await db.run(`create or replace table stg_ledger_lines as ${model('stg_ledger_lines')}`);
    const staged = await db.rows(`select column_name from (describe stg_ledger_lines) where column_name in ('reject_reason', 'warning', 'item_kind')`);
    expect(staged).toEqual([]);
    expect(await checkedRows('int_ledger_lines_checked', 'reject_reason')).toEqual([
      { line: 2, code: null, field: null, ref: null, parts: null, reason: null },
      { line: 3, code: 'missing_client_id', field: null, ref: null, parts: null, reason: 'missing client id' },
      { line: 4, code: 'date_unreadable', field: 'entry_date', ref: '5 mars', parts: '["%d/%m/%Y"]',
        reason: "entry date '5 mars' does not match the date format %d/%m/%Y" },
      { line: 5, code: 'no_amount', field: null, ref: null, parts: null, reason: 'no amount: the debit and the credit are both empty' },
      { line: 6, code: 'amount_grouping_comma', field: 'credit', ref: '1,705.03', parts: '[null]',
        reason: "credit '1,705.03' does not fit the decimal comma of its file (thousands in groups of three digits, then one decimal comma)" },
      { line: 7, code: 'document_type_unknown', field: null, ref: 'ZZ', parts: null,
        reason: "document type 'ZZ' is in none of the lists of openItems.values.documentType (invoice, credit_note, payment, writeoff, refund)" },
      { line: 8, code: 'zero_amount', field: null, ref: null, parts: null, reason: 'amount is zero' },
      { line: 9, code: null, field: null, ref: null, parts: null, reason: null },
      { line: 10, code: 'direction_unknown', field: null, ref: 'X', parts: null,
        reason: "direction 'X' is neither a debit nor a credit value of openItems.values.direction" },
    ]);
    const warnings = await checkedRows('int_ledger_lines_checked', 'warning');
    expect(warnings.filter((row) => row.code !== null)).toEqual([
      { line: 9, code: 'due_date_unreadable', field: 'due_date', ref: '31/04/2024', parts: null,
        reason: "due date '31/04/2024' does not match the date format; the client's payment terms (or the default) are used" },
    ]);
  });
});
