// Allocation and ageing on the hand-made ledger in test/fixtures/allocation (six clients, one
// case each). Every expected figure below was worked out by hand from the CSV files.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, sharedWarehouse, type Warehouse } from '../helpers.ts';

const fixture = `${fixturesDir}/allocation`;

describe('allocation at as-of 2024-03-31', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await sharedWarehouse(fixture, { asOf: '2024-03-31' });
  });
  const invoice = async (id: string) => (await wh.query(`select * from invoices where invoice_id = '${id}'`))[0]!;

  it('says what each export was read as, in the manifest', () => {
    // invoices.csv: nine amounts, each written '1000.00'-style → a decimal point, nine say so;
    // writeoffs.csv: one ('700.00'); clients.csv: limits such as '5000', no decimals to tell.
    expect(wh.manifest.inputs.map((i) => [i.file, i.read_as])).toEqual([
      ['clients.csv', 'utf-8, no decimals in the amounts'],
      ['invoices.csv', 'utf-8, decimal point (9 amounts say so)'],
      ['payments.csv', 'utf-8, decimal point (5 amounts say so)'],
      ['writeoffs.csv', 'utf-8, decimal point (1 amount says so)'],
    ]);
  });

  it('a partial payment leaves the rest open and past due', async () => {
    // A1: 1,000 due 2024-02-09, P1 pays 600 on 2024-02-15 → 400 open;
    // DPD = 20 days left in February (leap year, 29 days) + 31 in March = 51 → bucket 31–60.
    expect(await invoice('A1')).toMatchObject({ open_amount: 400, days_past_due: 51, bucket: '31-60' });
  });

  it('a credit note settles the invoice it names before the payment does', async () => {
    // B1: 500; credit note B2 of 100 on 2024-02-10, then P2 of 400 on 2024-03-01 → closed,
    // paid one day before its 2024-03-02 due date.
    expect(await invoice('B1')).toMatchObject({ open_amount: 0, settled_date: '2024-03-01', days_late: -1 });
    expect(await invoice('B2')).toMatchObject({ kind: 'credit_note', amount: -100, open_amount: 0 });
  });

  it('an over-payment goes to the client’s next invoice, dated when that invoice is issued', async () => {
    // C1: 300 paid by P3 of 350 → 50 left, applied to C2 (200, issued 2024-03-10) → 150 open.
    const rows = await wh.query(`select invoice_id, amount, allocation_date, method from allocations where source_id = 'P3' order by invoice_id`);
    expect(rows).toEqual([
      { invoice_id: 'C1', amount: 300, allocation_date: '2024-02-04', method: 'reference' },
      { invoice_id: 'C2', amount: 50, allocation_date: '2024-03-10', method: 'oldest_due_first' },
    ]);
    expect(await invoice('C2')).toMatchObject({ open_amount: 150, bucket: 'not_due' });
  });

  it('cash without a reference settles the oldest due invoice and the rest stays unapplied', async () => {
    // D1: 100 due 2024-01-15; P4 of 250 on 2024-03-20 names no invoice → D1 settled 65 days late,
    // 150 kept as the client's unapplied cash, not netted into receivables.
    expect(await invoice('D1')).toMatchObject({ open_amount: 0, settled_date: '2024-03-20', days_late: 65 });
    const [d] = await wh.query(`select receivables_amount, unapplied_cash_amount from clients where client_id = 'D'`);
    expect(d).toEqual({ receivables_amount: 0, unapplied_cash_amount: 150 });
  });

  it('a payment before the due date counts as early, and an invoice due on the as-of date is not due', async () => {
    // E2 due 2024-03-02 paid 2024-02-20 → 11 days early. E1 due 2024-03-31 = as-of → not due.
    expect(await invoice('E2')).toMatchObject({ open_amount: 0, days_late: -11 });
    expect(await invoice('E1')).toMatchObject({ open_amount: 800, days_past_due: 0, bucket: 'not_due' });
  });

  it('a write-off closes the invoice and is kept as written off', async () => {
    expect(await invoice('F1')).toMatchObject({ open_amount: 0, written_off_amount: 700 });
  });

  it('ageing at as-of adds up to the open invoices: 400 + 150 + 800', async () => {
    const rows = await wh.query(`select client_id, bucket, open_amount from ageing order by client_id`);
    expect(rows).toEqual([
      { client_id: 'A', bucket: '31-60', open_amount: 400 },
      { client_id: 'C', bucket: 'not_due', open_amount: 150 },
      { client_id: 'E', bucket: 'not_due', open_amount: 800 },
    ]);
  });

  it('monthly ageing follows the allocations dated up to each month end', async () => {
    const rows = await wh.query(`select month_end, client_id, bucket, open_amount from ageing_monthly where month_end < '2024-03-31' order by all`);
    expect(rows).toEqual([
      // F1 (700, due 2023-12-10) ages 0 → 21 → 52 → 81 days.
      { month_end: '2023-11-30', client_id: 'F', bucket: 'not_due', open_amount: 700 },
      { month_end: '2023-12-31', client_id: 'F', bucket: '1-30', open_amount: 700 },
      { month_end: '2024-01-31', client_id: 'A', bucket: 'not_due', open_amount: 1000 },
      { month_end: '2024-01-31', client_id: 'C', bucket: 'not_due', open_amount: 300 },
      { month_end: '2024-01-31', client_id: 'D', bucket: '1-30', open_amount: 100 }, // 16 days
      { month_end: '2024-01-31', client_id: 'F', bucket: '31-60', open_amount: 700 },
      { month_end: '2024-02-29', client_id: 'A', bucket: '1-30', open_amount: 400 }, // 20 days
      { month_end: '2024-02-29', client_id: 'B', bucket: 'not_due', open_amount: 400 }, // 500 − credit note 100
      { month_end: '2024-02-29', client_id: 'D', bucket: '31-60', open_amount: 100 }, // 45 days
      { month_end: '2024-02-29', client_id: 'F', bucket: '61-90', open_amount: 700 },
    ]);
  });
});

