// npm run detect: the mapping it proposes must load an export without edits. Each case runs the
// detection, then the ETL with the proposed encours.config.json, and compares with values known
// by hand (the English fixture) or with the warehouse the sample's own mapping gives.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { detectMapping } from '../../etl/detect.ts';
import { sampleConfig } from '../../sample/export-format.ts';
import { buildWarehouse, fixturesDir, queryWarehouse } from '../helpers.ts';

const root = join(import.meta.dirname, '..', '..');

/** A copy of `dir`'s CSV files (never its encours.config.json) in a fresh folder. */
function copyOfExports(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'encours-detect-'));
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv'))) cpSync(join(dir, name), join(copy, name));
  return copy;
}

async function detectInto(dir: string): Promise<Record<string, unknown>> {
  const { config } = await detectMapping(dir);
  writeFileSync(join(dir, 'encours.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return config;
}

describe('detectMapping', () => {
  it('maps a US open-items export (",", MM/DD/YYYY, 1,705.03) that then loads without edits', async () => {
    const dir = copyOfExports(join(fixturesDir, 'detect-english'));
    const config = await detectInto(dir);
    expect(config.openItems).toMatchObject({
      delimiter: ',', encoding: 'utf-8', dateFormat: '%m/%d/%Y', decimalSeparator: '.',
      files: { invoices: 'AR_Open_Invoices.csv', payments: 'Customer_Payments.csv', clients: 'Customers.csv' },
      columns: { invoices: { invoice_id: 'Invoice No', client_id: 'CustomerID', issue_date: 'Invoice Date', due_date: 'Due Date', amount: 'Amount', kind: 'Type' } },
      // "Invoice" is read by the defaults; "Credit Memo" is added to them.
      values: { kind: { invoice: ['invoice', 'facture', 'FA'], credit_note: ['credit_note', 'credit note', 'avoir', 'AV', 'Credit Memo'] } },
    });
    const wh = await buildWarehouse(dir, { asOf: '2025-03-31' });
    // 1,705.03 + 886.55 + 12,400.00 + 3,210.40 − 250.00 (CM-2001) + 999.99 = 18,951.97 over 6 documents.
    // Open at 31 Mar: INV-1001 paid by PMT-501; INV-1003 12,400 − 6,000 (PMT-502) − 250 (the credit
    // memo, oldest due first) = 6,150; 886.55 + 6,150 + 3,210.40 + 999.99 = 11,246.94.
    expect(await wh.query(`select count(*) as n, sum(amount) as total, sum(open_amount) filter (where kind = 'invoice') as open from invoices`))
      .toEqual([{ n: 6, total: 18951.97, open: 11246.94 }]);
    expect(await wh.query(`select invoice_id, kind from invoices where kind = 'credit_note'`)).toEqual([{ invoice_id: 'CM-2001', kind: 'credit_note' }]);
    expect(await wh.query(`select name from clients where client_id = 'CUST-001'`)).toEqual([{ name: 'Acme Supply, Inc.' }]);
    expect(await wh.query(`select count(*) as n from quality`)).toEqual([{ n: 0 }]);
  });

  it('maps the sample\'s French export back to the mapping it was written with, and loads the same invoices', async () => {
    const dir = copyOfExports(inject('sampleDir'));
    const config = await detectInto(dir);
    // Its Facture / Avoir and O / N are read by the defaults, so no "values" is proposed.
    const { values: _, ...expected } = sampleConfig.openItems;
    expect(config.openItems).toEqual(expected);
    const wh = await buildWarehouse(dir);
    // The copy holds the CSV exports only, not the platform's status export: the invoice that
    // export rejects (left out of the sample's warehouse) is loaded here, and set aside to compare.
    const rejected = await queryWarehouse<{ reason_ref: string }>(inject('sampleWarehouse'), `select reason_ref from quality where reason_code = 'einvoice_rejected'`);
    expect(rejected).toHaveLength(1);
    const totals = `select count(*) as n, sum(amount) as total, sum(open_amount) as open from invoices where invoice_id <> '${rejected[0]!.reason_ref}'`;
    const [known] = await queryWarehouse(inject('sampleWarehouse'), totals);
    expect(await wh.query(totals)).toEqual([known]);
  });

  it('says when dd/mm and mm/dd cannot be told apart, and takes dd/mm for a French export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-detect-'));
    writeFileSync(join(dir, 'factures.csv'), 'N° facture;Client;Date facture;Montant TTC\nF1;C1;05/01/2025;120,00\nF2;C2;12/02/2025;80,50\n');
    const { config, comments } = await detectMapping(dir);
    expect(config.openItems).toMatchObject({ delimiter: ';', dateFormat: '%d/%m/%Y', decimalSeparator: ',', columns: { invoices: { invoice_id: 'N° facture', client_id: 'Client', issue_date: 'Date facture', amount: 'Montant TTC' } } });
    expect(comments['openItems.dateFormat']).toMatch(/^AMBIGUOUS/);
  });

  it('reads an aged-balance export with no payments as a snapshot of its balances, and finds columns by their values', async () => {
    // Headers that name nothing we know ("Doc", "Acct", "Posted") are read from their values: unique
    // ids, repeated ids, dates; the balance is what is still owed, the only right open amount here.
    const dir = mkdtempSync(join(tmpdir(), 'encours-detect-'));
    writeFileSync(join(dir, 'aged-invoices.csv'), 'Doc,Acct,Posted,Original,Balance\nA-1,K1,2025-01-31,100.00,40.00\nA-2,K1,2025-02-28,250.00,250.00\nA-3,K2,2025-03-15,75.25,75.25\n');
    const { config, comments } = await detectMapping(dir);
    expect(config.openItems).toMatchObject({ shape: 'snapshot', dateFormat: '%Y-%m-%d', columns: { snapshot: { document_id: 'Doc', client_id: 'Acct', issue_date: 'Posted', open_amount: 'Balance' } } });
    expect(comments['openItems.columns.snapshot.document_id']).toMatch(/chosen from its values/);
  });
});

describe('npm run detect', () => {
  it('writes the proposal, and does not overwrite an existing mapping without --force', () => {
    const dir = copyOfExports(join(fixturesDir, 'detect-english'));
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'etl', 'detect.ts'), dir, ...args], { encoding: 'utf8' });
    expect(run().status).toBe(0);
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/encours\.config\.json exists: run with --print to see the proposal, or --force to replace it/);
    expect(JSON.parse(execFileSync(process.execPath, [join(root, 'etl', 'detect.ts'), dir, '--print'], { encoding: 'utf8' })).openItems.delimiter).toBe(',');
    expect(run('--force').status).toBe(0);
  });
});
