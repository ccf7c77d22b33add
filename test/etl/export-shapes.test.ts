// Exports shaped the way other software writes them (test/fixtures/export-shapes/, one folder per
// case): each reads right to the cent, or stops with a message that names the file, the cause and
// the setting to check — before the publishing guard speaks, and with the previous warehouse left
// as it was. The truth of each case is worked out by hand in its comment.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { beforeAll, describe, expect, it } from 'vitest';

import { parseConfig } from '../../etl/config.ts';
import { detectMapping } from '../../etl/detect.ts';
import { buildWarehouse, fixturesDir, queryWarehouse, sharedWarehouse } from '../helpers.ts';

const shapes = (name: string) => join(fixturesDir, 'export-shapes', name);
const cli = join(import.meta.dirname, '..', '..', 'etl', 'run.ts');

async function etl(inputDir: string, warehouseDir: string, asOf?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = [cli, '--input', inputDir, '--warehouse', warehouseDir, ...(asOf ? ['--as-of', asOf] : [])];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 24, timeout: 100_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('stops that name the cause', () => {
  let warehouseDir: string;
  let published: string;

  // A warehouse is published first (the five items of real-exports/fr-excel-csv), so that a stop
  // can be seen to leave it as it was.
  beforeAll(async () => {
    warehouseDir = join(mkdtempSync(join(tmpdir(), 'encours-shapes-')), 'warehouse');
    const first = await etl(join(fixturesDir, 'real-exports', 'fr-excel-csv'), warehouseDir, '2024-03-31');
    expect(first.code).toBe(0);
    published = readlinkSync(warehouseDir);
  });

  async function expectStopped(inputDir: string, message: RegExp, asOf?: string): Promise<string> {
    const result = await etl(inputDir, warehouseDir, asOf);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/publishing guard|allow-shrink/);
    expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(result.stderr).toMatch(/previous warehouse was left as it was/);
    expect(readlinkSync(warehouseDir)).toBe(published);
    expect(await queryWarehouse(warehouseDir, 'select count(*) as n from invoices')).toEqual([{ n: 5 }]);
    return result.stderr;
  }

  it('an export that writes two-digit years, mapped with %Y', async () => {
    // invoices.csv: FA0001–FA0003 on lines 2–4, dated '15/01/24'; '%d/%m/%Y' reads the year 24:
    // all three rejected (and the payments after them). Without the stop: the guard's "no
    // invoices … check --as-of, or --allow-shrink", whose advice publishes an empty warehouse.
    await expectStopped(
      shapes('stop-two-digit-years'),
      /invoices\.csv: every one of its 3 rows was rejected, all for the same reason \(the first, line 2: issue date 0024-01-15 is outside 1990–2099\)\. The years are written with two digits: %y reads them \(e\.g\. "%d\/%m\/%y"\)\. Check openItems\.dateFormat \(now "%d\/%m\/%Y"\)\./,
      '2024-03-31',
    );
  });

  it('the two-digit-year format the stop names reads the export right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-years-'));
    cpSync(shapes('stop-two-digit-years'), dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'encours.config.json'), 'utf8')) as { openItems: { dateFormat: string } };
    config.openItems.dateFormat = '%d/%m/%y';
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify(config));
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    // FA0001 1,705.03 paid by RG0001, FA0002 886.55 by RG0003, FA0003 12,345.60 − RG0002 6,000.00.
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 6345.6 }]);
  });

  it('an invoices file with Débit and Crédit columns whose amount is mapped to Débit', async () => {
    // AV0001 (line 5) has its 120,00 under "Crédit": read from "Débit" it would be rejected as
    // "amount '' is not a number", and every payment of payments.csv likewise. The stop names the
    // shape that reads both sides.
    await expectStopped(
      shapes('stop-debit-credit-documents'),
      /invoices\.csv, line 1: the invoices file has a "Débit" and a "Crédit" column, and only "Débit" is read as the amount \(openItems\.columns\.invoices\.amount\): every credit line would be lost\. Read it as a customer ledger \(openItems\.shape "ledger"/,
      '2024-03-31',
    );
  });

  it('dates written with a time of day, with no --as-of: the stop comes before the as-of date is looked for', async () => {
    // '2024-01-15 00:00:00' is not '%Y-%m-%d' (the default): the five lines are all rejected, and
    // the message says which format reads them.
    await expectStopped(
      shapes('stop-datetime-dates'),
      /invoices\.csv: every one of its 5 rows was rejected, all for the same reason \(the first, line 2: issue date '2024-01-15 00:00:00' does not match the date format %Y-%m-%d\)\. The values carry a time of day: the format "%Y-%m-%d %H:%M:%S" reads them\. Check openItems\.dateFormat \(now "%Y-%m-%d"\)\./,
    );
  });

  it('the format the stop names reads the file right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-datetime-'));
    cpSync(shapes('stop-datetime-dates'), dir, { recursive: true });
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify({ openItems: { dateFormat: '%Y-%m-%d %H:%M:%S' } }));
    const out = join(mkdtempSync(join(tmpdir(), 'encours-datetime-wh-')), 'warehouse');
    const result = await etl(dir, out, '2024-03-31');
    expect(result.code).toBe(0);
    // One quality row: the info that there is no clients file.
    expect(result.stdout).toMatch(/4 invoices and 1 credit note, 1 quality rows/);
    // F001 1,705.03 + F002 886.55 + F003 12,345.60 + F004 0.99 − AV01 120.00 = 14,818.17.
    expect(await queryWarehouse(out, 'select receivables from run_summary')).toEqual([{ receivables: 14818.17 }]);
  });

  it('every due date in another format than the mapping says', async () => {
    // Issue dates are ISO (read in any case); due dates '14.02.2024' are not '%Y-%m-%d': all five
    // would be replaced by the default terms, which the run would publish with five warnings.
    await expectStopped(
      shapes('stop-due-dates-format'),
      /invoices\.csv: not one of its due dates reads with the date format %Y-%m-%d \(5 unreadable; the first, line 2: due date '14\.02\.2024' does not match the date format\)\. Check openItems\.dateFormat \(now "%Y-%m-%d"\)\. Read so, every due date would come from the payment terms\./,
      '2024-03-31',
    );
  });

  it('the last line counts invoices and credit notes apart', async () => {
    // fr-excel-csv: F001–F004 are invoices, AV01 ("Avoir") a credit note.
    const result = await etl(join(fixturesDir, 'real-exports', 'fr-excel-csv'), join(mkdtempSync(join(tmpdir(), 'encours-line-')), 'warehouse'), '2024-03-31');
    expect(result.stdout).toMatch(/\d+ tables, 4 invoices and 1 credit note, 0 quality rows/);
  });
});

