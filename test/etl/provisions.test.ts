// Provisions, roll rates and the cash forecast: model unit tests on hand-made inputs, and the
// published backtests on the sample.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { buildWarehouse, fixturesDir, queryWarehouse, runModel } from '../helpers.ts';

describe('int_provision_matrix', () => {
  it('provisions each bucket’s balance at its loss rate, times the forward-looking factor', async () => {
    // Client A at 2024-06-30: 10,000 not due (loss rate 1 %), 2,000 in 31–60 (10 %), 500 in > 365 (100 %).
    // Client B: 4,000 in 31–60 (10 %), and a credit note of −300 in 1–30 (nothing to provision).
    // Provisions: 100 + 200 + 500 = 800 for A; 400 for B; with a factor of 1.5: 1,200 and 600.
    const inputs = {
      int_invoice_month_ends: `select * from (values
        (date '2024-06-30', 'i1', 'A', 'invoice', 'not_due', 0, 10000.00),
        (date '2024-06-30', 'i2', 'A', 'invoice', '31-60', 2, 2000.00),
        (date '2024-06-30', 'i3', 'A', 'invoice', '>365', 6, 500.00),
        (date '2024-06-30', 'i4', 'B', 'invoice', '31-60', 2, 4000.00),
        (date '2024-06-30', 'c1', 'B', 'credit_note', '1-30', 1, -300.00))
        t(month_end, invoice_id, client_id, kind, bucket, bucket_order, open_amount)`,
      int_loss_rates: `select * from (values
        (date '2024-06-30', 'not_due', 0, 0.01, 'observed'), (date '2024-06-30', '1-30', 1, 0.05, 'observed'),
        (date '2024-06-30', '31-60', 2, 0.10, 'observed'), (date '2024-06-30', '>365', 6, 1.0, 'observed'))
        t(estimated_at, bucket, bucket_order, loss_rate, rate_source)`,
      // Invoices without VAT (amount excl. tax = amount), so the base is the open amount itself.
      int_invoices: `select invoice_id, open_amount as amount, open_amount as amount_excl_tax from int_invoice_month_ends`,
    };
    const plain = await runModel('int_provision_matrix', inputs, { forward_looking_factor: 1, vat_rate: 0.2 });
    const byClient = (rows: typeof plain) => Object.fromEntries(['A', 'B'].map((c) => [c, rows.filter((r) => r.client_id === c).reduce((s, r) => s + (r.amount as number), 0)]));
    expect(plain.map((r) => [r.client_id, r.bucket, r.amount]).sort()).toEqual([
      ['A', '31-60', 200],
      ['A', '>365', 500],
      ['A', 'not_due', 100],
      ['B', '31-60', 400],
    ]);
    expect(byClient(plain)).toEqual({ A: 800, B: 400 });
    expect(byClient(await runModel('int_provision_matrix', inputs, { forward_looking_factor: 1.5, vat_rate: 0.2 }))).toEqual({ A: 1200, B: 600 });
  });
});

