// Receivables KPIs on a one-client ledger worked out by hand (test/fixtures/kpi), as-of 2024-04-30.
// Month ends: Jan 31 (31 days), Feb 29 (29, leap year), Mar 31 (31), Apr 30 (30).
// Sales: Jan 3,100 (I1); Feb 2,900 − credit note 400 = 2,500; Mar nothing; Apr 3,000 (I3).
// Receivables: Jan 3,100 (I1, not due); Feb 2,500 (I1 paid 15 Feb; I2 2,900 − 400, not due);
// Mar 2,500 (I2 20 days late); Apr 5,500 (I2 2,500 late + I3 3,000 not due).
import { join } from 'node:path';

import { beforeAll, describe, expect, inject, it } from 'vitest';

import { buildWarehouse, fixturesDir, queryWarehouse, type Warehouse } from '../helpers.ts';

describe('kpi_monthly', () => {
  let wh: Warehouse;
  let company: Record<string, Record<string, number | string | boolean | null>>;
  beforeAll(async () => {
    wh = await buildWarehouse(join(fixturesDir, 'kpi'), { asOf: '2024-04-30' });
    const rows = await wh.query(`select * from kpi_monthly where scope = 'company' order by month_end`);
    company = Object.fromEntries(rows.map((r) => [r.month_end as string, r]));
  });

  it('has receivables, overdue and sales (net of credit notes) for every month end, a month without sales included', () => {
    expect(Object.keys(company)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(Object.values(company).map((r) => [r.receivables, r.overdue, r.sales])).toEqual([
      [3100, 0, 3100],
      [2500, 0, 2500],
      [2500, 2500, 0],
      [5500, 2500, 3000],
    ]);
  });

  it('computes DSO by countback, going on through a month without sales', () => {
    // Jan: 3,100 / 3,100 × 31 = 31. Feb: 2,500 / 2,500 × 29 = 29.
    // Mar: March had no sales, so it is consumed whole (31 days); then 2,500 / 2,500 of February × 29 → 60.
    // Apr: 5,500 − April 3,000 (30 days) − March 0 (31 days) = 2,500 = February's 2,500 (29 days) → 90.
    expect(Object.values(company).map((r) => r.dso_countback)).toEqual([31, 29, 60, 90]);
    expect(company['2024-04-30']!.is_dso_countback_capped).toBe(false);
  });

  it('computes the standard and best-possible DSO and ADD over the last three months', () => {
    // Mar: 2,500 / (3,100 + 2,500 + 0) × (31 + 29 + 31) = 2,500 / 5,600 × 91 = 40.625; nothing is
    // not yet due, so best possible = 0 and ADD = 40.625.
    expect(company['2024-03-31']).toMatchObject({ dso_standard: 40.625, best_possible_dso: 0, add_days: 40.625 });
    // Apr: 5,500 / (2,500 + 0 + 3,000) × (29 + 31 + 30) = 90; best possible 3,000 / 5,500 × 90 = 49.0909…;
    // ADD = 90 − 49.0909… = 40.9090…
    expect(company['2024-04-30']!.dso_standard).toBe(90);
    expect(company['2024-04-30']!.best_possible_dso).toBeCloseTo(49.090909, 5);
    expect(company['2024-04-30']!.add_days).toBeCloseTo(40.909091, 5);
    // Jan and Feb: fewer than three months of history.
    expect(company['2024-02-29']!.dso_standard).toBeNull();
  });

  it('computes the CEI for the month and the trailing quarter', () => {
    // Feb: (3,100 + 2,500 − 2,500) / (3,100 + 2,500 − 2,500 not due) × 100 = 100.
    // Mar: (2,500 + 0 − 2,500) / (2,500 + 0 − 0) = 0. Apr: (2,500 + 3,000 − 5,500) / (2,500 + 3,000 − 3,000) = 0.
    expect(Object.values(company).map((r) => r.cei)).toEqual([null, 100, 0, 0]);
    // Quarter to Apr: opening = Jan 31's 3,100, sales / 3 = 5,500 / 3:
    // (3,100 + 5,500/3 − 5,500) / (3,100 + 5,500/3 − 3,000) = (−1,700/3) / (5,800/3) × 100 = −29.31…
    expect(company['2024-04-30']!.cei_quarter).toBeCloseTo(-29.310345, 5);
  });

  it('weights days to pay and days late of the invoices settled in the month by their amount', () => {
    // I1 (3,100), issued 10 Jan, due 9 Feb, paid 15 Feb: 36 days to pay, 6 days late.
    expect(company['2024-02-29']).toMatchObject({ avg_days_to_pay: 36, avg_days_late: 6 });
    expect(company['2024-03-31']!.avg_days_late).toBeNull();
    expect(company['2024-04-30']!.share_overdue).toBeCloseTo(2500 / 5500, 10);
  });

  it('gives the same figures for the client’s segment, sector, country and sales rep', async () => {
    const rows = await wh.query(`select scope, scope_value, dso_countback from kpi_monthly where month_end = '2024-04-30' order by scope`);
    expect(rows).toEqual([
      { scope: 'company', scope_value: 'all', dso_countback: 90 },
      { scope: 'country', scope_value: 'FR', dso_countback: 90 },
      { scope: 'sales_rep', scope_value: 'Durand', dso_countback: 90 },
      { scope: 'sector', scope_value: 'Industrie', dso_countback: 90 },
      { scope: 'segment', scope_value: 'PME', dso_countback: 90 },
    ]);
  });
});

describe('kpi_monthly on the sample', () => {
  it('gives the company a DSO of about two months, as the generator intends (tie-outs are the run’s data tests)', async () => {
    const [row] = await queryWarehouse(inject('sampleWarehouse'), `select dso_countback, dso_standard, share_overdue from kpi_monthly where scope = 'company' and month_end = '2026-10-31'`);
    expect(row!.dso_countback).toBeGreaterThan(45);
    expect(row!.dso_countback).toBeLessThan(75);
    expect(row!.share_overdue).toBeGreaterThan(0.15);
  });
});
