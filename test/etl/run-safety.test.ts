// The run as a whole on exports a stranger sends: the as-of date, the publishing guard, the lock
// and the run's own folder, messages for what a user can cause, and quiet notices. Each case has
// its expected outcome — figures worked out by hand, a quality row with file and line, or a stop
// with a named cause, exit 1, no stack trace and the previous warehouse untouched.
// Fixtures: test/fixtures/run-safety/ and copies of test/fixtures/allocation and penalties.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, queryWarehouse } from '../helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'etl', 'run.ts');
const nightly = join(root, 'etl', 'nightly.ts');
const fixtures = join(fixturesDir, 'run-safety');
const execFileAsync = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  try {
    // Killed before the test's timeout, so a slow run never outlives its test holding the lock.
    const { stdout, stderr } = await execFileAsync(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ...env }, maxBuffer: 1 << 26, timeout: 110_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Result;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const etl = (input: string, warehouse: string, ...more: string[]) => run(cli, ['--input', input, '--warehouse', warehouse, ...more]);
const freshWarehouse = () => join(mkdtempSync(join(tmpdir(), 'encours-runsafety-')), 'warehouse');

/** A copy of a fixture folder, changed by `edit` (file name → new content, or null to delete it). */
function variant(fixture: string, edit: Record<string, string | Buffer | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'encours-runsafety-input-'));
  cpSync(fixture, dir, { recursive: true });
  for (const [file, content] of Object.entries(edit)) {
    if (content === null) rmSync(join(dir, file));
    else writeFileSync(join(dir, file), content);
  }
  return dir;
}

/** Exit 1, the message, no stack trace, and the warehouse still the run published before. */
async function expectStopped(result: Result, message: RegExp, warehouse: string, published: string, invoices = 9): Promise<void> {
  expect(result.code, result.stdout + result.stderr).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/previous warehouse was left as it was/);
  expect(result.stderr).not.toMatch(/unexpected error/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(readlinkSync(warehouse)).toBe(published);
  expect(await queryWarehouse(warehouse, 'select count(*) as n from invoices')).toEqual([{ n: invoices }]);
}

const partialsOf = (warehouse: string) => readdirSync(`${warehouse}-runs`).filter((name) => name.startsWith('.partial-'));