// An invoicing tool's invoice list (Factures.csv, Windows-1252, ';', dd/mm/yyyy, no-break-space
// thousands), no payments file: the amount invoiced, what was paid, what is left, a status.
//   line  N° facture  Client   Montant TTC  Montant réglé  Reste à payer  Date de règlement
//   2     F-2024-001  DUPONT     1 705,03      1 705,03          0,00       10/02/2024
//   3     F-2024-002  DUPONT       886,55        400,00        486,55       (none)
//   4     F-2024-003  MARTIN    12 345,60          0,00     12 345,60
//   5     F-2024-004  MARTIN         0,99          0,00          0,99
//   6     F-2024-005  BERNARD    2 400,00      2 400,00          0,00       20/03/2024
// Open at 31 March 2024: 486,55 + 12 345,60 + 0,99 = 12 833,14 (DUPONT 486,55, MARTIN
// 12 346,59, BERNARD 0). Read by its Montant TTC alone: 17 338,17, as if nothing were paid.
describe('paid amounts and their dates', () => {
  const openByClient = `select client_id, receivables_amount from clients where receivables_amount <> 0 order by client_id`;
  const truthByClient = [{ client_id: 'DUPONT', receivables_amount: 486.55 }, { client_id: 'MARTIN', receivables_amount: 12346.59 }];

  it('a paid amount with no paid-date column stops the run, naming the two ways out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-paid-'));
    cpSync(shapes('invoice-list-paid-no-date'), dir, { recursive: true });
    const columns = { invoice_id: 'N° facture', client_id: 'Client', issue_date: 'Date', due_date: 'Échéance', amount: 'Montant TTC', paid_amount: 'Montant réglé' };
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify({ openItems: { dateFormat: '%d/%m/%Y', files: { invoices: 'Factures*.csv' }, columns: { invoices: columns } } }));
    const result = await etl(dir, join(dir, 'warehouse'), '2024-03-31');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Factures\.csv, line 1: the invoices file has a paid amount \("Montant réglé", openItems\.columns\.invoices\.paid_amount\) and no paid date: a settlement without its date cannot be dated or aged\. Either map the column that dates each settlement \(openItems\.columns\.invoices\.paid_date\), or map the balance column "Reste à payer" as the amount \(openItems\.columns\.invoices\.amount\) and remove openItems\.columns\.invoices\.paid_amount\./,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('detect never proposes a paid amount without its date: it reads the balances as a snapshot, each open amount right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-paid-'));
    cpSync(shapes('invoice-list-paid-no-date'), dir, { recursive: true });
    const { config, comments } = await detectMapping(dir);
    expect(config.openItems).toMatchObject({ shape: 'snapshot' });
    const columns = (config.openItems as { columns: { snapshot: Record<string, string> } }).columns.snapshot;
    expect(columns).toEqual({ document_id: 'N° facture', client_id: 'Client', client_name: 'Client', issue_date: 'Date', due_date: 'Échéance', amount: 'Montant TTC', open_amount: 'Reste à payer' });
    expect(comments['ignored.snapshot.Montant réglé']).toMatch(/^UNREAD: a paid amount, but no column dates it/);
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify(config));
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 12833.14 }]);
    expect(await wh.query(openByClient)).toEqual(truthByClient);
    // The two settled invoices owe nothing at the snapshot: counted as such, neither loaded nor rejected.
    expect(await wh.query(`select line, severity, reason from quality where severity <> 'info'`)).toEqual([]);
    expect(await wh.query(`select line, reason from quality where input = 'snapshot' and reason_code = 'snapshot_settled_documents'`)).toEqual([
      { line: 2, reason: '2 documents owe nothing at the snapshot (settled in full): not open items; kept in the snapshots to tell when they were settled' },
    ]);
  });

  it('a paid amount whose line has no date is read as settled by the as-of date, and said so', async () => {
    const wh = await buildWarehouse(shapes('invoice-list-paid-dates'), { asOf: '2024-03-31' });
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 12833.14 }]);
    expect(await wh.query(openByClient)).toEqual(truthByClient);
    expect(await wh.query(`select line, severity, reason from quality where severity <> 'info'`)).toEqual([
      { line: 3, severity: 'warning', reason: "paid amount '400,00' has no paid date: read as settled by the as-of date, its date unknown (payment-behaviour figures count it as paid on the as-of date)" },
    ]);
  });

  it('a paid-date column with no date at all stops the run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-paid-'));
    cpSync(shapes('invoice-list-paid-dates'), dir, { recursive: true });
    const file = join(dir, 'Factures.csv');
    writeFileSync(file, readFileSync(file, 'latin1').replace(/;\d\d\/\d\d\/\d{4}\r\n/g, ';\r\n'), 'latin1');
    const result = await etl(dir, join(dir, 'warehouse'), '2024-03-31');
    expect(result.code).toBe(1);
    // F-2024-001, -002 and -005 are paid, none dated.
    expect(result.stderr).toMatch(
      /Factures\.csv: not one of its 3 paid amounts has a paid date \(the first, line 2: paid amount '1.705,03' has no paid date: read as settled by the as-of date, its date unknown \(payment-behaviour figures count it as paid on the as-of date\)\): a settlement without its date cannot be dated or aged\. Either map the column that dates each settlement \(openItems\.columns\.invoices\.paid_date, now "Date de règlement", which holds none\), or if the export has a column/,
    );
  });

  it('detect says where a balance it does not read comes from, in a folder with no payments file', async () => {
    const { comments } = await detectMapping(shapes('invoice-list-paid-dates'));
    expect(comments['ignored.invoices.Reste à payer']).toBe("a balance: not read, as encours computes balances from the invoice lines' paid amounts and dates ('Montant réglé', 'Date de règlement')");
  });
});