describe('as-of before a payment', () => {
  it('an invoice paid after the as-of date is still open at it', async () => {
    const wh = await buildWarehouse(fixture, { asOf: '2024-02-14' });
    // P1 (2024-02-15) has not happened yet: A1 is fully open, 5 days past due (due 2024-02-09).
    const [a1] = await wh.query(`select open_amount, days_past_due, bucket from invoices where invoice_id = 'A1'`);
    expect(a1).toEqual({ open_amount: 1000, days_past_due: 5, bucket: '1-30' });
    // Invoices issued after the as-of date (C2, E1) are not in the ledger yet.
    const ids = await wh.query(`select invoice_id from invoices where invoice_id in ('C2', 'E1')`);
    expect(ids).toEqual([]);
  });
});

describe('a clients file with a duplicated line', () => {
  it('counts the client once: the forecast is that of the clean file', async () => {
    // The clean fixture and a copy whose clients.csv repeats E's line. Staging rejects the second
    // line ("duplicate client id E"); nothing after it may see that line. Before int_clients, the
    // forecast's lateness model joined staging unfiltered and E's expected cash counted twice
    // (1,350 → 2,150 over the 13 weeks).
    const dir = mkdtempSync(join(tmpdir(), 'encours-dup-client-'));
    cpSync(fixture, dir, { recursive: true });
    const clients = readFileSync(join(dir, 'clients.csv'), 'utf8');
    writeFileSync(join(dir, 'clients.csv'), `${clients}${clients.split('\n').find((line) => line.startsWith('E,'))}\n`);
    const [clean, doubled] = await Promise.all([sharedWarehouse(fixture, { asOf: '2024-03-31' }), buildWarehouse(dir, { asOf: '2024-03-31' })]);
    const forecast = 'select week, expected_amount from forecast order by week';
    expect(await doubled.query(forecast)).toEqual(await clean.query(forecast));
    expect(await doubled.query('select sum(expected_amount) as total from forecast')).toEqual([{ total: 1350 }]);
    expect(await doubled.query(`select line, severity from quality where reason like 'duplicate client id E%'`)).toEqual([{ line: 8, severity: 'error' }]);
  });
});