// Each case runs the ETL on its own copy into its own warehouse: run them at once (a run is mostly waiting on DuckDB and the disk).
describe.concurrent('the as-of date', () => {
  it('is by default the latest date of any kind: every settlement on the invoice lines is applied', async () => {
    // Issued until 2025-03-02 (F4), settled on the invoice lines until 2025-04-09 (F3): as-of 2025-04-09.
    // F1 1,200, F2 600 and F3 900 are paid in full; F4 300 is unpaid; F5 500 has 200 paid on 2025-04-03.
    // Open: F4 300 (due 04-01, 8 days past due) + F5 300 (due 03-31, 9 days) = 600.
    const wh = await buildWarehouse(join(fixtures, 'settled-on-invoices'));
    expect(wh.manifest.as_of_date).toBe('2025-04-09');
    // A settled invoice has no days past due; F3's settlement on the as-of date itself counts.
    expect(await wh.query('select invoice_id, open_amount, days_past_due, settled_date from invoices order by invoice_id')).toEqual([
      { invoice_id: 'F1', open_amount: 0, days_past_due: null, settled_date: '2025-02-05' },
      { invoice_id: 'F2', open_amount: 0, days_past_due: null, settled_date: '2025-03-20' },
      { invoice_id: 'F3', open_amount: 0, days_past_due: null, settled_date: '2025-04-09' },
      { invoice_id: 'F4', open_amount: 300, days_past_due: 8, settled_date: null },
      { invoice_id: 'F5', open_amount: 300, days_past_due: 9, settled_date: null },
    ]);
    expect(wh.manifest.headline).toMatchObject({ receivables: 600, rows_after_as_of: 0 });
    expect(await wh.query(`select * from quality where severity = 'info'`)).toEqual([]);
  });

  it('lists each settlement after an earlier --as-of in quality with its file and line, and counts them in the summary', async () => {
    // At 2025-03-31 F3's settlement (2025-04-09, line 4) and F5's (2025-04-03, line 6) are later:
    // open F3 900 + F4 300 + F5 500 = 1,700 (F1 and F2 were paid by 03-20).
    const warehouse = freshWarehouse();
    const result = await etl(join(fixtures, 'settled-on-invoices'), warehouse, '--as-of', '2025-03-31');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/as of 2025-03-31: .* 2 rows dated after the as-of date left out/);
    expect(await queryWarehouse(warehouse, `select source_file, line, severity, reason, record_id from quality order by line`)).toEqual([
      { source_file: 'invoices.csv', line: 4, severity: 'info', reason: 'settlement (paid_date 2025-04-09) after the as-of date 2025-03-31; left out of this run', record_id: 'F3' },
      { source_file: 'invoices.csv', line: 6, severity: 'info', reason: 'settlement (paid_date 2025-04-03) after the as-of date 2025-03-31; left out of this run', record_id: 'F5' },
    ]);
    expect(await queryWarehouse(warehouse, 'select sum(open_amount) as open from invoices')).toEqual([{ open: 1700 }]);
  });

  it('lists an invoice issued after the as-of date once, and the later settlements of earlier invoices', async () => {
    // At 2025-03-01: F4 (issued 03-02, line 5) is left out; F2 (paid 03-20, line 3), F3 (line 4)
    // and F5 (issued 03-01, paid 04-03, line 6) are open: 600 + 900 + 500 = 2,000.
    const wh = await buildWarehouse(join(fixtures, 'settled-on-invoices'), { asOf: '2025-03-01' });
    const rows = await wh.query(`select line, reason from quality where severity = 'info' order by line`);
    expect(rows.map((r) => [r.line, String(r.reason).split(' (')[0]!.split(' after')[0]])).toEqual([
      [3, 'settlement'],
      [4, 'settlement'],
      [5, 'dated'],
      [6, 'settlement'],
    ]);
    expect(wh.manifest.headline).toMatchObject({ receivables: 2000, rows_after_as_of: 4 });
  });

  it('does not let a mistyped settlement year move the as-of date centuries ahead', async () => {
    // F4 marked paid on 2925-04-09 (for 2025): the as-of date stays 2025-04-09 (F3's settlement),
    // F4 stays open (300, 8 days past due) and its settlement is listed on line 5.
    const settled = join(fixtures, 'settled-on-invoices');
    const invoices = readFileSync(join(settled, 'invoices.csv'), 'utf8').replace('F4,C2,2025-03-02,2025-04-01,300.00,,', 'F4,C2,2025-03-02,2025-04-01,300.00,2925-04-09,300.00');
    const wh = await buildWarehouse(variant(settled, { 'invoices.csv': invoices }));
    expect(wh.manifest.as_of_date).toBe('2025-04-09');
    expect(await wh.query(`select open_amount, days_past_due from invoices where invoice_id = 'F4'`)).toEqual([{ open_amount: 300, days_past_due: 8 }]);
    expect(await wh.query(`select line, severity, reason from quality`)).toEqual([
      { line: 5, severity: 'info', reason: 'settlement (paid_date 2925-04-09) after the as-of date 2025-04-09; left out of this run' },
    ]);
  });

  it('counts a FEC’s entry and lettering dates; lettering after an earlier --as-of is listed on each line', async () => {
    // Latest dates: F1 on 2025-01-15, its payment P1 on 2025-02-10, both lettered AA on 2025-03-05,
    // a bank-fee entry on 2025-03-20 → as-of 2025-03-20. F1 (1,200, due 2025-02-14 at 30 days) is
    // settled by the lettering on 2025-03-05: 19 days late, nothing open.
    const wh = await buildWarehouse(join(fixtures, 'fec-lettered-later'));
    expect(wh.manifest.as_of_date).toBe('2025-03-20');
    expect(await wh.query(`select invoice_id, open_amount, settled_date, days_late from invoices`)).toEqual([
      { invoice_id: 'F1', open_amount: 0, settled_date: '2025-03-05', days_late: 19 },
    ]);
    // At 2025-02-28 the lettering (03-05) has not happened: both lettered lines are listed; the
    // payment of 02-10 still settles F1, dated by its own date.
    const earlier = await buildWarehouse(join(fixtures, 'fec-lettered-later'), { asOf: '2025-02-28' });
    expect(await earlier.query(`select source_file, line, severity, reason, record_id from quality order by line`)).toEqual([
      { source_file: 'FEC20251231.txt', line: 2, severity: 'info', reason: 'lettered (DateLet 2025-03-05) after the as-of date 2025-02-28; the lettering date is not used in this run', record_id: 'F1' },
      { source_file: 'FEC20251231.txt', line: 6, severity: 'info', reason: 'lettered (DateLet 2025-03-05) after the as-of date 2025-02-28; the lettering date is not used in this run', record_id: 'P1' },
    ]);
    expect(await earlier.query(`select open_amount, settled_date from invoices`)).toEqual([{ open_amount: 0, settled_date: '2025-02-10' }]);
  });
});

