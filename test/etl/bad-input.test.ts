// Bad input never loses a row silently and never half-publishes: rejected lines land in `quality`
// with their file and line; an unusable file stops the run and leaves the last warehouse intact.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig, parseConfig } from '../../etl/config.ts';
import { runEtl } from '../../etl/pipeline.ts';
import { InputError } from '../../etl/readers/errors.ts';
import { buildWarehouse, fixturesDir, queryWarehouse } from '../helpers.ts';

function copyOfFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'encours-bad-'));
  cpSync(join(fixturesDir, 'allocation'), dir, { recursive: true });
  return dir;
}

describe('rejected rows', () => {
  it('keeps malformed lines in quality with file, line and reason, and the run succeeds', async () => {
    const dir = copyOfFixture();
    // invoices.csv has a header and 9 rows (lines 2–10): these become lines 11, 12, 13 and 14.
    appendFileSync(join(dir, 'invoices.csv'), ['G1,A,invoice,2024-02-30,2024-03-01,10.00,', 'G2,A', 'G3,A,invoice,2024-01-10,2024-02-09,dix euros,', 'A1,A,invoice,2024-01-10,2024-02-09,5.00,'].join('\n') + '\n');
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    const quality = await wh.query(`select source_file, line, severity, reason from quality where source_file = 'invoices.csv' order by line`);
    expect(quality).toEqual([
      { source_file: 'invoices.csv', line: 11, severity: 'error', reason: "issue date '2024-02-30' does not match the date format %Y-%m-%d" },
      { source_file: 'invoices.csv', line: 12, severity: 'error', reason: expect.stringMatching(/^MISSING COLUMNS/) },
      { source_file: 'invoices.csv', line: 13, severity: 'error', reason: "amount 'dix euros' is not a number" },
      { source_file: 'invoices.csv', line: 14, severity: 'error', reason: 'duplicate invoice id A1 (the first line is kept)' },
    ]);
    // The good rows are untouched: the same 1,350 open as in the clean fixture.
    const [{ open }] = (await wh.query(`select sum(open_amount) as open from invoices`)) as [{ open: number }];
    expect(open).toBe(1350);
  });

  it('reports a payment naming an unknown invoice and matches it oldest due first', async () => {
    const dir = copyOfFixture();
    appendFileSync(join(dir, 'payments.csv'), 'P9,A,2024-03-25,100.00,NOPE\n');
    const wh = await buildWarehouse(dir, { asOf: '2024-03-31' });
    const [row] = await wh.query(`select line, severity, reason from quality where record_id = 'P9'`);
    expect(row).toEqual({ line: 7, severity: 'warning', reason: 'payment names invoice NOPE, which is not an invoice of client A; matched oldest due first instead' });
    // A1 had 400 open: the 100 goes there.
    const [a1] = await wh.query(`select open_amount from invoices where invoice_id = 'A1'`);
    expect(a1).toEqual({ open_amount: 300 });
  });
});

describe('unusable input', () => {
  it('a missing required column stops the run with the file and column, and the previous warehouse stays', async () => {
    const dir = copyOfFixture();
    const { config } = loadConfig(undefined, dir);
    const warehouseDir = join(mkdtempSync(join(tmpdir(), 'encours-wh-')), 'warehouse');
    await runEtl({ inputDir: dir, warehouseDir, config, configPath: null, asOf: '2024-03-31' });
    const before = readlinkSync(warehouseDir);
    const manifestBefore = readFileSync(join(warehouseDir, 'manifest.json'), 'utf8');

    const header = 'invoice_id,client_id,kind,issue_date,due_date,montant,original_invoice_id';
    const rest = readFileSync(join(dir, 'invoices.csv'), 'utf8').split('\n').slice(1).join('\n');
    writeFileSync(join(dir, 'invoices.csv'), `${header}\n${rest}`);
    const run = runEtl({ inputDir: dir, warehouseDir, config, configPath: null, asOf: '2024-03-31' });
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(/invoices\.csv, line 1: the invoices file lacks required column amount \(amount\)/);

    expect(readlinkSync(warehouseDir)).toBe(before);
    expect(readFileSync(join(warehouseDir, 'manifest.json'), 'utf8')).toBe(manifestBefore);
    const [count] = await queryWarehouse(warehouseDir, 'select count(*) as n from invoices');
    expect(count).toEqual({ n: 9 });
  });

  it('a folder without an invoices file is a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-empty-'));
    const run = runEtl({ inputDir: dir, warehouseDir: join(dir, 'wh'), config: parseConfig({}), configPath: null });
    await expect(run).rejects.toThrow(/no ledger found: no FEC journal file and no invoices file/);
  });
});

describe('configuration', () => {
  it('names an unknown key', () => {
    expect(() => parseConfig({ openItems: { delimitor: ';' } })).toThrow(ConfigError);
    expect(() => parseConfig({ openItems: { delimitor: ';' } })).toThrow(/openItems: unknown key delimitor/);
  });

  it('names a bad value', () => {
    expect(() => parseConfig({ openItems: { decimalSeparator: ';' } })).toThrow(/openItems\.decimalSeparator/);
  });

  it('names a mapped column that does not exist', () => {
    expect(() => parseConfig({ openItems: { columns: { invoices: { amout: 'Montant' } } } })).toThrow(/openItems\.columns\.invoices\.amout: unknown column/);
  });
});