// Three customer ledgers of the same book, each written the way its software writes it: one file
// with every entry of the client accounts (openItems.shape "ledger"). The book, by hand:
//   client 1  invoice 1,705.03 (15 Jan, due 14 Feb), lettered with its payment of 1,705.03 (14 Feb)
//             invoice   886.55 (1 Feb, due 2 Mar); credit note 86.55 (20 Feb); payment 400.00
//             (10 Mar) on account: oldest due first, 886.55 − 86.55 − 400.00 = 400.00 open
//   client 2  invoice 12,345.60 (10 Feb, due 11 Mar), lettered with its payment (11 Mar)
//             invoices 0.99 (5 Mar) and 2,400.00 (20 Mar), open: 2,400.99
// Receivables at 31 March 2024: 400.00 + 2,400.99 = 2,800.99. Read as documents with the amount
// from one column, the credits were lost: 1,705.03 + 886.55 + 12,345.60 + 0.99 + 2,400 = 17,338.17.
describe('a customer ledger in one file', () => {
  const byClient = `select client_id, receivables_amount from clients order by client_id`;
  const kinds = `select kind, count(*)::integer as n from invoices group by kind order by kind`;

  it('Sage 100 grand-livre des tiers: Débit/Crédit, Windows-1252, journal codes, lettering, a write-off', async () => {
    // Also client BERNARD: FA0000 1,200.00 (18 Dec 2023) lettered D with the write-off OD0001
    // (29 Mar, journal OD → a write-off); FA0005 600.00 paid by a transfer of 720.00 (25 Mar,
    // unlettered): 600.00 to FA0005, 120.00 unapplied. BERNARD owes 0.
    // Invoices FA0000–FA0006 (7), credit note AV0001 (VTE journal, a credit).
    const wh = await sharedWarehouse(shapes('sage100-gl-tiers'), { asOf: '2024-03-31' });
    expect(await wh.query(kinds)).toEqual([{ kind: 'credit_note', n: 1 }, { kind: 'invoice', n: 7 }]);
    expect(await wh.query('select receivables, unapplied_cash from run_summary')).toEqual([{ receivables: 2800.99, unapplied_cash: 120 }]);
    expect(await wh.query(`select client_id, name, receivables_amount from clients order by client_id`)).toEqual([
      { client_id: 'BERNARD', name: 'Bernard & Fils SARL', receivables_amount: 0 },
      { client_id: 'DUPONT', name: 'Établissements Dupont', receivables_amount: 400 },
      { client_id: 'MARTIN', name: 'Martin Équipement', receivables_amount: 2400.99 },
    ]);
    expect(await wh.query(`select invoice_id, source_id, source_kind, amount, method from allocations where method = 'lettering' order by invoice_id`)).toEqual([
      { invoice_id: 'FA0000', source_id: 'OD0001', source_kind: 'writeoff', amount: 1200, method: 'lettering' },
      { invoice_id: 'FA0001', source_id: 'BQ0001', source_kind: 'payment', amount: 1705.03, method: 'lettering' },
      { invoice_id: 'FA0003', source_id: 'BQ0004', source_kind: 'payment', amount: 12345.6, method: 'lettering' },
    ]);
    expect(await wh.query('select count(*)::integer as n from quality')).toEqual([{ n: 0 }]);
  });

  it('SAP FBL5N: a signed amount with a trailing minus, document types RV / DG / DZ, clearing document and date', async () => {
    // Customers 100001 and 100002 hold clients 1 and 2. RV 1800000010–15 without 12 are invoices
    // (5), DG 1800000012 the credit memo; the DZ lines are payments. 1800000010 is cleared with
    // 1400000001 on 14.02.2024 and 1800000013 with 1400000004 on 11.03.2024.
    const wh = await sharedWarehouse(shapes('sap-fbl5n'), { asOf: '2024-03-31' });
    expect(await wh.query(kinds)).toEqual([{ kind: 'credit_note', n: 1 }, { kind: 'invoice', n: 5 }]);
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 2800.99 }]);
    expect(await wh.query(byClient)).toEqual([{ client_id: '100001', receivables_amount: 400 }, { client_id: '100002', receivables_amount: 2400.99 }]);
    expect(await wh.query(`select invoice_id, source_id, allocation_date, method from allocations where method = 'lettering' order by invoice_id`)).toEqual([
      { invoice_id: '1800000010', source_id: '1400000001', allocation_date: '2024-02-14', method: 'lettering' },
      { invoice_id: '1800000013', source_id: '1400000004', allocation_date: '2024-03-11', method: 'lettering' },
    ]);
    // Monthly sales are the invoices less the credit memo, never a payment: February 886.55 +
    // 12,345.60 − 86.55 = 13,145.60.
    expect(await wh.query(`select sum(amount) as sales from invoices where issue_date between '2024-02-01' and '2024-02-29'`)).toEqual([{ sales: 13145.6 }]);
    expect(await wh.query(`select severity, reason from quality`)).toEqual([
      { severity: 'info', reason: 'no clients file: the 2 clients are shown under their ids, with the default payment terms (30 days)' },
    ]);
  });

  it('an unsigned amount with a Sens D/C column, and a refund', async () => {
    // Clients 411DUPONT and 411MARTIN as above (AA and AB lettering). 411BERNARD: FA0005 600.00,
    // a transfer of 720.00 (C), then the 120.00 overpaid refunded (RB0001, BQ journal, D): a debit
    // that is no sales document, read as a debit item that the 120.00 left over settles.
    // 'invoice' rows: FA0001–FA0006 without FA0000 (6) and RB0001; credit note AV0001.
    const wh = await sharedWarehouse(shapes('sens-dc-ledger'), { asOf: '2024-03-31' });
    expect(await wh.query(kinds)).toEqual([{ kind: 'credit_note', n: 1 }, { kind: 'invoice', n: 7 }]);
    expect(await wh.query('select receivables, unapplied_cash from run_summary')).toEqual([{ receivables: 2800.99, unapplied_cash: 0 }]);
    expect(await wh.query(byClient)).toEqual([
      { client_id: '411BERNARD', receivables_amount: 0 },
      { client_id: '411DUPONT', receivables_amount: 400 },
      { client_id: '411MARTIN', receivables_amount: 2400.99 },
    ]);
    expect(await wh.query(`select line, severity, reason from quality where input = 'ledger'`)).toEqual([
      { line: 4, severity: 'info', reason: '1 debit lines that are not sales documents (refunds, payments or write-offs reversed) read as debit items: each is owed like an invoice and counted with the invoices' },
    ]);
  });

  it('with no document type, a credit is read as a payment, and quality says so', async () => {
    // The same extract with the Journal column unmapped: the credits RG0006, RG0001, AV0001,
    // RG0005 and RG0004 (5) are payments, so no credit note; the receivables are the same.
    const dir = mkdtempSync(join(tmpdir(), 'encours-sens-'));
    cpSync(shapes('sens-dc-ledger'), dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'encours.config.json'), 'utf8')) as { openItems: { columns: { ledger: Record<string, string> }; values?: unknown } };
    delete config.openItems.columns.ledger.document_type;
    delete config.openItems.values;
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify(config));
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    expect(await wh.query(kinds)).toEqual([{ kind: 'invoice', n: 7 }]);
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 2800.99 }]);
    expect(await wh.query(`select line, reason from quality where input = 'ledger'`)).toEqual([
      { line: 3, reason: '5 credit lines with no document type read as payments: a credit note cannot be told from a payment without one; map openItems.columns.ledger.document_type to read them apart' },
    ]);
  });
});