describe('both provision books on one base (test/fixtures/provision-base, as of 2024-06-30)', () => {
  // No history: the matrix uses the prudent default rates (not due 1 %, 1–30 days 3 %, 31–60 10 %).
  //   L1 LIQ (liquidation judiciaire) 1,200 incl. tax, 1,000 excl. tax given, 60 days late (31–60).
  //   K1 OK 600 incl. tax, no amount excl. tax in the export: 600 / 1.20 = 500; 15 days late (1–30).
  //   K2 OK 2,400 incl. tax, 2,000 excl. tax, not due.
  const fixture = join(fixturesDir, 'provision-base');

  it('provisions the matrix and the specific provisions on amounts excluding recoverable VAT, and says so', async () => {
    // Matrix: 1,000 × 10 % + 500 × 3 % + 2,000 × 1 % = 100 + 15 + 20 = 135 on 3,500; specific: L1's
    // 1,000 × 100 % (liquidation) = 1,000 on 1,000 — the same 1,000 base for L1 in both books.
    // (Before, the matrix took 1,200 × 10 % + 600 × 3 % + 2,400 × 1 % = 162 on the amounts incl. tax.)
    const wh = await buildWarehouse(fixture, { asOf: '2024-06-30' });
    expect(await wh.query(`select method, client_id, bucket, balance_amount, amount from provisions where month_end = '2024-06-30' order by method, client_id, bucket`)).toEqual([
      { method: 'matrix', client_id: 'LIQ', bucket: '31-60', balance_amount: 1000, amount: 100 },
      { method: 'matrix', client_id: 'OK', bucket: '1-30', balance_amount: 500, amount: 15 },
      { method: 'matrix', client_id: 'OK', bucket: 'not_due', balance_amount: 2000, amount: 20 },
      { method: 'specific', client_id: 'LIQ', bucket: '31-60', balance_amount: 1000, amount: 1000 },
    ]);
    expect(await wh.query(`select provision_base, matrix_amount, matrix_balance_amount, specific_amount, specific_balance_amount from provision_summary`)).toEqual([
      { provision_base: 'excl_tax', matrix_amount: 135, matrix_balance_amount: 3500, specific_amount: 1000, specific_balance_amount: 1000 },
    ]);
  });

  it('puts both on amounts including VAT when the setting says the VAT is not recoverable', async () => {
    // Matrix 1,200 × 10 % + 600 × 3 % + 2,400 × 1 % = 120 + 18 + 24 = 162 on 4,200; specific 1,200 × 100 %.
    const config = join(mkdtempSync(join(tmpdir(), 'encours-vat-')), 'encours.config.json');
    writeFileSync(config, JSON.stringify({ provisions: { vatRecoverable: false } }));
    const wh = await buildWarehouse(fixture, { asOf: '2024-06-30', configPath: config });
    expect(await wh.query(`select provision_base, matrix_amount, matrix_balance_amount, specific_amount, specific_balance_amount from provision_summary`)).toEqual([
      { provision_base: 'incl_tax', matrix_amount: 162, matrix_balance_amount: 4200, specific_amount: 1200, specific_balance_amount: 1200 },
    ]);
  });
});

describe('roll_rates', () => {
  it('follows each invoice from one month end to the next: rolled to a later bucket, written off, or settled', async () => {
    // Three month ends. At 31 Jan: X (1,000, not due), Y (600, 1–30), Z (400, 61–90).
    // At 29 Feb: X is in 1–30 (rolled), Y was paid (not rolled), Z was written off on 20 Feb.
    // At 31 Mar: X is in 31–60 (rolled again).
    // Not due → 1–30 in February: 1,000 / 1,000 = 100 %; 1–30 in February: 0 / 600 = 0 %;
    // 61–90 in February: write-off 400 / 400 = 100 %; 1–30 → 31–60 in March: 1,000 / 1,000.
    const rows = await runModel('roll_rates', {
      int_invoice_month_ends: `select * from (values
        (date '2024-01-31', 'X', 'invoice', 'not_due', 0, 1000.00), (date '2024-01-31', 'Y', 'invoice', '1-30', 1, 600.00),
        (date '2024-01-31', 'Z', 'invoice', '61-90', 3, 400.00), (date '2024-02-29', 'X', 'invoice', '1-30', 1, 1000.00),
        (date '2024-03-31', 'X', 'invoice', '31-60', 2, 1000.00))
        t(month_end, invoice_id, kind, bucket, bucket_order, open_amount)`,
      int_allocations: `select * from (values ('Z', 'W1', 'writeoff', date '2024-02-20', 400.00), ('Y', 'P1', 'payment', date '2024-02-10', 600.00))
        t(invoice_id, source_id, source_kind, allocation_date, amount)`,
      int_bucket_outcomes: `select null::date as month_end, null::varchar as bucket, null::double as written_off_12m_amount, null::double as balance_amount, null::boolean as is_outcome_known where false`,
    }, { as_of_date: '2024-03-31' });
    expect(rows.map((r) => [r.month_end, r.bucket, r.opening_balance_amount, r.flow_rate, r.writeoff_rate])).toEqual([
      ['2024-02-29', 'not_due', 1000, 1, 0],
      ['2024-02-29', '1-30', 600, 0, 0],
      ['2024-02-29', '61-90', 400, 0, 1],
      ['2024-03-31', '1-30', 1000, 1, 0],
    ]);
  });
});

