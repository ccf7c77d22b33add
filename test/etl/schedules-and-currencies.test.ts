// Instalments, invoice numbers per client and currencies (test/fixtures/export-shapes/, one
// folder per case): an invoice with several due dates is one invoice whose instalments are each
// aged by their own due date; the same number at two clients is two invoices; every figure is in
// the company currency, from the export's company-currency column or the rates file, else the run
// stops naming the column. The truth of each case is worked out by hand in its comment.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, queryWarehouse } from '../helpers.ts';

const shapes = (name: string) => join(fixturesDir, 'export-shapes', name);
const cli = join(import.meta.dirname, '..', '..', 'etl', 'run.ts');

async function etl(inputDir: string, warehouseDir: string, asOf: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, '--input', inputDir, '--warehouse', warehouseDir, '--as-of', asOf], { maxBuffer: 1 << 24, timeout: 100_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const byClient = `select client_id, receivables_amount from clients order by client_id`;
const errors = `select line, reason from quality where severity = 'error' order by source_file, line`;

describe('an invoice with several due dates', () => {
  it('Cegid/Sage échéancier: one invoice, each instalment aged by its own due date', async () => {
    // Echeancier_clients.csv (Windows-1252, ';', decimal comma), as of 30 June 2024:
    //   FA1001 CLI001 issued 15/01/2024 in three instalments, written out of due-date order:
    //     due 14/02 1 000,00 (FA1001/1), due 15/04 1 000,50 (FA1001/3), due 15/03 1 000,00 (FA1001/2)
    //   FA1002 CLI001 01/03, due 31/03, 500,00;  FA1003 CLI002 10/05, due 09/06, 1 200,00.
    // RG0001 pays 1 000,00 on 14/02 naming FA1001: it settles the earliest instalment, FA1001/1.
    // Days past due at 30/06: FA1001/2 15/03→30/06 = 16 + 30 + 31 + 30 = 107 (91–180);
    // FA1001/3 15/04→30/06 = 15 + 31 + 30 = 76 (61–90); FA1002 31/03→30/06 = 30 + 31 + 30 = 91
    // (91–180); FA1003 09/06→30/06 = 21 (1–30).
    // Receivables 1 000 + 1 000,50 + 500 + 1 200 = 3 700,50 (CLI001 2 500,50, CLI002 1 200).
    // Before: FA1001's second and third lines rejected as duplicates, receivables 1 700,00.
    const wh = await buildWarehouse(shapes('cegid-echeancier'), { asOf: '2024-06-30' });
    expect(wh.manifest.documents).toEqual({ invoices: 3, credit_notes: 0 });
    expect(await wh.query(`select invoice_id, invoice_number, due_date, amount, open_amount, days_past_due, bucket from invoices order by invoice_id`)).toEqual([
      { invoice_id: 'FA1001/1', invoice_number: 'FA1001', due_date: '2024-02-14', amount: 1000, open_amount: 0, days_past_due: null, bucket: null },
      { invoice_id: 'FA1001/2', invoice_number: 'FA1001', due_date: '2024-03-15', amount: 1000, open_amount: 1000, days_past_due: 107, bucket: '91-180' },
      { invoice_id: 'FA1001/3', invoice_number: 'FA1001', due_date: '2024-04-15', amount: 1000.5, open_amount: 1000.5, days_past_due: 76, bucket: '61-90' },
      { invoice_id: 'FA1002', invoice_number: 'FA1002', due_date: '2024-03-31', amount: 500, open_amount: 500, days_past_due: 91, bucket: '91-180' },
      { invoice_id: 'FA1003', invoice_number: 'FA1003', due_date: '2024-06-09', amount: 1200, open_amount: 1200, days_past_due: 21, bucket: '1-30' },
    ]);
    expect(await wh.query(`select invoice_id, source_id, amount, method from allocations`)).toEqual([
      { invoice_id: 'FA1001/1', source_id: 'RG0001', amount: 1000, method: 'reference' },
    ]);
    expect(await wh.query('select receivables, unapplied_cash from run_summary')).toEqual([{ receivables: 3700.5, unapplied_cash: 0 }]);
    expect(await wh.query(byClient)).toEqual([{ client_id: 'CLI001', receivables_amount: 2500.5 }, { client_id: 'CLI002', receivables_amount: 1200 }]);
    expect(await wh.query(`select client_id, bucket, open_amount from ageing order by client_id, bucket_order`)).toEqual([
      { client_id: 'CLI001', bucket: '61-90', open_amount: 1000.5 },
      { client_id: 'CLI001', bucket: '91-180', open_amount: 1500 },
      { client_id: 'CLI002', bucket: '1-30', open_amount: 1200 },
    ]);
    // The 40 € recovery indemnity is due once per invoice: FA1001 bears it on FA1001/2 (its
    // earliest late instalment still open), not on FA1001/3 too; FA1001/1 was paid on its due date.
    expect(await wh.query(`select invoice_id, indemnity_amount from penalties order by invoice_id`)).toEqual([
      { invoice_id: 'FA1001/2', indemnity_amount: 40 },
      { invoice_id: 'FA1001/3', indemnity_amount: 0 },
      { invoice_id: 'FA1002', indemnity_amount: 40 },
      { invoice_id: 'FA1003', indemnity_amount: 40 },
    ]);
    expect(await wh.query(errors)).toEqual([]);
  });
});

describe('invoice numbers are unique per client', () => {
  it('the same number at two clients is two invoices, each settled by its own client; a repeated line is a duplicate', async () => {
    // invoices.csv, as of 30 April 2024: INV-100 ACME 1 000,00 (line 2) and INV-100 BOLT 2 500,00
    // (line 3): two invoices, keyed INV-100@ACME and INV-100@BOLT; INV-101 ACME 400,00 (line 4)
    // repeated exactly on line 5: one error row. P1 (BOLT, 2 500,00) and P2 (ACME, 600,00) both
    // name INV-100: each settles its own client's. Open: INV-100@ACME 400, INV-101 400 → ACME 800,
    // BOLT 0, receivables 800, no unapplied cash.
    // Before: BOLT's invoice rejected as a duplicate, P1 left as 2 500 of unapplied cash.
    const wh = await buildWarehouse(shapes('same-number-two-clients'), { asOf: '2024-04-30' });
    expect(wh.manifest.documents).toEqual({ invoices: 3, credit_notes: 0 });
    expect(await wh.query(`select invoice_id, invoice_number, client_id, amount, open_amount from invoices order by invoice_id`)).toEqual([
      { invoice_id: 'INV-100@ACME', invoice_number: 'INV-100', client_id: 'ACME', amount: 1000, open_amount: 400 },
      { invoice_id: 'INV-100@BOLT', invoice_number: 'INV-100', client_id: 'BOLT', amount: 2500, open_amount: 0 },
      { invoice_id: 'INV-101', invoice_number: 'INV-101', client_id: 'ACME', amount: 400, open_amount: 400 },
    ]);
    expect(await wh.query(`select invoice_id, source_id, amount, method from allocations order by invoice_id`)).toEqual([
      { invoice_id: 'INV-100@ACME', source_id: 'P2', amount: 600, method: 'reference' },
      { invoice_id: 'INV-100@BOLT', source_id: 'P1', amount: 2500, method: 'reference' },
    ]);
    expect(await wh.query('select receivables, unapplied_cash from run_summary')).toEqual([{ receivables: 800, unapplied_cash: 0 }]);
    expect(await wh.query(byClient)).toEqual([{ client_id: 'ACME', receivables_amount: 800 }, { client_id: 'BOLT', receivables_amount: 0 }]);
    expect(await wh.query(errors)).toEqual([{ line: 5, reason: 'duplicate invoice id INV-101 (the first line is kept)' }]);
  });
});

describe('every figure in the company currency', () => {
  // Business Central documents, as of 31 March 2024 (company currency EUR; 'Currency Code' empty
  // for euros): 103001 10000 1 190,00 EUR paid by 2001; 103002 20000 2 000,00 USD paid by 2002
  // (2 000,00 USD on 19 Feb); 103003 20000 550,00 USD open; 103004 10000 238,00 EUR open.
  // With "Amount (LCY)": 103002 = 1 834,86 €, 103003 = 508,55 €; 2002 = 1 849,28 € at its own
  // date's rate, but it pays 2 000 USD of a 2 000 USD invoice: it settles 103002 at 103002's
  // rate, 1 834,86 €, and the 14,42 € between them is the company's exchange gain, not a client
  // credit (else 103003 would be left at 494,13 €). Open: 103003 and 103004, receivables
  // 508,55 + 238,00 = 746,55 € (10000 238,00, 20000 508,55), no unapplied cash.
  // Summed as they are, the USD would make 550,00 + 238,00 = 788,00 "€".
  const expectConverted = async (wh: Awaited<ReturnType<typeof buildWarehouse>>) => {
    expect(await wh.query('select receivables, unapplied_cash from run_summary')).toEqual([{ receivables: 746.55, unapplied_cash: 0 }]);
    expect(await wh.query(byClient)).toEqual([{ client_id: '10000', receivables_amount: 238 }, { client_id: '20000', receivables_amount: 508.55 }]);
    // Shares of the 746,55 €: EUR 238,00 / 746,55 = 0.3188, USD 508,55 / 746,55 = 0.6812.
    expect(await wh.query(`select * exclude (share_open), round(share_open, 4) as share_open from receivables_by_currency order by currency`)).toEqual([
      { currency: 'EUR', is_company_currency: true, open_amount: 238, currency_open_amount: 238, open_items: 1, share_open: 0.3188 },
      { currency: 'USD', is_company_currency: false, open_amount: 508.55, currency_open_amount: 550, open_items: 1, share_open: 0.6812 },
    ]);
    expect(await wh.query(`select invoice_id, currency, amount, currency_amount, open_amount from invoices where currency = 'USD' order by invoice_id`)).toEqual([
      { invoice_id: '103002', currency: 'USD', amount: 1834.86, currency_amount: 2000, open_amount: 0 },
      { invoice_id: '103003', currency: 'USD', amount: 508.55, currency_amount: 550, open_amount: 508.55 },
    ]);
  };

  it("Business Central with an 'Amount (LCY)' column: its company-currency amounts, the document's kept beside", async () => {
    const wh = await buildWarehouse(shapes('business-central-lcy'), { asOf: '2024-03-31' });
    await expectConverted(wh);
    expect(await wh.query(`select payment_id, amount, unapplied_amount from payments order by payment_id`)).toEqual([
      { payment_id: '2001', amount: 1190, unapplied_amount: 0 },
      { payment_id: '2002', amount: 1834.86, unapplied_amount: 0 },
    ]);
    expect(await wh.query(errors)).toEqual([]);
  });

  it("a Business Central customer ledger: signed amounts in the document's currency, payments negative, 'Amount (LCY)' beside them", async () => {
    // Customer Ledger Entries.csv: the same documents as above in one file, payments written
    // negative (2001 −1 190,00; 2002 −2 000,00 USD, −1 834,86 €), matched oldest due first
    // within each client (no lettering): 2001 settles 103001, 2002 settles 103002 (due 19 Feb)
    // before 103003 (due 11 Mar). Same receivables, 746,55 €.
    const wh = await buildWarehouse(shapes('business-central-ledger-lcy'), { asOf: '2024-03-31' });
    expect(wh.manifest.documents).toEqual({ invoices: 4, credit_notes: 0 });
    await expectConverted(wh);
    expect(await wh.query(errors)).toEqual([]);
  });

  it('USD with no company-currency column and no rate stops the run, naming the column and the two ways out', async () => {
    const warehouseDir = join(mkdtempSync(join(tmpdir(), 'encours-fx-')), 'warehouse');
    expect((await etl(shapes('business-central-lcy'), warehouseDir, '2024-03-31')).code).toBe(0);
    const published = readlinkSync(warehouseDir);
    const result = await etl(shapes('stop-foreign-currency'), warehouseDir, '2024-03-31');
    expect(result.code).toBe(1);
    // 103002 (line 3) and 103003 (line 4) are in USD, issued 20 Jan and 10 Feb 2024.
    expect(result.stderr).toMatch(
      /invoices\.csv: 2 invoice lines in USD \(column "Currency Code", openItems\.columns\.invoices\.currency; the first, line 3\) cannot be counted in the company currency \(EUR\)/,
    );
    expect(result.stderr).toMatch(/map the export's amount in the company currency \(openItems\.columns\.invoices\.amount_company_currency/);
    expect(result.stderr).toMatch(/or add USD rates from 2024-01-20 \(through 2024-02-10\) to the exchange-rate table data\/reference\/fx_rates\.csv/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).toMatch(/previous warehouse was left as it was/);
    expect(readlinkSync(warehouseDir)).toBe(published);
    expect(await queryWarehouse(warehouseDir, 'select count(*)::integer as n from invoices')).toEqual([{ n: 4 }]);
  });

  it('USD converted with a rates file, each document at the rate of its date', async () => {
    // fx_rates.csv (the ECB's way: units of USD for 1 €): USD 1.0900 from 1 Jan 2024, 1.0815 from
    // 1 Feb. 103002 (20 Jan) 2 000 / 1.09 = 1 834,862 → 1 834,86; 103003 (10 Feb) 550 / 1.0815 =
    // 508,553 → 508,55; 2002 (19 Feb, 2 000 / 1.0815 = 1 849,28 €) settles 103002 at its rate,
    // 1 834,86. The same figures as the "Amount (LCY)" export above.
    const dir = mkdtempSync(join(tmpdir(), 'encours-fx-rates-'));
    cpSync(shapes('stop-foreign-currency'), dir, { recursive: true });
    writeFileSync(join(dir, 'fx_rates.csv'), 'currency,date,rate,source\nUSD,2024-01-01,1.0900,test\nUSD,2024-02-01,1.0815,test\n');
    const config = JSON.parse(readFileSync(join(dir, 'encours.config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify({ ...config, fxRatesFile: join(dir, 'fx_rates.csv') }));
    await expectConverted(await buildWarehouse(dir, { asOf: '2024-03-31' }));
  });
});

describe('a write-off in a foreign currency', () => {
  /** The Business Central documents of `shape` with a write-offs file beside them, mapped as `columns`. */
  function withWriteoffs(shape: string, csv: string, columns: Record<string, string>, extra: Record<string, unknown> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'encours-fx-writeoffs-'));
    cpSync(shapes(shape), dir, { recursive: true });
    writeFileSync(join(dir, 'writeoffs.csv'), csv);
    const config = JSON.parse(readFileSync(join(dir, 'encours.config.json'), 'utf8')) as { openItems: { columns: Record<string, unknown> } };
    config.openItems.columns.writeoffs = columns;
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify({ ...config, ...extra }));
    return dir;
  }
  const columns = { writeoff_id: 'Document No.', client_id: 'Customer No.', writeoff_date: 'Posting Date', currency: 'Currency Code', amount: 'Amount', invoice_id: 'Applies-to Doc. No.' };

  it('is converted at the rate of its date, as a payment is', async () => {
    // The documents above with the USD rates (1.0900 from 1 Jan 2024, 1.0815 from 1 Feb). W1 writes
    // off 110,00 USD of 103003 on 15 Mar 2024: 110 / 1.0815 = 101,710 → 101,71 €. 103003 keeps
    // 508,55 − 101,71 = 406,84 € open, in USD 406,84 × 550 / 508,55 = 440,004 → 440,00 (what is
    // left of 550 − 110). Receivables 238,00 + 406,84 = 644,84 €.
    const dir = withWriteoffs('stop-foreign-currency', 'Document No.,Customer No.,Posting Date,Currency Code,Amount,Applies-to Doc. No.\nW1,20000,3/15/2024,USD,110.00,103003\n', columns);
    writeFileSync(join(dir, 'fx_rates.csv'), 'currency,date,rate,source\nUSD,2024-01-01,1.0900,test\nUSD,2024-02-01,1.0815,test\n');
    const config = JSON.parse(readFileSync(join(dir, 'encours.config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify({ ...config, fxRatesFile: join(dir, 'fx_rates.csv') }));
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    expect(await wh.query(`select writeoff_id, invoice_id, amount from writeoffs`)).toEqual([{ writeoff_id: 'W1', invoice_id: '103003', amount: 101.71 }]);
    expect(await wh.query(`select invoice_id, open_amount, written_off_amount, currency_open_amount from invoices where invoice_id = '103003'`)).toEqual([
      { invoice_id: '103003', open_amount: 406.84, written_off_amount: 101.71, currency_open_amount: 440 },
    ]);
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 644.84 }]);
  });

  it('takes the export\'s company-currency amount when it has one', async () => {
    // W1 as above with "Amount (LCY)" 100,00 €: 103003 keeps 508,55 − 100,00 = 408,55 €.
    const dir = withWriteoffs('business-central-lcy', 'Document No.,Customer No.,Posting Date,Currency Code,Amount,Amount (LCY),Applies-to Doc. No.\nW1,20000,3/15/2024,USD,110.00,100.00,103003\n',
      { ...columns, amount_company_currency: 'Amount (LCY)' });
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    expect(await wh.query(`select writeoff_id, amount from writeoffs`)).toEqual([{ writeoff_id: 'W1', amount: 100 }]);
    expect(await wh.query(`select open_amount from invoices where invoice_id = '103003'`)).toEqual([{ open_amount: 408.55 }]);
  });

  it('with neither a company-currency amount nor a rate stops the run, naming the write-offs\' currency column', async () => {
    const dir = withWriteoffs('business-central-lcy', 'Document No.,Customer No.,Posting Date,Currency Code,Amount,Applies-to Doc. No.\nW1,20000,3/15/2024,USD,110.00,103003\n', columns);
    const result = await etl(dir, join(mkdtempSync(join(tmpdir(), 'encours-fx-')), 'warehouse'), '2024-03-31');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /writeoffs\.csv: 1 write-off line in USD \(column "Currency Code", openItems\.columns\.writeoffs\.currency; the first, line 2\) cannot be counted in the company currency \(EUR\)/,
    );
    expect(result.stderr).toMatch(/openItems\.columns\.writeoffs\.amount_company_currency/);
  });
});