describe('a customer ledger that cannot be read without guessing', () => {
  async function stopped(fixture: string, change: (config: { openItems: Record<string, unknown> & { columns: { ledger: Record<string, string> } } }) => void): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'encours-ledger-'));
    cpSync(shapes(fixture), dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'encours.config.json'), 'utf8')) as Parameters<typeof change>[0];
    change(config);
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify(config));
    const result = await etl(dir, join(dir, 'warehouse'), '2024-03-31');
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    return result.stderr;
  }

  it('a Débit/Crédit ledger whose amount is mapped to Débit alone', async () => {
    const stderr = await stopped('sage100-gl-tiers', (config) => {
      const { debit, credit: _, ...rest } = config.openItems.columns.ledger;
      config.openItems.columns.ledger = { ...rest, amount: debit! };
    });
    expect(stderr).toMatch(/GL_tiers_clients\.csv, line 1: the ledger file's amount is "Débit" \(openItems\.columns\.ledger\.amount\), and its "Crédit" column is not read: every credit line would be lost\. Map openItems\.columns\.ledger\.debit and openItems\.columns\.ledger\.credit/);
  });

  it("journal codes the mapping does not list: every line rejected, the setting named", async () => {
    // Without openItems.values.documentType the defaults know no VTE, BQ1 or OD: all 13 lines.
    const stderr = await stopped('sage100-gl-tiers', (config) => {
      delete config.openItems.values;
    });
    expect(stderr).toMatch(/GL_tiers_clients\.csv: every one of its 13 rows was rejected, all for the same reason \(the first, line 2: document type 'VTE' is in none of the lists of openItems\.values\.documentType \(invoice, credit_note, payment, writeoff, refund\)\)\. Check openItems\.values\.documentType\./);
  });
});