describe('the publishing guard', () => {
  const warehouse = freshWarehouse();
  const allocation = join(fixturesDir, 'allocation');
  let published: string;
  beforeAll(async () => {
    // The published run: 9 invoices, open receivables A1 400 + C2 150 + E1 800 = 1,350.
    const first = await etl(allocation, warehouse, '--as-of', '2024-03-31');
    expect(first.code, first.stderr).toBe(0);
    published = readlinkSync(warehouse);
  });

  it('stops a run whose --as-of is before every date (no invoices), naming the figure and the override', async () => {
    await expectStopped(
      await etl(allocation, warehouse, '--as-of', '2020-01-01'),
      /publishing guard: the new warehouse would hold no invoices at its as-of date 2020-01-01 \(the published warehouse, as of 2024-03-31, has 9\); nothing was published.*--allow-shrink/s,
      warehouse,
      published,
    );
    expect(partialsOf(warehouse)).toEqual([]);
  });

  it('stops a run whose invoice count fell by more than half', async () => {
    // At 2024-01-20 only F1, C1, A1 and D1 are issued: 9 → 4, down 56 % (> 50 %).
    await expectStopped(
      await etl(allocation, warehouse, '--as-of', '2024-01-20'),
      /the invoice count would fall from 9 \(published run, as of 2024-03-31\) to 4 \(as of 2024-01-20\), down 56 %, more than guard\.maxShrink \(50 %\)/,
      warehouse,
      published,
    );
  });

  it('stops a run whose open receivables fell by more than half, and publishes it with --allow-shrink', async () => {
    // A payment of E1's 800 leaves A1 400 + C2 150 = 550 open: 1,350 → 550, down 59 %.
    const paid = variant(allocation, { 'payments.csv': `${readFileSync(join(allocation, 'payments.csv'), 'utf8')}P9,E,2024-03-25,800.00,E1\n` });
    await expectStopped(
      await etl(paid, warehouse, '--as-of', '2024-03-31'),
      /open receivables would fall from 1,350\.00 \(published run, as of 2024-03-31\) to 550\.00 \(as of 2024-03-31\), down 59 %/,
      warehouse,
      published,
    );
    const forced = await etl(paid, warehouse, '--as-of', '2024-03-31', '--allow-shrink');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readlinkSync(warehouse)).not.toBe(published);
    expect(JSON.parse(readFileSync(join(warehouse, 'manifest.json'), 'utf8')).headline.receivables).toBe(550);
    published = readlinkSync(warehouse);
  });

  it('is honoured by npm run nightly, which stops before building the site', async () => {
    const site = join(warehouse, '..', 'dist');
    const result = await run(nightly, ['--input', allocation, '--warehouse', warehouse, '--site', site, '--as-of', '2020-01-01']);
    await expectStopped(result, /publishing guard: the new warehouse would hold no invoices/, warehouse, published);
    expect(result.stderr).toMatch(/nightly: the ETL failed; the previous warehouse and site are unchanged/);
    expect(existsSync(site)).toBe(false);
  });
});

