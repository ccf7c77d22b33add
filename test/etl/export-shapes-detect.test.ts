// Exports written the way each accounting package writes them (test/fixtures/export-shapes/, the
// truth of each worked out by hand in its TRUTH.md): `npm run detect` proposes the mapping, the
// ETL runs with the proposal untouched, and the invoices, credit notes, receivables and each
// client's open amount come out to the cent. Then what detection must decide from the content —
// the shape, the client column, a file's role — and what it must say it could not decide.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';

import { detectMapping } from '../../etl/detect.ts';
import { buildWarehouse, detectInto, exportShape as shapes, exportsOf, queryWarehouse } from '../helpers.ts';

const root = join(import.meta.dirname, '..', '..');

const book = `select
  (select receivables from run_summary) as receivables,
  (select count(*)::integer from invoices where kind = 'invoice') as invoices,
  (select count(*)::integer from invoices where kind = 'credit_note') as credit_notes`;
const perClient = `select client_id, sum(open_amount) as open from invoices group by client_id order by client_id`;
const cli = join(root, 'etl', 'run.ts');

/** `npm run etl` on `input` into `warehouse`, its exit code and output (a stop is code 1). */
async function etl(input: string, warehouse: string, asOf?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = [cli, '--input', input, '--warehouse', warehouse, ...(asOf ? ['--as-of', asOf] : [])];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 24, timeout: 100_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.concurrent('npm run detect, then the ETL with the proposal untouched', () => {
  it('EBP grand livre clients (Windows-1252, Débit/Crédit, journals VE and BQ, lettering)', async () => {
    const dir = exportsOf('ebp-grand-livre-clients');
    const config = await detectInto(dir);
    expect(config._undecided).toBeUndefined();
    expect(config.openItems).toMatchObject({ shape: 'ledger', columns: { ledger: { client_id: 'N° de compte', debit: 'Débit', credit: 'Crédit', document_type: 'Code journal' } } });
    // Decimal commas, Windows-1252: a French export, no word on its currency.
    expect(config._comments).not.toHaveProperty('currency');
    const wh = await buildWarehouse(dir);
    // TRUTH.md: 5 invoices, AV250001 a credit in the sales journal; 2,400 + 1,500 + 1,980.
    expect(await wh.query(book)).toEqual([{ receivables: 5880, invoices: 5, credit_notes: 1 }]);
    expect(await wh.query(perClient)).toEqual([
      { client_id: '411DUPONT', open: 2400 }, { client_id: '411LEROY', open: 1980 }, { client_id: '411MARTIN', open: 1500 },
    ]);
  });

  it('Business Central Customer Ledger Entries (signed amounts: receipts negative, a refund positive)', async () => {
    const dir = exportsOf('business-central-customer-ledger');
    const { comments } = await detectMapping(dir);
    const config = await detectInto(dir);
    // The file's name says "Customer": its entries (payments among signed amounts) say ledger.
    expect(config.openItems).toMatchObject({ shape: 'ledger', dateFormat: '%m/%d/%Y', columns: { ledger: { client_id: 'Customer No.', amount: 'Amount (LCY)', document_type: 'Document Type' } } });
    expect(comments['openItems.columns.ledger.amount']).toMatch(/negative receipts are receipts/);
    const wh = await buildWarehouse(dir);
    // TRUTH.md: 5 invoices + the refund read as a debit item; 886.55 + 1,000 + 12,000 + 0.
    expect(await wh.query(book)).toEqual([{ receivables: 13886.55, invoices: 6, credit_notes: 1 }]);
    expect(await wh.query(perClient)).toEqual([
      { client_id: 'C10000', open: 886.55 }, { client_id: 'C20000', open: 1000 }, { client_id: 'C30000', open: 12000 }, { client_id: 'C40000', open: 0 },
    ]);
    expect(await wh.query(`select count(*)::integer as n from quality where severity = 'error'`)).toEqual([{ n: 0 }]);
  });

  it('Odoo Journal Items (Partner as the client, not the one receivable account; journals by name)', async () => {
    const dir = exportsOf('odoo-journal-items');
    const config = await detectInto(dir);
    expect(config.openItems).toMatchObject({
      shape: 'ledger', dateFormat: '%Y-%m-%d',
      columns: { ledger: { client_id: 'Partner', debit: 'Debit', credit: 'Credit', document_type: 'Journal', letter_code: 'Matching', document_id: 'Journal Entry' } },
    });
    const wh = await buildWarehouse(dir);
    // TRUTH.md: INV 1–4, RINV/2025/00001; 3,600 + 0 + 480.
    expect(await wh.query(book)).toEqual([{ receivables: 4080, invoices: 4, credit_notes: 1 }]);
    expect(await wh.query(perClient)).toEqual([
      { client_id: 'Azure Interior', open: 480 }, { client_id: 'Deco Addict', open: 3600 }, { client_id: 'Gemini Furniture', open: 0 },
    ]);
  });

  it('Xero Aged Receivables Detail (a snapshot dated by its title, "14 Jan 2025" dates, section and total rows)', async () => {
    const dir = exportsOf('xero-aged-receivables');
    const config = await detectInto(dir);
    expect(config._undecided).toBeUndefined();
    expect(config.openItems).toMatchObject({ shape: 'snapshot', snapshotDate: '2025-03-31', dateFormat: '%d %b %Y', columns: { snapshot: { client_id: 'Contact', document_id: 'Invoice Number', open_amount: 'Due' } } });
    // "1,705.03", a UK company (its title line): euros would be assumed, and French law with them.
    expect((config._comments as Record<string, string>).currency).toMatch(/^CHECK: the exports do not say the company currency; EUR is assumed/);
    const wh = await buildWarehouse(dir);
    // TRUTH.md: the report's own Total, 11,246.95, as at 31 March 2025.
    expect(await wh.query(`select as_of_date::varchar as as_of, receivables from run_summary`)).toEqual([{ as_of: '2025-03-31', receivables: 11246.95 }]);
    expect(await wh.query(book)).toEqual([{ receivables: 11246.95, invoices: 4, credit_notes: 1 }]);
    expect(await wh.query(perClient)).toEqual([
      { client_id: 'Bayside Club', open: 1886.55 }, { client_id: 'City Agency', open: 6150 }, { client_id: 'Marine Systems', open: 3210.4 },
    ]);
    // INV-0012 due 13 Feb: 46 days past due at 31 March (15 + 31), in 31–60.
    expect(await wh.query(`select days_past_due, bucket from invoices where invoice_id = 'INV-0012'`)).toEqual([{ days_past_due: 46, bucket: '31-60' }]);
    // The report dates no payment (INV-0007's 6,000.00 paid some day): each client's months say
    // what was paid is unknown, not 0 — 3 clients × 12 months.
    expect(await wh.query(`select count(*) as months, count(paid_amount) as paid_known, count(payment_count) as count_known from client_months`))
      .toEqual([{ months: 36, paid_known: 0, count_known: 0 }]);
  });

  it('Pennylane factures clients (Reste à payer; its date not in the export: said first, with the setting)', async () => {
    const dir = exportsOf('pennylane-factures');
    const config = await detectInto(dir);
    expect(Object.keys(config)[0]).toBe('_undecided');
    expect(config._undecided).toEqual([expect.stringMatching(/^openItems\.snapshotDate: the export does not say the date of its balances/)]);
    expect(config.openItems).toMatchObject({ shape: 'snapshot', columns: { snapshot: { client_id: 'Client', open_amount: 'Reste à payer', amount: 'Montant TTC' } } });
    const wh = await buildWarehouse(dir);
    // TRUTH.md: F-2025-001 and -004 settled in full (0,00) are not open items; 1,000 + 900 + 7,500.
    expect(await wh.query(book)).toEqual([{ receivables: 9400, invoices: 4, credit_notes: 1 }]);
    expect(await wh.query(perClient)).toEqual([
      { client_id: 'Boulangerie Martin', open: 1000 }, { client_id: 'Cabinet Leroy', open: 7500 }, { client_id: 'Garage Dupont', open: 900 },
    ]);
  });
});

describe.concurrent('exports encours had not been tried on, read with the proposal untouched', () => {
  it('Stripe Invoices export (a snapshot: Amount Remaining, not Amount Due; draft, void and uncollectible by their status)', async () => {
    const dir = exportsOf('stripe-invoices');
    const config = await detectInto(dir);
    // Its date is not in the export: said first, with the setting.
    expect(Object.keys(config)[0]).toBe('_undecided');
    expect(config._undecided).toEqual([expect.stringMatching(/^openItems\.snapshotDate: the export does not say the date of its balances/)]);
    expect(config.openItems).toMatchObject({
      shape: 'snapshot', dateFormat: '%Y-%m-%d %H:%M:%S',
      columns: { snapshot: { client_id: 'Customer', client_name: 'Customer Name', document_id: 'Number', open_amount: 'Amount Remaining', amount: 'Total', status: 'Status' } },
    });
    const comments = config._comments as Record<string, string>;
    expect(comments['openItems.columns.snapshot.status']).toMatch(/'draft', 'void': never issued or voided, no receivable; 'uncollectible': written off/);
    // 'Paid' (true/false) is no paid amount.
    expect(Object.keys(comments).filter((k) => k.startsWith('ignored.snapshot.'))).toEqual(['ignored.snapshot.Amount Paid']);
    const wh = await buildWarehouse(dir);
    // TRUTH.md: the 5 open invoices' Amount Remaining, 1,800 + 490 + 1,350 + 2,100 + 3,600, at the
    // latest date of the file's open documents (0011's, 25 March).
    expect(await wh.query(`select as_of_date::varchar as as_of, receivables from run_summary`)).toEqual([{ as_of: '2025-03-25', receivables: 9340 }]);
    expect(await wh.query(book)).toEqual([{ receivables: 9340, invoices: 5, credit_notes: 0 }]);
    expect(await wh.query(perClient)).toEqual([
      { client_id: 'cus_RkT2aQ8nLm3xYb', open: 1800 }, { client_id: 'cus_RkT3bW1pZc9vHd', open: 490 },
      { client_id: 'cus_RkT4cE7sXf2kJn', open: 1350 }, { client_id: 'cus_RkT5dR4tVg6mPq', open: 5700 },
    ]);
    // 0004 due 5 March: 20 days past due on 25 March.
    expect(await wh.query(`select days_past_due, bucket from invoices where invoice_id = '3F9A1C2E-0004'`)).toEqual([{ days_past_due: 20, bucket: '1-30' }]);
    // The draft (no number) is no error; the draft and the void one, and the written-off 0003, said apart.
    expect(await wh.query(`select severity, line, reason_code, reason_number, reason from quality where input = 'snapshot' and reason_code <> 'snapshot_needs_history' order by line`)).toEqual([
      { severity: 'info', line: 2, reason_code: 'snapshot_cancelled_documents', reason_number: 2, reason: '2 documents whose status (draft, void) says they were never issued or were voided: not receivables' },
      { severity: 'info', line: 4, reason_code: 'snapshot_settled_documents', reason_number: 4, reason: expect.stringMatching(/^4 documents owe nothing at the snapshot/) },
      { severity: 'info', line: 11, reason_code: 'snapshot_written_off_documents', reason_number: 1, reason: '1 documents written off (status uncollectible), 2400.00 in all: not open items, out of the receivables' },
    ]);
    expect(await wh.query(`select count(*)::integer as n from snapshots where invoice_id in ('3F9A1C2E-0003', '3F9A1C2E-0007')`)).toEqual([{ n: 0 }]);
  });

  it('IBM Accounts Receivable data set (SettledDate settles each invoice in full; open at an as-of date before it)', async () => {
    const dir = exportsOf('ibm-accounts-receivable');
    const { comments } = await detectMapping(dir);
    const config = await detectInto(dir);
    expect(config._undecided).toBeUndefined();
    expect(config.openItems).toMatchObject({
      dateFormat: '%m/%d/%Y',
      columns: { invoices: { invoice_id: 'invoiceNumber', client_id: 'customerID', issue_date: 'InvoiceDate', due_date: 'DueDate', amount: 'InvoiceAmount', is_disputed: 'Disputed', paid_date: 'SettledDate' } },
    });
    expect(comments['openItems.columns.invoices.paid_date']).toMatch(/no column gives a paid amount: the day each invoice was settled in full/);
    const wh = await buildWarehouse(dir, { asOf: '2013-06-30' });
    // TRUTH.md: issued by 30 June 2013 and settled after it: 71.18 + 63.25 + 66.83 + 77.40 + 95.38.
    expect(await wh.query(book)).toEqual([{ receivables: 374.04, invoices: 15, credit_notes: 0 }]);
    expect(await wh.query(perClient)).toEqual([
      { client_id: '0379-NEVHP', open: 134.43 }, { client_id: '2820-XGXSB', open: 66.83 }, { client_id: '8976-AMJEO', open: 77.4 }, { client_id: '9322-YCTQO', open: 95.38 },
    ]);
    // Open and disputed: 7000103 and 5504671; 9231856, settled on the as-of date, is paid; 7000102 due 19 June.
    expect(await wh.query(`select invoice_id from invoices where open_amount > 0 and is_disputed order by 1`)).toEqual([{ invoice_id: '5504671' }, { invoice_id: '7000103' }]);
    expect(await wh.query(`select invoice_id, open_amount, days_past_due from invoices where invoice_id in ('9231856', '7000102') order by 1`)).toEqual([
      { invoice_id: '7000102', open_amount: 71.18, days_past_due: 11 }, { invoice_id: '9231856', open_amount: 0, days_past_due: null },
    ]);
    // 7900777: issued 26 January, due 25 February, settled 20 March: 53 days to pay, 23 late (its DaysToSettle, DaysLate).
    expect(await wh.query(`select settled_date::varchar as settled, days_to_pay, days_late from invoices where invoice_id = '7900777'`))
      .toEqual([{ settled: '2013-03-20', days_to_pay: 53, days_late: 23 }]);
    // Without an as-of date: the last settlement's, 6 September 2013, when every invoice is paid.
    const latest = await buildWarehouse(dir);
    expect(await latest.query(`select as_of_date::varchar as as_of, receivables from run_summary`)).toEqual([{ as_of: '2013-09-06', receivables: 0 }]);
  });
});

describe.concurrent('npm run detect, then the ETL with the proposal untouched: the other exports of export-shapes.test.ts and schedules-and-currencies.test.ts', () => {
  it('SAP FBL5N (tab text, "120,00-", RV / DG / DZ read by the defaults, clearing document and date)', async () => {
    const dir = exportsOf('sap-fbl5n');
    const config = await detectInto(dir);
    expect(config._undecided).toBeUndefined();
    expect(config.openItems).toMatchObject({
      shape: 'ledger', delimiter: '\t', dateFormat: '%d.%m.%Y', decimalSeparator: ',',
      columns: { ledger: { client_id: 'Account', amount: 'Amount in Local Currency', document_type: 'Document Type', entry_date: 'Document Date', letter_code: 'Clearing Document', letter_date: 'Clearing date' } },
    });
    const wh = await buildWarehouse(dir);
    // export-shapes.test.ts: RV 1800000010, 11, 13, 14, 15 invoices, DG 1800000012 the credit memo.
    // 100001: 1,705.03 cleared by 1400000001; 886.55 − 86.55 − 400.00 = 400.00. 100002: 12,345.60
    // cleared by 1400000004; 0.99 + 2,400.00 = 2,400.99. 400.00 + 2,400.99 = 2,800.99.
    expect(await wh.query(book)).toEqual([{ receivables: 2800.99, invoices: 5, credit_notes: 1 }]);
    expect(await wh.query(perClient)).toEqual([{ client_id: '100001', open: 400 }, { client_id: '100002', open: 2400.99 }]);
    expect(await wh.query(`select invoice_id, source_id, allocation_date, method from allocations where method = 'lettering' order by invoice_id`)).toEqual([
      { invoice_id: '1800000010', source_id: '1400000001', allocation_date: '2024-02-14', method: 'lettering' },
      { invoice_id: '1800000013', source_id: '1400000004', allocation_date: '2024-03-11', method: 'lettering' },
    ]);
    expect(await wh.query(`select count(*)::integer as n from quality where severity <> 'info'`)).toEqual([{ n: 0 }]);
  });

  it('Cegid échéancier and its Reglements.csv (one line per instalment, the payment naming its invoice)', async () => {
    const dir = exportsOf('cegid-echeancier');
    const config = await detectInto(dir);
    expect(config._undecided).toBeUndefined();
    expect(config.openItems).toMatchObject({
      dateFormat: '%d/%m/%Y', decimalSeparator: ',', files: { invoices: 'Echeancier_clients.csv', payments: 'Reglements.csv' },
      columns: {
        invoices: { invoice_id: 'N° pièce', client_id: 'Code tiers', issue_date: 'Date pièce', due_date: 'Date échéance', amount: 'Montant échéance' },
        payments: { payment_id: 'N° règlement', client_id: 'Code tiers', payment_date: 'Date règlement', amount: 'Montant', invoice_id: 'Pièce réglée' },
      },
    });
    const wh = await buildWarehouse(dir);
    // schedules-and-currencies.test.ts: FA1001 in three instalments (1,000.00, 1,000.00, 1,000.50),
    // FA1002 500.00, FA1003 1,200.00: 3 invoices, 5 instalment rows. RG0001 names FA1001 and pays
    // its earliest instalment. 1,000 + 1,000.50 + 500 + 1,200 = 3,700.50 (CLI001 2,500.50, CLI002 1,200).
    expect(wh.manifest.documents).toEqual({ invoices: 3, credit_notes: 0 });
    expect(await wh.query(book)).toEqual([{ receivables: 3700.5, invoices: 5, credit_notes: 0 }]);
    expect(await wh.query(perClient)).toEqual([{ client_id: 'CLI001', open: 2500.5 }, { client_id: 'CLI002', open: 1200 }]);
    expect(await wh.query(`select invoice_id, source_id, amount, method from allocations`)).toEqual([
      { invoice_id: 'FA1001/1', source_id: 'RG0001', amount: 1000, method: 'reference' },
    ]);
    expect(await wh.query(`select count(*)::integer as n from quality where severity <> 'info'`)).toEqual([{ n: 0 }]);
  });

  it('QuickBooks A/R Aging Detail (a snapshot dated by its title, section and total rows set aside)', async () => {
    const dir = exportsOf('quickbooks-ar-aging-detail');
    const config = await detectInto(dir);
    expect(config._undecided).toBeUndefined();
    expect(config.openItems).toMatchObject({
      shape: 'snapshot', snapshotDate: '2024-03-31', dateFormat: '%m/%d/%Y',
      columns: { snapshot: { client_id: 'Customer', document_id: 'Num', open_amount: 'Open Balance', amount: 'Amount', kind: 'Transaction Type' } },
    });
    const wh = await buildWarehouse(dir);
    // export-shapes.test.ts: Amy's 1,705.03 + 486.55 − 120.00 (credit memo 1003) = 2,071.58,
    // Bill's 6,345.60 + 0.99 = 6,346.59; 8,418.17 over 4 invoices and 1 credit memo.
    expect(await wh.query(`select as_of_date::varchar as as_of from run_summary`)).toEqual([{ as_of: '2024-03-31' }]);
    expect(await wh.query(book)).toEqual([{ receivables: 8418.17, invoices: 4, credit_notes: 1 }]);
    expect(await wh.query(perClient)).toEqual([{ client_id: "Amy's Bird Sanctuary", open: 2071.58 }, { client_id: "Bill's Windsurf Shop", open: 6346.59 }]);
    expect(await wh.query(`select count(*)::integer as n from quality where severity <> 'info'`)).toEqual([{ n: 0 }]);
  });

  it("Business Central invoices and payments with 'Amount (LCY)' (USD customers; the receipt applied to its invoice)", async () => {
    const dir = exportsOf('business-central-lcy');
    const config = await detectInto(dir);
    expect(config._undecided).toBeUndefined();
    expect(config.openItems).toMatchObject({
      dateFormat: '%m/%d/%Y',
      columns: {
        invoices: { invoice_id: 'Document No.', client_id: 'Customer No.', currency: 'Currency Code', amount: 'Amount', amount_company_currency: 'Amount (LCY)' },
        payments: { payment_id: 'Document No.', client_id: 'Customer No.', payment_date: 'Posting Date', invoice_id: 'Applies-to Doc. No.', currency: 'Currency Code', amount_company_currency: 'Amount (LCY)' },
      },
    });
    const wh = await buildWarehouse(dir);
    // schedules-and-currencies.test.ts: 2002 (2,000 USD) settles 103002 at 103002's rate,
    // 1,834.86 €; open 103003 508.55 € and 103004 238.00 €: 746.55 €, no unapplied cash.
    // Applied oldest due first at its own rate (1,849.28 €), 2002 would leave 103003 at 494.13 €.
    expect(await wh.query(book)).toEqual([{ receivables: 746.55, invoices: 4, credit_notes: 0 }]);
    expect(await wh.query(perClient)).toEqual([{ client_id: '10000', open: 238 }, { client_id: '20000', open: 508.55 }]);
    expect(await wh.query(`select payment_id, amount, unapplied_amount from payments order by payment_id`)).toEqual([
      { payment_id: '2001', amount: 1190, unapplied_amount: 0 },
      { payment_id: '2002', amount: 1834.86, unapplied_amount: 0 },
    ]);
    expect(await wh.query(`select count(*)::integer as n from quality where severity <> 'info'`)).toEqual([{ n: 0 }]);
  });

  it('Quadra/Cegid extract with Montant and Sens (VT a sales journal, a refund in BQ)', async () => {
    const dir = exportsOf('sens-dc-ledger');
    const config = await detectInto(dir);
    expect(config._undecided).toBeUndefined();
    expect(config.openItems).toMatchObject({ shape: 'ledger', columns: { ledger: { client_id: 'Compte', amount: 'Montant', direction: 'Sens', document_type: 'Journal', letter_code: 'Lettrage' } } });
    const wh = await buildWarehouse(dir);
    // export-shapes.test.ts: FA0001–FA0006 and the refund RB0001 read as a debit item (7), AV0001;
    // 411BERNARD's 120.00 overpaid settles the refund. 0 + 400.00 + 2,400.99 = 2,800.99.
    expect(await wh.query(book)).toEqual([{ receivables: 2800.99, invoices: 7, credit_notes: 1 }]);
    expect(await wh.query(perClient)).toEqual([{ client_id: '411BERNARD', open: 0 }, { client_id: '411DUPONT', open: 400 }, { client_id: '411MARTIN', open: 2400.99 }]);
    expect(await wh.query('select unapplied_cash from run_summary')).toEqual([{ unapplied_cash: 0 }]);
  });

  it("Business Central Customer Ledger Entries with USD customers: 'Amount (LCY)' read as the amount", async () => {
    const dir = exportsOf('business-central-ledger-lcy');
    const config = await detectInto(dir);
    expect(config._undecided).toBeUndefined();
    expect(config.openItems).toMatchObject({ shape: 'ledger', columns: { ledger: { client_id: 'Customer No.', amount: 'Amount (LCY)', document_type: 'Document Type' } } });
    const wh = await buildWarehouse(dir);
    // schedules-and-currencies.test.ts: 2001 settles 103001, 2002 (−1,834.86 €) 103002; open 103003
    // 508.55 € and 103004 238.00 €: 746.55 €.
    expect(wh.manifest.documents).toEqual({ invoices: 4, credit_notes: 0 });
    expect(await wh.query(book)).toEqual([{ receivables: 746.55, invoices: 4, credit_notes: 0 }]);
    expect(await wh.query(perClient)).toEqual([{ client_id: '10000', open: 238 }, { client_id: '20000', open: 508.55 }]);
  });

  it("Sage 100 grand-livre des tiers: its OD journal undecided, said first; the ETL stops naming the setting, the previous warehouse untouched", async () => {
    const dir = exportsOf('sage100-gl-tiers');
    const config = await detectInto(dir);
    expect(Object.keys(config)[0]).toBe('_undecided');
    expect(config._undecided).toEqual([expect.stringMatching(/^openItems\.values\.documentType: 'Journal' holds 'OD', whose meaning its words do not say/)]);
    expect(config.openItems).toMatchObject({
      shape: 'ledger', dateFormat: '%d/%m/%Y',
      columns: { ledger: { client_id: 'N° compte tiers', client_name: 'Intitulé', debit: 'Débit', credit: 'Crédit', document_type: 'Journal', letter_code: 'Lettrage' } },
    });
    // A warehouse published first (SAP's six documents), that the stop must leave as it was.
    const warehouse = join(mkdtempSync(join(tmpdir(), 'encours-shapes-detect-')), 'warehouse');
    expect((await etl(shapes('sap-fbl5n'), warehouse, '2024-03-31')).code).toBe(0);
    const published = readlinkSync(warehouse);
    // OD0001 (line 5) writes BERNARD's FA0000 off: left out, BERNARD would owe 1,200 − 120 = 1,080.
    const stopped = await etl(dir, warehouse);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/GL_tiers_clients\.csv: 1 of its 13 lines has a document type in none of the lists of openItems\.values\.documentType \('OD'; the first, line 5\): left out, it would be missing from what its client owes\. List it under invoice, credit_note, payment, writeoff or refund in openItems\.values\.documentType/);
    expect(stopped.stderr).toMatch(/previous warehouse was left as it was/);
    expect(stopped.stderr).not.toMatch(/^\s+at /m);
    expect(readlinkSync(warehouse)).toBe(published);
    expect(await queryWarehouse(warehouse, 'select count(*)::integer as n from invoices')).toEqual([{ n: 6 }]);
    // The one setting it asks for written (OD: a write-off), the rest of the proposal untouched.
    const openItems = config.openItems as { values: { documentType: Record<string, string[]> } };
    openItems.values.documentType.writeoff!.push('OD');
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify(config));
    const wh = await buildWarehouse(dir);
    // export-shapes.test.ts: FA0000–FA0006 (7) and the credit note AV0001; BERNARD's FA0000 lettered
    // with the write-off, FA0005 paid by 720.00 (120.00 unapplied); DUPONT 886.55 − 86.55 − 400.00;
    // MARTIN 0.99 + 2,400.00. 0 + 400.00 + 2,400.99 = 2,800.99.
    expect(await wh.query(book)).toEqual([{ receivables: 2800.99, invoices: 7, credit_notes: 1 }]);
    expect(await wh.query(perClient)).toEqual([{ client_id: 'BERNARD', open: 0 }, { client_id: 'DUPONT', open: 400 }, { client_id: 'MARTIN', open: 2400.99 }]);
    expect(await wh.query('select unapplied_cash from run_summary')).toEqual([{ unapplied_cash: 120 }]);
    expect(await wh.query('select count(*)::integer as n from quality')).toEqual([{ n: 0 }]);
  });
});