// QuickBooks Online's A/R Aging Detail, grouped by customer, exported to CSV (AR_Aging_Detail.csv):
//   1–3 title lines (report, company, "As of March 31, 2024"), 4 blank, 5 the header (its first
//   column unnamed), 6 "Amy's Bird Sanctuary" alone, 7 1001 open 1,705.03, 8 1002 open 486.55,
//   9 credit memo 1003 −120.00, 10 "Total for Amy's…", 11 "Bill's Windsurf Shop", 12 1004 open
//   6,345.60, 13 1005 open 0.99, 14 "Total for Bill's…", 15 TOTAL, 16–19 blank, 20 the footer.
// Read with the open balance as the amount: Amy's 1,705.03 + 486.55 − 120.00 = 2,071.58, Bill's
// 6,345.60 + 0.99 = 6,346.59, receivables 8,418.17 over 4 invoices and 1 credit memo.
describe('a report saved as CSV', () => {
  const qbo = shapes('quickbooks-ar-aging-detail');
  const notes = `select line, reason from quality where severity = 'info' and line is not null order by line`;

  it('QuickBooks A/R Aging Detail: the header found below the titles, sections, totals and footer listed, never loaded', async () => {
    const wh = await sharedWarehouse(qbo, { asOf: '2024-03-31' });
    expect(await wh.query(`select kind, count(*)::integer as n from invoices group by kind order by kind`)).toEqual([{ kind: 'credit_note', n: 1 }, { kind: 'invoice', n: 4 }]);
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 8418.17 }]);
    expect(await wh.query(`select client_id, receivables_amount from clients order by client_id`)).toEqual([
      { client_id: "Amy's Bird Sanctuary", receivables_amount: 2071.58 },
      { client_id: "Bill's Windsurf Shop", receivables_amount: 6346.59 },
    ]);
    expect(await wh.query(notes)).toEqual([
      { line: 1, reason: `4 lines above the header (line 5) skipped: "A/R Aging Detail", "Craig's Design and Landscaping Services", "As of March 31, 2024", (blank)` },
      { line: 6, reason: "row with one value, 'Amy's Bird Sanctuary' (a heading or a footer of the report): not loaded" },
      { line: 10, reason: "total row 'Total for Amy's Bird Sanctuary' of the report: not loaded" },
      { line: 11, reason: "row with one value, 'Bill's Windsurf Shop' (a heading or a footer of the report): not loaded" },
      { line: 14, reason: "total row 'Total for Bill's Windsurf Shop' of the report: not loaded" },
      { line: 15, reason: "total row 'TOTAL' of the report: not loaded" },
      { line: 20, reason: "row with one value, 'Monday, April 01, 2024 09:12 AM GMT-07:00' (a heading or a footer of the report): not loaded" },
    ]);
    expect(await wh.query(`select count(*)::integer as n from quality where severity <> 'info'`)).toEqual([{ n: 0 }]);
  });

  it('openItems.headerRow names the header by hand; a wrong one stops the run naming the line and the setting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-qbo-'));
    cpSync(qbo, dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'encours.config.json'), 'utf8')) as { openItems: { headerRow?: unknown } };
    config.openItems.headerRow = { invoices: 5 };
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify(config));
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 8418.17 }]);
    // Line 3 is the date line: its one value is no header.
    config.openItems.headerRow = 3;
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify(config));
    const result = await etl(dir, join(dir, 'wh2'), '2024-03-31');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/AR_Aging_Detail\.csv, line 3: the invoices file's header reads as one single column .*\(openItems\.headerRow says the header is line 3: correct it, or remove it to let the header be found\)/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("Excel's sep=; first line: the header is the line after it, and the line is listed", async () => {
    // real-exports/fr-excel-csv with "sep=;" written above its header: the five items, now on
    // lines 3–7, read as before (F001 1,705.03 … F004 0.99, AV01 −120.00: 14,818.17).
    const dir = mkdtempSync(join(tmpdir(), 'encours-sep-'));
    cpSync(join(fixturesDir, 'real-exports', 'fr-excel-csv'), dir, { recursive: true });
    writeFileSync(join(dir, 'invoices.csv'), Buffer.concat([Buffer.from('sep=;\r\n'), readFileSync(join(dir, 'invoices.csv'))]));
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 14818.17 }]);
    expect(await wh.query(`select source_file, line, severity, reason from quality`)).toEqual([
      { source_file: 'invoices.csv', line: 1, severity: 'info', reason: '1 line above the header (line 2) skipped: "sep=;"' },
    ]);
  });
});

describe('the ledger settings', () => {
  it('refuse a document type listed for two kinds of entry, but take one listed for invoices and credit notes (a sales journal)', () => {
    expect(() => parseConfig({ openItems: { values: { documentType: { invoice: ['VT'], payment: ['VT', 'BQ'] } } } })).toThrow(
      /openItems\.values\.documentType: 'VT' is listed as invoice or credit_note and as payment; a document type is one kind of entry/,
    );
    expect(() => parseConfig({ openItems: { shape: 'ledger', values: { documentType: { invoice: ['VT'], credit_note: ['VT'], payment: ['BQ'] } } } })).not.toThrow();
    expect(() => parseConfig({ openItems: { shape: 'grand-livre' } })).toThrow(/openItems\.shape/);
  });
});
