// Receivables KPIs on a two-client year worked out by hand (test/fixtures/kpi-ledger), as-of 2024-12-31.
// Days in the months of 2024: Jan 31, Feb 29, Mar 31, Apr 30, May 31, Jun 30, Jul 31, Aug 31, Sep 30,
// Oct 31, Nov 30, Dec 31.
// A (PME, Industrie, FR, Durand): A1 3,100 issued 10 Jan due 9 Feb, paid 19 Feb; A2 6,200 issued 5 Oct
//   due 4 Nov, 3,100 paid 14 Nov; A3 3,100 issued 2 Dec due 1 Jan 2025, credit note CA3 620 on 10 Dec.
// B (no segment, Services, BE, no sales rep): B1 1,000 issued 15 Mar due 14 Apr, credit note CB1 500 on
//   10 Jun, the other 500 written off 30 Sep; B2 3,000 (USD) issued 20 Nov due 20 Dec.
// Sales (credit notes reduce them): Jan 3,100; Mar 1,000; Jun −500; Oct 6,200; Nov 3,000;
//   Dec 3,100 − 620 = 2,480; the other months 0. Twelve months: 15,280.
// Receivables (not yet due): Jan 3,100 (3,100); Feb 0; Mar 1,000 (1,000); Apr, May 1,000 (0);
//   Jun, Jul, Aug 500 (0); Sep 0; Oct 6,200 (6,200); Nov 3,100 + 3,000 = 6,100 (B2 3,000);
//   Dec 3,100 + 3,000 + 2,480 = 8,580 (A3 2,480).
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, runModel, sharedWarehouse, type Warehouse } from '../helpers.ts';

type Row = import("../../shared/duckdb.ts").Row;
const ledger = join(fixturesDir, 'kpi-ledger');