describe('a documents export with both payments and a balance column', () => {
  it('checks the balance against what the payments leave open, and warns with both figures', async () => {
    const dir = exportsOf('invoices-balance-and-payments');
    expect((await detectInto(dir)).openItems).toMatchObject({ columns: { invoices: { amount: 'Montant TTC', open_amount: 'Reste à payer' } } });
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    // FA0001 paid by RG0001; FA0002 886.55 − 300.00 (RG0003) = 586.55, the export says 386.55;
    // FA0003 12,345.60 − 6,000.00 = 6,345.60, as the export says. 586.55 + 6,345.60 = 6,932.15.
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 6932.15 }]);
    expect(await wh.query(`select line, record_id, reason from quality where severity = 'warning'`)).toEqual([{
      line: 3, record_id: 'FA0002',
      reason: "the export says invoice FA0002 still owes 386.55, and its amount less its payments and credit notes leaves 586.55 open at 2024-03-31: a payment or a credit note missing from the exports, or dated after the export's balance",
    }]);
  });
});

describe('an open-balance snapshot kept night after night', () => {
  const cli = join(root, 'etl', 'run.ts');
  const run = (input: string, warehouse: string) => promisify(execFile)(process.execPath, [cli, '--input', input, '--warehouse', warehouse], { timeout: 100_000 });

  it('two snapshots a week apart give the settlements between them, listed', async () => {
    const warehouse = join(mkdtempSync(join(tmpdir(), 'encours-snapshots-')), 'warehouse');
    await run(shapes('pennylane-factures'), warehouse);
    // The first night: ageing and receivables at its date, and a word that history is needed.
    expect(await queryWarehouse(warehouse, `select reason_code, reason_number from quality where reason_code = 'snapshot_needs_history'`))
      .toEqual([{ reason_code: 'snapshot_needs_history', reason_number: 1 }]);
    expect(await queryWarehouse(warehouse, 'select count(*)::integer as n from snapshot_settlements')).toEqual([{ n: 0 }]);
    await run(shapes('pennylane-factures-week-later'), warehouse);
    // TRUTH.md: F-2025-002 gone (1,000), F-2025-003 1,020 → 520 (500), F-2025-006 listed at 0 (1,500);
    // F-2025-005 unchanged, the credit note not listed, F-2025-007 new.
    expect(await queryWarehouse(warehouse, `select invoice_id, previous_snapshot_date::varchar as since, snapshot_date::varchar as until, previous_open_amount, open_amount, settled_amount, how
      from snapshot_settlements order by invoice_id`)).toEqual([
      { invoice_id: 'F-2025-002', since: '2025-03-31', until: '2025-04-07', previous_open_amount: 1000, open_amount: 0, settled_amount: 1000, how: 'disappeared' },
      { invoice_id: 'F-2025-003', since: '2025-03-31', until: '2025-04-07', previous_open_amount: 1020, open_amount: 520, settled_amount: 500, how: 'partly_settled' },
      { invoice_id: 'F-2025-006', since: '2025-03-31', until: '2025-04-07', previous_open_amount: 1500, open_amount: 0, settled_amount: 1500, how: 'settled_in_full' },
    ]);
    // 520 + 6,000 + 2,000 − 120 on 7 April; both snapshots kept.
    expect(await queryWarehouse(warehouse, `select receivables from run_summary`)).toEqual([{ receivables: 8400 }]);
    expect(await queryWarehouse(warehouse, `select snapshot_date::varchar as d, count(*)::integer as n from snapshots group by 1 order by 1`))
      .toEqual([{ d: '2025-03-31', n: 7 }, { d: '2025-04-07', n: 7 }]);
    expect(await queryWarehouse(warehouse, `select reason_number, reason_ref from quality where reason_code = 'snapshot_needs_history'`))
      .toEqual([{ reason_number: 2, reason_ref: '2025-03-31' }]);
  });
});

