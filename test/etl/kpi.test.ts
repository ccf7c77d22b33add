// Receivables KPIs on a one-client ledger worked out by hand (test/fixtures/kpi), as-of 2024-04-30.
// Month ends: Jan 31 (31 days), Feb 29 (29, leap year), Mar 31 (31), Apr 30 (30).
// Sales: Jan 3,100 (I1); Feb 2,900 − credit note 400 = 2,500; Mar nothing; Apr 3,000 (I3).
// Receivables: Jan 3,100 (I1, not due); Feb 2,500 (I1 paid 15 Feb; I2 2,900 − 400, not due);
// Mar 2,500 (I2 20 days late); Apr 5,500 (I2 2,500 late + I3 3,000 not due).
import { join } from 'node:path';

import { beforeAll, describe, expect, inject, it } from 'vitest';

import { fixturesDir, queryWarehouse, sharedWarehouse, type Warehouse } from '../helpers.ts';

describe('kpi_monthly', () => {
  let wh: Warehouse;
  let company: Record<string, import("../../shared/duckdb.ts").Row>;
  beforeAll(async () => {
    wh = await sharedWarehouse(join(fixturesDir, 'kpi'), { asOf: '2024-04-30' });
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
  it('gives the company a DSO near the 43 days of customer credit Banque de France publishes, as the generator is calibrated', async () => {
    const [row] = await queryWarehouse(inject('sampleWarehouse'), `select dso_countback, dso_standard, share_overdue from kpi_monthly where scope = 'company' and month_end = '2026-10-31'`);
    expect(row!.dso_countback).toBeGreaterThan(40);
    expect(row!.dso_countback).toBeLessThan(46);
    expect(row!.share_overdue).toBeGreaterThan(0.15);
  });
});

describe('client behaviour, billing cohorts, currencies and ageing by invoice date (test/fixtures/kpi at 2024-04-30)', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await sharedWarehouse(join(fixturesDir, 'kpi'), { asOf: '2024-04-30' });
  });

  it('describes how the client pays', async () => {
    // The one invoice settled in the last 12 months, I1, took 36 days and was 6 days late (also
    // within 3 and 6 months: settled 2024-02-15 > 2024-01-30). I2 is 50 days past due (11 Mar → 30 Apr).
    // No invoice of the last 12 months is disputed.
    expect(await wh.query(`select * exclude (client_id) from client_behaviour`)).toEqual([
      { days_to_pay_3m: 36, days_to_pay_6m: 36, days_to_pay_12m: 36, days_late_3m: 6, days_late_6m: 6, days_late_12m: 6, days_late_trend: 0, share_paid_late_12m: 1, invoices_settled_12m: 1, max_days_past_due: 50, dispute_rate_12m: 0 },
    ]);
  });

  it('lists the client\'s last 12 months: billed, credited, paid and settled, a month with none at 0', async () => {
    // Twelve month ends, May 2023 to April 2024. January: I1 3,100. February: I2 2,900, CN1 −400,
    // P1 3,100 paid, I1 settled (6 days late, 36 days to pay). March: nothing — the exports date
    // payments, so none paid is 0, not unknown. April: I3 3,000.
    const months = await wh.query(`select month_end::varchar as month_end, invoice_count, invoiced_amount, credited_amount, payment_count, paid_amount,
                                          settled_invoice_count, avg_days_late, avg_days_to_pay from client_months where client_id = 'K' order by month_end`);
    expect(months).toHaveLength(12);
    expect(months[0]!.month_end).toBe('2023-05-31');
    expect(months.slice(-4)).toEqual([
      { month_end: '2024-01-31', invoice_count: 1, invoiced_amount: 3100, credited_amount: 0, payment_count: 0, paid_amount: 0, settled_invoice_count: 0, avg_days_late: null, avg_days_to_pay: null },
      { month_end: '2024-02-29', invoice_count: 1, invoiced_amount: 2900, credited_amount: -400, payment_count: 1, paid_amount: 3100, settled_invoice_count: 1, avg_days_late: 6, avg_days_to_pay: 36 },
      { month_end: '2024-03-31', invoice_count: 0, invoiced_amount: 0, credited_amount: 0, payment_count: 0, paid_amount: 0, settled_invoice_count: 0, avg_days_late: null, avg_days_to_pay: null },
      { month_end: '2024-04-30', invoice_count: 1, invoiced_amount: 3000, credited_amount: 0, payment_count: 0, paid_amount: 0, settled_invoice_count: 0, avg_days_late: null, avg_days_to_pay: null },
    ]);
  });

  it('follows each billing cohort only as far as its age allows', async () => {
    // January (I1, 3,100, issued 10 Jan, paid 36 days later): nothing within 30 days, all within 60
    // and 90; 31 Jan + 120 > 30 Apr so the 120-day share is not known yet; open 90 days after issue: 0.
    // February (I2, 2,900, never paid; its credit note is not a collection): 0 within 30 and 60;
    // 90 days are not reached. April (I3): too young for any share.
    expect(await wh.query(`select * from billing_cohorts`)).toEqual([
      { cohort_month: '2024-01-31', invoiced_amount: 3100, invoice_count: 1, share_collected_30d: 0, share_collected_60d: 1, share_collected_90d: 1, share_collected_120d: null, share_open_after_90d: 0 },
      { cohort_month: '2024-02-29', invoiced_amount: 2900, invoice_count: 1, share_collected_30d: 0, share_collected_60d: 0, share_collected_90d: null, share_collected_120d: null, share_open_after_90d: null },
      { cohort_month: '2024-04-30', invoiced_amount: 3000, invoice_count: 1, share_collected_30d: null, share_collected_60d: null, share_collected_90d: null, share_collected_120d: null, share_open_after_90d: null },
    ]);
  });

  it('breaks the receivables down by currency and ages them by invoice date', async () => {
    // No currency column: everything is in the company currency (EUR), 2,500 + 3,000: all of it.
    expect(await wh.query(`select * from receivables_by_currency`)).toEqual([
      { currency: 'EUR', is_company_currency: true, open_amount: 5500, currency_open_amount: 5500, open_items: 2, share_open: 1 },
    ]);
    // I2 issued 10 Feb is 80 days old (61–90); I3 issued 5 Apr is 25 days old (0–30).
    expect(await wh.query(`select age_bucket, open_amount from ageing_by_invoice_date order by bucket_order`)).toEqual([
      { age_bucket: '0-30', open_amount: 3000 },
      { age_bucket: '61-90', open_amount: 2500 },
    ]);
  });
});