describe('kpi_monthly on a year of two clients', () => {
  let wh: Warehouse;
  let company: Record<string, Row>;
  beforeAll(async () => {
    wh = await sharedWarehouse(ledger, { asOf: '2024-12-31' });
    const rows = await wh.query(`select * from kpi_monthly where scope = 'company' order by month_end`);
    company = Object.fromEntries(rows.map((r) => [r.month_end as string, r]));
  });

  it('counts back through months without sales, a month of net credit notes and part of a month', () => {
    // Jan 3,100 = January's 3,100 → 31. Feb and Sep: nothing open → 0. Mar 1,000 = March's → 31.
    // Apr: April (0, 30 days) + March (1,000 for 1,000, 31) → 61. May: 31 + 30 + 31 → 92.
    // Jun 500: June's sales are −500, so nothing is subtracted and June counts whole (30), May 31,
    //   April 30, then 500 / 1,000 of March × 31 = 15.5 → 106.5. Jul 31 + 106.5 = 137.5. Aug 168.5.
    // Oct 6,200 = October's → 31. Nov 6,100 − 3,000 (30) = 3,100; 3,100 / 6,200 × 31 = 15.5 → 45.5.
    // Dec 8,580 − 2,480 (31) − 3,000 (30) = 3,100; 3,100 / 6,200 × 31 = 15.5 → 76.5.
    expect(Object.values(company).map((r) => r.dso_countback)).toEqual([31, 0, 31, 61, 92, 106.5, 137.5, 168.5, 0, 31, 45.5, 76.5]);
    expect(Object.values(company).some((r) => r.is_dso_countback_capped)).toBe(false);
  });

  it('computes the standard DSO, best-possible DSO and ADD over three months, NULL when their sales are not positive', () => {
    // Dec: window Oct–Dec, sales 6,200 + 3,000 + 2,480 = 11,680 over 31 + 30 + 31 = 92 days.
    // Standard 8,580 / 11,680 × 92 = 67.5822; best possible 2,480 / 11,680 × 92 = 19.5342;
    // ADD = 67.5822 − 19.5342 = 6,100 / 11,680 × 92 = 48.0479.
    expect(company['2024-12-31']!.dso_standard).toBeCloseTo(67.582192, 5);
    expect(company['2024-12-31']!.best_possible_dso).toBeCloseTo(19.534247, 5);
    expect(company['2024-12-31']!.add_days).toBeCloseTo(48.047945, 5);
    // May: Mar–May sales 1,000 over 92 days, 1,000 overdue → 92, best possible 0, ADD 92.
    expect(company['2024-05-31']).toMatchObject({ dso_standard: 92, best_possible_dso: 0, add_days: 92 });
    // Jun (Apr–Jun −500), Jul (−500), Aug (−500), Sep (0): window sales ≤ 0.
    for (const month of ['2024-06-30', '2024-07-31', '2024-08-31', '2024-09-30']) {
      expect(company[month], month).toMatchObject({ dso_standard: null, best_possible_dso: null, add_days: null });
    }
  });

  it('computes the CEI of the month and of the quarter; a credit note is not a collection, a write-off leaves the receivables', () => {
    // Feb (3,100 + 0 − 0) / (3,100 + 0 − 0) = 100. Jun (1,000 − 500 − 500) / (1,000 − 500 − 0) = 0.
    // Sep (500 + 0 − 0) / (500 − 0) = 100. Nov (6,200 + 3,000 − 6,100) / (6,200 + 3,000 − 3,000) = 50.
    // Dec (6,100 + 2,480 − 8,580) / (6,100 + 2,480 − 2,480) = 0. Mar and Oct: 0 / 0 → NULL.
    expect(Object.values(company).map((r) => r.cei)).toEqual([null, 100, null, 0, 0, 0, 0, 0, 100, null, 50, 0]);
    // Quarter to Dec: opening Sep 30 = 0, sales / 3 = 11,680 / 3:
    // (11,680/3 − 8,580) / (11,680/3 − 2,480) = −14,060 / 4,240 × 100 = −331.6038.
    expect(company['2024-12-31']!.cei_quarter).toBeCloseTo(-331.603774, 5);
    // Quarter to Apr: opening Jan 31 = 3,100, sales Feb–Apr 1,000 / 3:
    // (3,100 + 333.33 − 1,000) / (3,100 + 333.33 − 0) = 7,300 / 10,300 × 100 = 70.8738.
    expect(company['2024-04-30']!.cei_quarter).toBeCloseTo(70.873786, 5);
  });

  it('gives the write-offs, the 12-month bad-debt rate and the annual receivables turnover', () => {
    // W1 500 on 30 Sep; 500 / 15,280 = 0.0327225.
    expect(company['2024-09-30']!.writeoff_amount).toBe(500);
    expect(company['2024-12-31']!.bad_debt_rate_12m).toBeCloseTo(500 / 15280, 12);
    expect(company['2024-11-30']!.bad_debt_rate_12m).toBeNull(); // eleven months of history only
    // Average of the 12 month-end balances: (3,100 + 0 + 1,000 × 3 + 500 × 3 + 0 + 6,200 + 6,100 + 8,580) / 12
    // = 28,480 / 12; turnover = 15,280 / (28,480 / 12) = 6.4382.
    expect(company['2024-12-31']!.receivables_turnover).toBeCloseTo(6.438202, 5);
  });

  it('weights days to pay and days late of the invoices settled in the month', () => {
    // A1: 10 Jan → 19 Feb = 40 days to pay, 10 days after its due date.
    expect(company['2024-02-29']).toMatchObject({ avg_days_to_pay: 40, avg_days_late: 10 });
    expect(company['2024-12-31']).toMatchObject({ avg_days_to_pay: null, avg_days_late: null });
  });

  it('does not count an invoice closed by a write-off as paid', async () => {
    // B1 reached zero on 30 Sep through its 500 write-off: had it counted, September would show
    // 199 days to pay (15 Mar → 30 Sep) and 169 days late. It was never paid: no figure, and the
    // write-off goes to the month's write-offs instead.
    expect(company['2024-09-30']).toMatchObject({ avg_days_to_pay: null, avg_days_late: null, writeoff_amount: 500 });
    expect(await wh.query(`select open_amount, written_off_amount, settled_date, days_to_pay, days_late from invoices where invoice_id = 'B1'`)).toEqual([
      { open_amount: 0, written_off_amount: 500, settled_date: null, days_to_pay: null, days_late: null },
    ]);
  });

  it('breaks down by segment, sector, country and sales rep, an empty attribute under (none)', async () => {
    const rows = await wh.query(`select scope, scope_value, receivables, overdue, sales, dso_countback from kpi_monthly where month_end = '2024-12-31' order by scope, scope_value`);
    // A: 3,100 + 2,480 = 5,580 (3,100 overdue), sales 2,480; countback 5,580 − 2,480 (31) − 0 (Nov, 30)
    //   = 3,100 → 3,100 / 6,200 × 31 = 15.5 → 76.5.
    // B: 3,000 overdue, no December sales (31) then November's 3,000 (30) → 61.
    const a = { receivables: 5580, overdue: 3100, sales: 2480, dso_countback: 76.5 };
    const b = { receivables: 3000, overdue: 3000, sales: 0, dso_countback: 61 };
    expect(rows).toEqual([
      { scope: 'company', scope_value: 'all', receivables: 8580, overdue: 6100, sales: 2480, dso_countback: 76.5 },
      { scope: 'country', scope_value: 'BE', ...b },
      { scope: 'country', scope_value: 'FR', ...a },
      { scope: 'sales_rep', scope_value: '(none)', ...b },
      { scope: 'sales_rep', scope_value: 'Durand', ...a },
      { scope: 'sector', scope_value: 'Industrie', ...a },
      { scope: 'sector', scope_value: 'Services', ...b },
      { scope: 'segment', scope_value: '(none)', ...b },
      { scope: 'segment', scope_value: 'PME', ...a },
    ]);
  });

  it('takes the standard DSO window from the configuration (dsoWindowMonths)', async () => {
    const one = await buildWarehouse(ledger, { asOf: '2024-12-31', configPath: join(ledger, 'window-1', 'encours.config.json') });
    const [dec] = await one.query(`select dso_standard, best_possible_dso, add_days, dso_countback from kpi_monthly where scope = 'company' and month_end = '2024-12-31'`);
    // One month: 8,580 / 2,480 × 31 = 107.25; best possible 2,480 / 2,480 × 31 = 31; ADD 76.25.
    // The countback does not depend on the window.
    expect(dec).toEqual({ dso_standard: 107.25, best_possible_dso: 31, add_days: 76.25, dso_countback: 76.5 });
  });
});