describe('a snapshot that cannot be read', () => {
  it('stops, naming the file, the first reason and the setting, the warehouse untouched', () => {
    // Pennylane's export with its status mapped as what each invoice owes: 'Payée' is no amount.
    const dir = mkdtempSync(join(tmpdir(), 'encours-shapes-detect-'));
    cpSync(shapes('pennylane-factures'), dir, { recursive: true });
    const file = join(dir, 'encours.config.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"open_amount": "Reste à payer", "kind": "Statut"', '"open_amount": "Statut"'));
    const warehouse = join(dir, 'warehouse');
    const result = spawnSync(process.execPath, [join(root, 'etl', 'run.ts'), '--input', dir, '--warehouse', warehouse], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Export_factures_clients\.csv: every one of its 7 rows was rejected, all for the same reason \(the first, line 2: open amount 'Payée' is not a number\)\. Check openItems\.columns\.snapshot\.open_amount \(now "Statut"\)\./);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(warehouse)).toBe(false);
  });
});

describe('a file that stacks two snapshots', () => {
  it('reads its latest as the open items and the earlier one as history, the settlements between them listed', async () => {
    // The two Pennylane exports of TRUTH.md in one file, each line with its snapshot's date.
    const dir = mkdtempSync(join(tmpdir(), 'encours-shapes-detect-'));
    const rows = (name: string, date: string) => readFileSync(join(shapes(name), 'Export_factures_clients.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((l) => `${date};${l}`);
    writeFileSync(join(dir, 'Export_factures_clients.csv'), [
      "Date de situation;Numéro de facture;Client;Date d'émission;Date d'échéance;Montant HT;Montant TTC;Reste à payer;Statut",
      ...rows('pennylane-factures', '31/03/2025'), ...rows('pennylane-factures-week-later', '07/04/2025'),
    ].join('\n'));
    const config = await detectInto(dir);
    expect(config.openItems).toMatchObject({ shape: 'snapshot', columns: { snapshot: { snapshot_date: 'Date de situation' } } });
    expect(config._undecided).toBeUndefined();
    const wh = await buildWarehouse(dir);
    // 7 April: 520 + 6,000 + 2,000 − 120; settled since 31 March: 1,000 + 500 + 1,500.
    expect(await wh.query(`select as_of_date::varchar as as_of, receivables from run_summary`)).toEqual([{ as_of: '2025-04-07', receivables: 8400 }]);
    expect(await wh.query(`select invoice_id, settled_amount, how from snapshot_settlements order by invoice_id`)).toEqual([
      { invoice_id: 'F-2025-002', settled_amount: 1000, how: 'disappeared' },
      { invoice_id: 'F-2025-003', settled_amount: 500, how: 'partly_settled' },
      { invoice_id: 'F-2025-006', settled_amount: 1500, how: 'settled_in_full' },
    ]);
  });
});

describe.concurrent('detection decides from the content', () => {
  it('says an export with no client column cannot be read per client, and never takes a date for it', async () => {
    // Xero's report without its Contact column: the due dates repeat, but a date is not a client.
    const dir = mkdtempSync(join(tmpdir(), 'encours-shapes-detect-'));
    const lines = readFileSync(join(shapes('xero-aged-receivables'), 'Aged_Receivables_Detail.csv'), 'utf8').split('\n')
      .map((line) => line.split(',').filter((_, i) => i !== 2).join(','));
    writeFileSync(join(dir, 'Aged_Receivables_Detail.csv'), lines.join('\n'));
    const { config, undecided } = await detectMapping(dir);
    expect(undecided[0]).toMatchObject({ setting: 'openItems.columns.snapshot.client_id', why: expect.stringMatching(/^the export cannot be read per client: no column identifies the client/) });
    expect((config.openItems as { columns: { snapshot: Record<string, string> } }).columns.snapshot.client_id).toBeUndefined();
  });

  it('takes files named for clients for what they hold: an échéancier, a ledger, an aging report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-shapes-detect-'));
    writeFileSync(join(dir, 'Echeancier_clients.csv'), 'Compte;Pièce;Date;Échéance;Montant;Sens\n411A;F1;05/01/2025;04/02/2025;100,00;D\n411A;R1;20/01/2025;;100,00;C\n411B;F2;13/01/2025;12/02/2025;250,50;D\n');
    const { config } = await detectMapping(dir);
    expect(config.openItems).toMatchObject({ shape: 'ledger', files: { ledger: 'Echeancier_clients.csv' }, columns: { ledger: { client_id: 'Compte', amount: 'Montant', direction: 'Sens' } } });
    expect((config.openItems as { files: Record<string, string> }).files.clients).toBeUndefined();
    // Sage's grand-livre tiers: Débit/Crédit make it a ledger; its VTE and BQ1 journals read by
    // their words, its OD (opérations diverses) not: listed first, with the setting to write.
    const sage = await detectMapping(exportsOf('sage100-gl-tiers'));
    expect(sage.config.openItems).toMatchObject({ shape: 'ledger', files: { ledger: 'GL_tiers_clients.csv' }, columns: { ledger: { client_id: 'N° compte tiers', debit: 'Débit', credit: 'Crédit' } } });
    expect(sage.undecided).toEqual([{ setting: 'openItems.values.documentType', why: expect.stringMatching(/^'Journal' holds 'OD', whose meaning its words do not say/) }]);
    const aging = exportsOf('quickbooks-ar-aging-detail');
    expect((await detectMapping(aging)).config.openItems).toMatchObject({ shape: 'snapshot', snapshotDate: '2024-03-31', files: { snapshot: 'AR_Aging_Detail.csv' } });
  });

  it('reads dates written with a time of day (a database dump) with the format that has it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-shapes-detect-'));
    writeFileSync(join(dir, 'invoices.csv'), 'invoice_id,client_id,issue_date,due_date,amount\nA1,K1,2025-07-03 00:00:00,2025-08-02 00:00:00,120.00\nA2,K1,2025-07-15 00:00:00,2025-08-14 00:00:00,80.50\n');
    const config = await detectInto(dir);
    expect(config.openItems).toMatchObject({ dateFormat: '%Y-%m-%d %H:%M:%S' });
    const wh = await buildWarehouse(dir);
    expect(await wh.query(`select invoice_id, issue_date::varchar as issued from invoices order by 1`)).toEqual([{ invoice_id: 'A1', issued: '2025-07-03' }, { invoice_id: 'A2', issued: '2025-07-15' }]);
  });

  it('reads UTF-16 text without printing DuckDB\'s sniffer, and a workbook folder', async () => {
    const utf16 = mkdtempSync(join(tmpdir(), 'encours-shapes-detect-'));
    const text = readFileSync(join(shapes('pennylane-factures'), 'Export_factures_clients.csv'), 'utf8').replace(/^\uFEFF/, '').replaceAll(';', '\t');
    writeFileSync(join(utf16, 'Export_factures_clients.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const cli = spawnSync(process.execPath, [join(root, 'etl', 'detect.ts'), utf16, '--print'], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stderr).not.toMatch(/sniff|CSV Error|Original error|Possible fixes/i);
    expect(JSON.parse(cli.stdout.slice(cli.stdout.indexOf('{'))).openItems).toMatchObject({ shape: 'snapshot', delimiter: '\t', encoding: 'auto', columns: { snapshot: { open_amount: 'Reste à payer' } } });

    const workbook = mkdtempSync(join(tmpdir(), 'encours-shapes-detect-'));
    const date = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), format: 'dd/mm/yyyy' });
    await writeXlsxFile([
      ['Numéro de facture', 'Client', "Date d'émission", "Date d'échéance", 'Montant TTC', 'Reste à payer'],
      ['F-1', 'Garage Dupont', date('2025-02-03'), date('2025-03-05'), 1020, 1020],
      ['F-2', 'Garage Dupont', date('2025-02-20'), date('2025-03-22'), 480, 0],
      ['F-3', 'Cabinet Leroy', date('2025-03-10'), date('2025-04-09'), 6000, 2500.5],
      ['F-4', 'Cabinet Leroy', date('2025-03-12'), date('2025-04-11'), 300, 300],
    ], { sheet: 'Factures' }).toFile(join(workbook, 'factures_clients.xlsx'));
    expect((await detectInto(workbook)).openItems).toMatchObject({ shape: 'snapshot', files: { snapshot: 'factures_clients.xlsx' }, columns: { snapshot: { open_amount: 'Reste à payer', client_id: 'Client' } } });
    const wh = await buildWarehouse(workbook, { asOf: '2025-03-31' });
    // Open: F-1 1,020; F-3 2,500.50; F-4 300 (F-2 settled) → 3,820.50.
    expect(await wh.query(book)).toEqual([{ receivables: 3820.5, invoices: 3, credit_notes: 0 }]);
  });
});
