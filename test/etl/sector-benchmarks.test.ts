// sector_benchmarks on the hand-made ledger of test/fixtures/d441 (as of 2025-03-31, last month
// end 2025-03-31), the company's sector set to 'Distribution' (→ 'trade' in
// data/reference/benchmark_scopes.csv) and a test table of published figures
// (test/fixtures/benchmarks/benchmarks.csv).
//
// Company DSO (countback) at 2025-03-31: open I6 800 + I4 2 000 + I5 500 = 3 300. March, February,
// January 2025 have no sales: consumed whole, 31 + 28 + 31; December 2024 sales 900 (I10): 31 days,
// 2 400 left; November 1 100 (I3 600 + I5 500): 30 days, 1 300 left; October 2 850 (I2 2 400 + I7
// 450): 1 300 / 2 850 × 31 = 14.140351. DSO = 151 + 14.140351 = 165.140351.
// Invoices paid in full in the 12 month ends April 2024 – March 2025 (amount, days late):
// I9 700 +35, I8 1 500 +30, I3 600 0, I10 900 −4, I2 2 400 +81, I7 450 +98.
// Days late = (24 500 + 45 000 + 0 − 3 600 + 194 400 + 44 100) / 6 550 = 304 400 / 6 550 = 46.473282.
// Paid on time: I3 and I10, 2 of 6 = 0.333333.
// Sector BTP (client A): open I6 800; sales Nov 600 (I3), Oct 2 400 (I2): 31 + 28 + 31 + 31 (no
// sales) + 30 (Nov, 200 left) + 200 / 2 400 × 31 = 151 + 2.583333 = 153.583333 days; paid: I3 0
// days, I2 81 days → (2 400 × 81) / 3 000 = 64.8 days late, 1 of 2 on time.
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, sharedWarehouse, type Warehouse } from '../helpers.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await sharedWarehouse(join(fixturesDir, 'd441'), { asOf: '2025-03-31', configPath: join(fixturesDir, 'd441-benchmarks.config.json') });
});

const rows = (scope: string, scopeValue: string) =>
  wh.query(`select measure, round(value, 6) as value, benchmark_value, round(difference, 6) as difference, benchmark_year, publication, is_exact_scope
            from sector_benchmarks where scope = '${scope}' and scope_value = '${scopeValue}'`);

describe('sector_benchmarks', () => {
  it('puts the company beside its own sector\'s figure, else the figure for all companies', async () => {
    // DSO: the trade sector's 45 days (2022) beats the all-companies 40 days (2023) and the trade
    // sector's older 38 days (2021); days late and on time: no trade figure, all companies'.
    expect(await rows('company', 'all')).toEqual([
      { measure: 'dso', value: 165.140351, benchmark_value: 45, difference: 120.140351, benchmark_year: 2022, publication: 'Test report B', is_exact_scope: true },
      { measure: 'days_late', value: 46.473282, benchmark_value: 12, difference: 34.473282, benchmark_year: 2024, publication: 'Test study E', is_exact_scope: false },
      { measure: 'share_paid_on_time', value: 0.333333, benchmark_value: 0.5, difference: -0.166667, benchmark_year: 2024, publication: 'Test study E', is_exact_scope: false },
    ]);
  });

  it('puts a sector of clients beside how that sector pays its suppliers, and names its failures', async () => {
    expect(await rows('sector', 'BTP')).toEqual([
      { measure: 'dso', value: 153.583333, benchmark_value: 50, difference: 103.583333, benchmark_year: 2024, publication: 'Test report D', is_exact_scope: false },
      { measure: 'days_late', value: 64.8, benchmark_value: 9, difference: 55.8, benchmark_year: 2024, publication: 'Test study E', is_exact_scope: true },
      { measure: 'share_paid_on_time', value: 0.5, benchmark_value: 0.5, difference: 0, benchmark_year: 2024, publication: 'Test study E', is_exact_scope: false },
      { measure: 'failures_12m', value: null, benchmark_value: 100, difference: null, benchmark_year: 2024, publication: 'Test note F', is_exact_scope: true },
    ]);
  });

  it('gives clients without a segment no scope of their own', async () => {
    expect(await wh.query(`select count(*)::integer as n from sector_benchmarks where scope_value = '(none)'`)).toEqual([{ n: 0 }]);
  });
});

describe('benchmarks.file', () => {
  it('stops the run, naming the file, on a published figure that is not a number', async () => {
    const run = buildWarehouse(join(fixturesDir, 'd441'), { asOf: '2025-03-31', configPath: join(fixturesDir, 'd441-bad-benchmarks.config.json') });
    await expect(run).rejects.toThrow(/not-a-number\.csv/);
  });
});