describe('billing cohorts, currencies and ageing by invoice date on the year of two clients', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await sharedWarehouse(ledger, { asOf: '2024-12-31' });
  });

  it('counts only payments as collections and leaves unknown windows NULL', async () => {
    const rows = await wh.query(`select * from billing_cohorts order by cohort_month`);
    expect(rows).toEqual([
      // A1 paid 40 days after issue: within 60, 90 and 120 days.
      { cohort_month: '2024-01-31', invoiced_amount: 3100, invoice_count: 1, share_collected_30d: 0, share_collected_60d: 1, share_collected_90d: 1, share_collected_120d: 1, share_open_after_90d: 0 },
      // B1: never paid (credit note and write-off are not collections); 90 days after issue (13 Jun)
      // 500 of 1,000 was still open (the credit note came on 10 Jun).
      { cohort_month: '2024-03-31', invoiced_amount: 1000, invoice_count: 1, share_collected_30d: 0, share_collected_60d: 0, share_collected_90d: 0, share_collected_120d: 0, share_open_after_90d: 0.5 },
      // A2: 3,100 of 6,200 paid 40 days after issue; 31 Oct + 60 = 30 Dec ≤ as-of, + 90 > as-of.
      { cohort_month: '2024-10-31', invoiced_amount: 6200, invoice_count: 1, share_collected_30d: 0, share_collected_60d: 0.5, share_collected_90d: null, share_collected_120d: null, share_open_after_90d: null },
      // B2 (30 Nov + 30 = 30 Dec ≤ as-of): nothing collected within 30 days.
      { cohort_month: '2024-11-30', invoiced_amount: 3000, invoice_count: 1, share_collected_30d: 0, share_collected_60d: null, share_collected_90d: null, share_collected_120d: null, share_open_after_90d: null },
      { cohort_month: '2024-12-31', invoiced_amount: 3100, invoice_count: 1, share_collected_30d: null, share_collected_60d: null, share_collected_90d: null, share_collected_120d: null, share_open_after_90d: null },
    ]);
  });

  it('breaks the open amount down by original currency and ages it by issue date', async () => {
    // EUR: A2 3,100 + A3 2,480 (CA3 fully used); USD: B2, 3,300.00 USD whose company-currency
    // amount the export gives as 3,000.00 EUR (its amount_company_currency column). Shares of
    // 5,580 + 3,000 = 8,580: EUR 5,580 / 8,580 = 0.6503, USD 3,000 / 8,580 = 0.3497.
    expect(await wh.query(`select * exclude (share_open), round(share_open, 4) as share_open from receivables_by_currency order by currency`)).toEqual([
      { currency: 'EUR', is_company_currency: true, open_amount: 5580, currency_open_amount: 5580, open_items: 2, share_open: 0.6503 },
      { currency: 'USD', is_company_currency: false, open_amount: 3000, currency_open_amount: 3300, open_items: 1, share_open: 0.3497 },
    ]);
    // A2 issued 5 Oct: 26 + 30 + 31 = 87 days (61–90); A3 issued 2 Dec: 29 days; B2 issued 20 Nov: 41 days.
    expect(await wh.query(`select client_id, age_bucket, open_amount from ageing_by_invoice_date order by client_id, bucket_order`)).toEqual([
      { client_id: 'A', age_bucket: '0-30', open_amount: 2480 },
      { client_id: 'A', age_bucket: '61-90', open_amount: 3100 },
      { client_id: 'B', age_bucket: '31-60', open_amount: 3000 },
    ]);
  });
});

