// The catalogue of broken exports a nightly job meets, each with the behaviour it must get: a
// clear error (exit 1, a message naming the file, no stack trace, the previous warehouse intact)
// or a quality row while the run goes on. Each case breaks a copy of test/fixtures/allocation.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { beforeAll, describe, expect, it } from 'vitest';

import { fixturesDir, queryWarehouse } from '../helpers.ts';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', '..', 'etl', 'run.ts');
let warehouseDir: string;
let publishedRun: string;

async function etl(inputDir: string, timeout = 110_000): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // Killed before the test's own timeout: a run left going would hold the warehouse's lock and
    // stop every later case with "another encours run".
    const { stdout, stderr } = await run(process.execPath, [cli, '--input', inputDir, '--warehouse', warehouseDir, '--as-of', '2024-03-31'], { maxBuffer: 1 << 26, timeout });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A copy of the clean fixture with `file` replaced by `content` (or changed by a function). */
function broken(file: string, content: string | Buffer | ((original: string) => string)): string {
  const dir = mkdtempSync(join(tmpdir(), 'encours-broken-'));
  cpSync(join(fixturesDir, 'allocation'), dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, typeof content === 'function' ? content(readFileSync(path, 'utf8')) : content);
  return dir;
}

beforeAll(async () => {
  warehouseDir = join(mkdtempSync(join(tmpdir(), 'encours-suite-')), 'warehouse');
  const first = await etl(join(fixturesDir, 'allocation'));
  expect(first.code).toBe(0);
  publishedRun = readlinkSync(warehouseDir);
});

async function expectStopped(inputDir: string, message: RegExp, timeout?: number): Promise<void> {
  const result = await etl(inputDir, timeout);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/previous warehouse was left as it was/);
  expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(readlinkSync(warehouseDir)).toBe(publishedRun);
  expect(await queryWarehouse(warehouseDir, 'select count(*) as n from invoices')).toEqual([{ n: 9 }]);
}

async function qualityOf(inputDir: string): Promise<{ line: number; severity: string; reason: string }[]> {
  const result = await etl(inputDir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  publishedRun = readlinkSync(warehouseDir);
  return queryWarehouse(warehouseDir, 'select line, severity, reason from quality order by line');
}

describe('exports that stop the run', () => {
  it('an empty file', async () => {
    await expectStopped(broken('invoices.csv', ''), /invoices\.csv: the invoices file is empty \(0 bytes\)/);
  });

  it('a header and no rows', async () => {
    await expectStopped(broken('invoices.csv', 'invoice_id,client_id,kind,issue_date,due_date,amount\n'), /the invoices file has a header and no rows/);
  });

  it('the wrong delimiter', async () => {
    // The mapping says ';' and the file uses ','.
    await expectStopped(broken('encours.config.json', '{ "openItems": { "delimiter": ";" } }'), /clients\.csv, line 1: .*one single column .*is the delimiter right\?/);
  });

  // The run takes about a minute of CPU to reject this file: on a busy machine more than the
  // other cases' time, so it has more (the run is still killed before the test's own timeout).
  it('a 50 MB single-line file', async () => {
    await expectStopped(broken('invoices.csv', `invoice_id,client_id,issue_date,amount\n${'x'.repeat(50 * 1024 * 1024)}`), /invoices\.csv.*Maximum line size/, 280_000);
  }, 300_000);

  it('a file that is not a ledger at all', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]);
    await expectStopped(broken('invoices.csv', png), /invoices\.csv.*(cannot be read|lacks required column|one single column)/);
  });
});

describe('exports whose bad rows are reported and the run goes on', () => {
  it('Latin-1 declared UTF-8: the lines with accents are reported with the fix', async () => {
    const dir = broken('encours.config.json', '{ "openItems": { "encoding": "utf-8" } }');
    writeFileSync(join(dir, 'clients.csv'), Buffer.from(`${readFileSync(join(dir, 'clients.csv'), 'latin1')}G,Société Générale,PME,,,,,,\n`, 'latin1'));
    const quality = await qualityOf(dir);
    expect(quality).toContainEqual({ line: 8, severity: 'error', reason: expect.stringMatching(/not valid UTF-8; the file's bytes read as iso-8859-15: set openItems\.encoding to "iso-8859-15"/) });
  });

  it('Latin-1 with no encoding set: detected and read', async () => {
    const dir = broken('clients.csv', (text) => text);
    writeFileSync(join(dir, 'clients.csv'), Buffer.from(`${readFileSync(join(dir, 'clients.csv'), 'latin1')}G,Société Générale,PME,,,,,,\n`, 'latin1'));
    expect(await qualityOf(dir)).toEqual([]);
    expect(await queryWarehouse(warehouseDir, `select name from clients where client_id = 'G'`)).toEqual([{ name: 'Société Générale' }]);
  });

  it('a truncated last line', async () => {
    const quality = await qualityOf(broken('payments.csv', (text) => `${text}P6,A,2024-03-2`));
    expect(quality).toEqual([{ line: 7, severity: 'error', reason: expect.stringMatching(/^MISSING COLUMNS/) }]);
  });

  it('duplicated invoice ids', async () => {
    const quality = await qualityOf(broken('invoices.csv', (text) => `${text}A1,A,invoice,2024-01-10,2024-02-09,1000.00,\n`));
    expect(quality).toEqual([{ line: 11, severity: 'error', reason: 'duplicate invoice id A1 (the first line is kept)' }]);
  });

  it('a payment for an unknown invoice', async () => {
    const quality = await qualityOf(broken('payments.csv', (text) => `${text}P6,E,2024-03-25,10.00,ZZZ\n`));
    expect(quality).toEqual([{ line: 7, severity: 'warning', reason: expect.stringContaining('names invoice ZZZ') }]);
  });

  it('negative amounts: an invoice becomes a credit note, a payment is rejected', async () => {
    const dir = broken('payments.csv', (text) => `${text}P6,E,2024-03-25,-10.00,\n`);
    writeFileSync(join(dir, 'invoices.csv'), `${readFileSync(join(dir, 'invoices.csv'), 'utf8')}E3,E,,2024-03-05,2024-03-05,-50.00,\n`);
    const quality = await qualityOf(dir);
    expect(quality).toEqual([{ line: 7, severity: 'error', reason: 'amount is not positive (refunds are not read yet)' }]);
    expect(await queryWarehouse(warehouseDir, `select kind, amount from invoices where invoice_id = 'E3'`)).toEqual([{ kind: 'credit_note', amount: -50 }]);
  });

  it('dates in 1900 and 2100', async () => {
    const quality = await qualityOf(
      broken('invoices.csv', (text) => `${text}X1,A,invoice,1900-01-01,1900-01-31,10.00,\nX2,A,invoice,2100-01-01,2100-01-31,10.00,\n`),
    );
    expect(quality).toEqual([
      { line: 11, severity: 'error', reason: 'issue date 1900-01-01 is outside 1990–2099' },
      { line: 12, severity: 'error', reason: 'issue date 2100-01-01 is outside 1990–2099' },
    ]);
  });

  it('a formula in a client name is kept as text', async () => {
    const quality = await qualityOf(broken('clients.csv', (text) => `${text}G,"=HYPERLINK(""http://evil.example"",""x"")",PME,,,,,,\n`));
    expect(quality).toEqual([]);
    expect(await queryWarehouse(warehouseDir, `select name from clients where client_id = 'G'`)).toEqual([{ name: '=HYPERLINK("http://evil.example","x")' }]);
  });
});