describe('the run folder and the lock', () => {
  const warehouse = freshWarehouse();
  const allocation = join(fixturesDir, 'allocation');
  let published: string;
  beforeAll(async () => {
    const first = await etl(allocation, warehouse, '--as-of', '2024-03-31');
    expect(first.code, first.stderr).toBe(0);
    published = readlinkSync(warehouse);
  });

  it('stops a second run on the same warehouse, naming the run that holds it, and leaves its lock alone', async () => {
    // This test's own process stands for a live run.
    const lock = join(`${warehouse}-runs`, '.lock');
    const owner = `${JSON.stringify({ pid: process.pid, started_at: '2026-01-01T04:30:00.000Z' })}\n`;
    writeFileSync(lock, owner);
    try {
      await expectStopped(
        await etl(allocation, warehouse, '--as-of', '2024-03-31'),
        new RegExp(`another encours run \\(process ${process.pid}, started 2026-01-01T04:30:00.000Z\\) is writing the warehouse .*delete .*\\.lock`),
        warehouse,
        published,
      );
      expect(readFileSync(lock, 'utf8')).toBe(owner);
    } finally {
      rmSync(lock);
    }
  });

  it('takes over the lock of a dead run and removes the partial folders failed runs left', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(`${warehouse}-runs`, '.lock'), JSON.stringify({ pid: dead, started_at: '2026-01-01T04:30:00.000Z' }));
    mkdirSync(join(`${warehouse}-runs`, '.partial-20260101T043000-1', 'scratch'), { recursive: true });
    writeFileSync(join(`${warehouse}-runs`, '.partial-20260101T043000-1', 'scratch', 'invoices.csv'), 'a copy of the books');
    // --full: on the same exports a run would keep the published warehouse (etl/fingerprint.ts).
    const result = await etl(allocation, warehouse, '--as-of', '2024-03-31', '--full');
    expect(result.code, result.stderr).toBe(0);
    expect(readlinkSync(warehouse)).not.toBe(published);
    expect(readdirSync(`${warehouse}-runs`).filter((name) => name.startsWith('.'))).toEqual([]);
    published = readlinkSync(warehouse);
  });

  it('writes re-encoded copies and DuckDB’s spill files in its own folder, never the system temp folder', async () => {
    // A Windows-1252 clients file is decoded to a UTF-8 copy; TMPDIR points at an empty folder
    // that must stay empty, and the run folder goes with the run.
    const clients = readFileSync(join(allocation, 'clients.csv'), 'utf8').replace('Alpha SAS', 'Société Générale');
    const input = variant(allocation, {
      'clients.csv': Buffer.from(clients, 'latin1'),
      'encours.config.json': '{ "openItems": { "encoding": "windows-1252" } }',
    });
    const temp = mkdtempSync(join(tmpdir(), 'encours-runsafety-tmpdir-'));
    const result = await run(cli, ['--input', input, '--warehouse', warehouse, '--as-of', '2024-03-31'], { TMPDIR: temp });
    expect(result.code, result.stderr).toBe(0);
    expect(await queryWarehouse(warehouse, `select name from clients where client_id = 'A'`)).toEqual([{ name: 'Société Générale' }]);
    expect(readdirSync(temp)).toEqual([]);
    expect(partialsOf(warehouse)).toEqual([]);
    published = readlinkSync(warehouse);
  });
});

describe('messages a user can act on', () => {
  const warehouse = freshWarehouse();
  const allocation = join(fixturesDir, 'allocation');
  let published: string;
  beforeAll(async () => {
    const first = await etl(allocation, warehouse, '--as-of', '2024-03-31');
    expect(first.code, first.stderr).toBe(0);
    published = readlinkSync(warehouse);
  });

  it('a missing --input folder', async () => {
    await expectStopped(await etl(join(allocation, 'nope'), warehouse), /--input .*nope: no such folder; give the folder that holds the exports/, warehouse, published);
  });

  it('an impossible --as-of date', async () => {
    await expectStopped(await etl(allocation, warehouse, '--as-of', '2025-02-30'), /--as-of must be a real date written YYYY-MM-DD .*got 2025-02-30/, warehouse, published);
  });

  // A read-only mount and a full disk need a file system of their own: a tmpfs in a private
  // mount namespace (unshare), where this machine allows one.
  const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs tmpfs /mnt']).status === 0;
  it.skipIf(!canMount)('a read-only warehouse folder and a full disk', async () => {
    const mountPoint = mkdtempSync(join(tmpdir(), 'encours-runsafety-mount-'));
    const wh = join(mountPoint, 'warehouse');
    // --full: the same exports again would keep the published warehouse and write nothing.
    const etlRun = `"${process.execPath}" "${cli}" --input "${allocation}" --warehouse "${wh}" --as-of 2024-03-31 --full`;
    const script = [
      `mount -t tmpfs -o size=16m tmpfs "${mountPoint}"`,
      `${etlRun} > /dev/null 2>&1 || exit 9`,
      `readlink "${wh}" > "${mountPoint}.published"`,
      `mount -o remount,ro "${mountPoint}"`,
      `${etlRun} 2> "${mountPoint}.readonly"`,
      `readlink "${wh}" >> "${mountPoint}.published"`,
      `mount -o remount,rw "${mountPoint}"`,
      `dd if=/dev/zero of="${mountPoint}/fill" bs=64k > /dev/null 2>&1`,
      `${etlRun} 2> "${mountPoint}.full"`,
      `readlink "${wh}" >> "${mountPoint}.published"`,
      `ls -A "${wh}-runs" > "${mountPoint}.left"`,
    ].join('\n');
    const outcome = spawnSync('unshare', ['-rm', 'sh', '-c', script], { encoding: 'utf8' });
    expect(outcome.status, outcome.stderr).toBe(0);
    const [first, afterReadOnly, afterFull] = readFileSync(`${mountPoint}.published`, 'utf8').trim().split('\n');
    expect(afterReadOnly).toBe(first);
    expect(afterFull).toBe(first);
    for (const [file, cause] of [['readonly', 'it is on a read-only file system'], ['full', 'the disk is full']]) {
      const stderr = readFileSync(`${mountPoint}.${file}`, 'utf8');
      expect(stderr).toContain(`cannot write the warehouse folder ${wh} (and ${wh}-runs beside it): ${cause}`);
      expect(stderr).toMatch(/previous warehouse was left as it was/);
      expect(stderr).not.toMatch(/unexpected error|^\s+at /m);
    }
    // Only the published run is left: no lock, no partial folder.
    expect(readFileSync(`${mountPoint}.left`, 'utf8').trim()).toBe(first!.split('/').at(-1));
  });
});

