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

import { detectMapping } from '../../etl/detect.ts';
import { buildWarehouse, fixturesDir, queryWarehouse } from '../helpers.ts';

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

  it('a payments file whose amount is mapped to the Débit column, empty on every payment line', async () => {
    // payments.csv: RG0001–RG0003 on lines 2–4, each with its amount under "Crédit" and nothing
    // under "Débit": all three rejected as "amount '' is not a number". Without the stop the run
    // published FA0001–FA0003 fully open (14,937.18 instead of 6,345.60) with only quality rows.
    await expectStopped(
      shapes('stop-payments-debit-column'),
      /payments\.csv: every one of its 3 rows was rejected, all for the same reason \(the first, line 2: amount '' is not a number\)\. Check openItems\.columns\.payments\.amount \(now "Débit"\)\./,
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

  it('detect never proposes a paid amount without its date: it takes the balance, and the run reads each open amount', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-paid-'));
    cpSync(shapes('invoice-list-paid-no-date'), dir, { recursive: true });
    const { config, comments } = await detectMapping(dir);
    const columns = (config.openItems as { columns: { invoices: Record<string, string> } }).columns.invoices;
    expect(columns).toEqual({ invoice_id: 'N° facture', client_id: 'Client', issue_date: 'Date', due_date: 'Échéance', amount: 'Reste à payer' });
    expect(comments['ignored.invoices.Montant réglé']).toMatch(/^UNREAD: a paid amount, but no column dates it/);
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify(config));
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    expect(await wh.query('select receivables from run_summary')).toEqual([{ receivables: 12833.14 }]);
    expect(await wh.query(openByClient)).toEqual(truthByClient);
    // The two settled invoices have nothing left: their zero balance is reported, not loaded.
    expect(await wh.query(`select line, reason from quality where severity = 'error' order by line`)).toEqual([
      { line: 2, reason: 'amount is zero' },
      { line: 6, reason: 'amount is zero' },
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