describe('kpi_monthly countback when the receivables exceed the whole history of sales', () => {
  // Hand-made monthly inputs (e.g. a balance brought forward from before the first invoice of the
  // export): sales Jan 1,000, Feb 0, Mar 500; receivables Jan 1,200, Feb 1,100, Mar 2,000, all overdue.
  it('leaves the countback DSO empty and flags the row: the days of the whole history are no DSO', async () => {
    const rows = await runModel<Row>(
      ['int_kpi_scope_months', 'int_kpi_countback', 'kpi_monthly'],
      {
        int_all_clients: `select 'X' as client_id, null::varchar as segment, null::varchar as sector, null::varchar as country, null::varchar as sales_rep`,
        int_month_ends: `select unnest([date '2024-01-31', date '2024-02-29', date '2024-03-31']) as month_end`,
        int_invoice_month_ends: `select * from (values (date '2024-01-31', 'X', '1-30', 1200.00), (date '2024-02-29', 'X', '1-30', 1100.00), (date '2024-03-31', 'X', '31-60', 2000.00)) as t(month_end, client_id, bucket, open_amount)`,
        // 100.00 paid in full each month: the export holds collections (without any, the DSO is
        // empty for that reason, see below).
        int_client_month_activity: `select * from (values ('X', date '2024-01-31', 1000.00), ('X', date '2024-03-31', 500.00)) as t(client_id, month_end, sales_amount),
          lateral (select 0.00 as writeoff_amount, 100.00 as settled_amount, 1 as settled_count, 0 as settled_days_to_pay_weighted, 0 as settled_days_late_weighted)`,
      },
      { dso_window_months: 3 },
    );
    const company = rows.filter((r) => r.scope === 'company').map((r) => [r.month_end, r.dso_countback, r.is_dso_countback_capped]);
    // Jan: 1,200 > 1,000, the whole history's sales. Feb: 1,100 > 1,000 + 0. Mar: 2,000 − 500 −
    // 0 − 1,000 = 500 left and no earlier month. Each would have read as 31, 60 and 91 days.
    expect(company).toEqual([
      ['2024-01-31', null, true],
      ['2024-02-29', null, true],
      ['2024-03-31', null, true],
    ]);
    // Standard DSO at Mar: 2,000 / 1,500 × 91 = 121.33; the countback is not extrapolated beyond the history.
    expect(Number(rows.find((r) => r.scope === 'company' && r.month_end === '2024-03-31')!.dso_standard)).toBeCloseTo(121.333333, 5);
  });
});

describe('kpi_monthly when no invoice of the history was ever paid (an A/R aging report read as an invoice list)', () => {
  // QuickBooks' open invoices as documents, no payments: sales Jan 1,705.03, Feb 6,712.15
  // (486.55 + 6,345.60 − 120.00), Mar 0.99; receivables at each month end the sum so far:
  // 1,705.03, 8,417.18, 8,418.17; 0.99 not yet due at March.
  it('leaves the DSO, ADD and CEI empty: every sale still open would give the history’s own days', async () => {
    const rows = await runModel<Row>(
      ['int_kpi_scope_months', 'int_kpi_countback', 'kpi_monthly'],
      {
        int_all_clients: `select 'X' as client_id, null::varchar as segment, null::varchar as sector, null::varchar as country, null::varchar as sales_rep`,
        int_month_ends: `select unnest([date '2024-01-31', date '2024-02-29', date '2024-03-31']) as month_end`,
        int_invoice_month_ends: `select * from (values (date '2024-01-31', 'X', '1-30', 1705.03), (date '2024-02-29', 'X', '1-30', 8417.18), (date '2024-03-31', 'X', '1-30', 8417.18), (date '2024-03-31', 'X', 'not_due', 0.99)) as t(month_end, client_id, bucket, open_amount)`,
        int_client_month_activity: `select * from (values ('X', date '2024-01-31', 1705.03), ('X', date '2024-02-29', 6712.15), ('X', date '2024-03-31', 0.99)) as t(client_id, month_end, sales_amount),
          lateral (select 0.00 as writeoff_amount, 0.00 as settled_amount, 0 as settled_count, 0 as settled_days_to_pay_weighted, 0 as settled_days_late_weighted)`,
      },
      { dso_window_months: 3 },
    );
    const march = rows.find((r) => r.scope === 'company' && r.month_end === '2024-03-31')!;
    // Without the rule: countback 31 + 29 + 31 = 91 (8,418.17 = every sale, consumed exactly),
    // standard 8,418.17 / 8,418.17 × 91 = 91, ADD 91 − 0.99 / 8,418.17 × 91 ≈ 90.99, CEI
    // (8,417.18 + 0.99 − 8,418.17) / (… − 0.99) = 0.
    expect([march.dso_countback, march.dso_standard, march.add_days, march.cei]).toEqual([null, null, null, null]);
    // What the ledger does show stays: 8,417.18 overdue of 8,418.17.
    expect(Number(march.receivables)).toBe(8418.17);
    expect(Number(march.overdue)).toBe(8417.18);
  });
});