// Each case runs the ETL on its own copy into its own warehouse: run them at once (a run is mostly waiting on DuckDB and the disk).
describe.concurrent('quiet, correct notices', () => {
  it('without a clients file, one info row instead of a warning per client', async () => {
    // Clients A–F (F through its invoice F1 and write-off W1) are all unnamed: one row, not six.
    const wh = await buildWarehouse(variant(join(fixturesDir, 'allocation'), { 'clients.csv': null }), { asOf: '2024-03-31' });
    expect(await wh.query('select source_file, line, severity, reason from quality')).toEqual([
      { source_file: null, line: null, severity: 'info', reason: 'no clients file: the 6 clients are shown under their ids, with the default payment terms (30 days)' },
    ]);
  });

  it('with a clients file, still one warning per client it does not list', async () => {
    // Client F is left out of the file: its first line is invoices.csv line 10 (F1).
    const allocation = join(fixturesDir, 'allocation');
    const clients = readFileSync(join(allocation, 'clients.csv'), 'utf8').split('\n').filter((line) => !line.startsWith('F,')).join('\n');
    const wh = await buildWarehouse(variant(allocation, { 'clients.csv': clients }), { asOf: '2024-03-31' });
    expect(await wh.query('select source_file, line, severity, reason from quality')).toEqual([
      { source_file: 'invoices.csv', line: 10, severity: 'warning', reason: 'client F is not in the clients file; shown under its id' },
    ]);
  });

  const penaltiesWith = async (config: string) => {
    const wh = await buildWarehouse(variant(join(fixturesDir, 'penalties'), { 'encours.config.json': config }), { asOf: '2026-01-30' });
    const rows = Object.fromEntries((await wh.query('select * from penalties')).map((r) => [r.invoice_id, r]));
    return { wh, rows };
  };

  it('computes no French late-payment penalties for a company that is not in euros', async () => {
    const { wh, rows } = await penaltiesWith('{ "currency": "USD" }');
    expect(rows).toEqual({});
    expect(wh.manifest.headline.is_penalties_enabled).toBe(false);
  });

  it('computes them for a non-euro company that asks for them (penalties.enabled)', async () => {
    // As in collections.test.ts: TWO_HALVES 10,000 × (12.5 % × 15 + 14 % × 15) / 365 = 108.90, + 40.
    const { wh, rows } = await penaltiesWith('{ "currency": "USD", "penalties": { "enabled": true } }');
    expect(rows.TWO_HALVES).toMatchObject({ interest_amount: 108.9, penalty_amount: 148.9 });
    expect(wh.manifest.headline.is_penalties_enabled).toBe(true);
  });

  it('says "before the first half-year" for days late before the ECB table starts', async () => {
    // The table starts on 2024-01-01. TWO_HALVES was 30 days late in 2023 (16 June – 15 July):
    // all 30 unpriced and before the table, interest 0, penalty the 40 € indemnity alone.
    // PARTIAL (2024) and OPEN (2026) are priced as usual: 14.90 and 72.90.
    const { wh, rows } = await penaltiesWith('{ "penalties": { "ratesFile": "test/fixtures/run-safety/ecb-from-2024.csv" } }');
    expect(rows.TWO_HALVES).toMatchObject({ days_late: 30, interest_amount: 0, penalty_amount: 40, days_without_rate: 30, days_before_rate_table: 30 });
    expect(rows.PARTIAL).toMatchObject({ interest_amount: 14.9, days_without_rate: 0 });
    expect(rows.OPEN).toMatchObject({ interest_amount: 72.9, days_without_rate: 0 });
    expect(await wh.query(`select severity, reason from quality`)).toEqual([
      { severity: 'warning', reason: 'late-payment penalties: 30 days late before the first half-year of the ECB rate table were not priced; add the earlier half-years' },
    ]);
  });
});