describe('on the sample', () => {
  const q = (sql: string) => queryWarehouse(inject('sampleWarehouse'), sql);

  it('publishes a cash-forecast backtest whose error is lower than the naive forecast’s', async () => {
    const [row] = await q(`select sum(abs(forecast_amount - actual_amount)) / sum(actual_amount) as model, sum(abs(naive_amount - actual_amount)) / sum(actual_amount) as naive, count(distinct forecast_date) as dates from forecast_backtest`);
    expect(row!.dates).toBe(12);
    expect(row!.model as number).toBeLessThan(row!.naive as number);
  });

  it('spreads the overdue amount by each client’s lateness: at most a quarter of it expected on one day, and week 1 a whole week', async () => {
    // Before, 58 % of the overdue amount was expected on Sunday 1 November, the day after the as-of
    // date, and week 1 was that Sunday alone.
    const [row] = await q(`
      with overdue as (select expected_payment_date, open_amount from invoices where kind = 'invoice' and open_amount > 0 and due_date < date '2026-10-31' and expected_payment_date is not null),
      by_day as (select expected_payment_date, sum(open_amount) as amount from overdue group by all)
      select max(amount) / (select sum(open_amount) from overdue) as largest_day_share, (select count(*) from by_day) as days from by_day`);
    expect(row!.largest_day_share as number).toBeLessThanOrEqual(0.25);
    expect(row!.days as number).toBeGreaterThan(20);
    expect(await q(`select week_start, from_date from forecast where week = 1`)).toEqual([{ week_start: '2026-11-02', from_date: '2026-11-02' }]);
  });

  it('forecasts 13 weeks with a band around the expected amount', async () => {
    const rows = await q(`select week, expected_amount, low_amount, high_amount from forecast order by week`);
    expect(rows).toHaveLength(13);
    for (const r of rows) expect((r.low_amount as number) <= (r.expected_amount as number) && (r.expected_amount as number) <= (r.high_amount as number)).toBe(true);
  });

  it('publishes matrix and specific provisions at the as-of date, and a backtest of the matrix', async () => {
    const methods = await q(`select method, sum(amount) > 0 as has_amount from provisions where month_end = '2026-10-31' group by method order by method`);
    expect(methods).toEqual([{ method: 'matrix', has_amount: true }, { method: 'specific', has_amount: true }]);
    // Every month end whose next 12 months have passed (2023-11 to 2025-10) is backtested. A bucket's
    // rate is observed once 6 month ends of known outcome exist: at 2025-04-30 those of 2023-11 to
    // 2024-04; before, and for a bucket that fills later (beyond 365 days), the prudent default.
    const [backtest] = await q(`select count(*) as n, max(month_end) as last from provision_backtest`);
    expect(backtest).toEqual({ n: 24, last: '2025-10-31' });
    const sources = await q(`select basis, min(month_end) as first from provisions where method = 'matrix' group by basis order by basis`);
    expect(sources).toEqual([{ basis: 'observed', first: '2025-04-30' }, { basis: 'prudent_default', first: '2023-11-30' }]);
  });

  it('passes its backtest on the latest backtested month ends and says which provision to book', async () => {
    const [summary] = await q(`select backtest_month_ends, backtest_ratio, backtest_verdict, recommended_amount >= greatest(matrix_amount, specific_amount) as covers_both from provision_summary`);
    expect(summary).toMatchObject({ backtest_month_ends: 6, backtest_verdict: 'holds', covers_both: true });
    expect(summary!.backtest_ratio as number).toBeGreaterThan(0.5);
    expect(summary!.backtest_ratio as number).toBeLessThan(2);
  });
});
