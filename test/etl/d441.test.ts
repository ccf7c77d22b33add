// The D441-6 table of late invoices (payment_delays_d441) on a hand-made ledger
// (test/fixtures/d441), as of 2025-03-31, fiscal years closing on 31 December. Amounts incl. tax.
//
// History starts with P0 (A, issued 2023-12-15, due 2024-01-14, 1 200, paid 2024-01-10): the year
// closing 2023-12-31 is not covered in full (no share of its sales). Fiscal year 2024:
//   I1  A 1 000 due 03-31, paid 03-25            paid before the closing, on time (−6 days)
//   I2  A 2 400 due 10-31, paid 2025-01-20       open at the closing: 2024-12-31 − 10-31 = 61 days → 61–90
//   I3  A   600 due 12-31, paid 12-31            paid on the closing day, on its due date (0 days)
//   I6  A   800 due 10-01, flagged disputed      open at the closing, in dispute → section B
//   I4  B 3 000 no due date: B's terms "60 jours date de facture" → due 09-30; 1 000 paid 10-15:
//                                                open 2 000 at the closing, 92 days → 91+
//   I5  C   500 no due date, C has no terms: default 30 days → due 12-20; open, 11 days → 1–30
//   I7  C   450 due 11-09, log dispute LIT-2 opened 11-05, closed 2025-02-10, paid 2025-02-15:
//                                                open and in dispute at the closing → section B
//   I9  C   700 due 05-01, log dispute LIT-1 05-10 → 06-01, paid 06-05 (35 days late, disputed)
//   I8  D 1 500 due 06-09, credit note AV1 −300 (06-01), 1 200 paid 07-09: paid 30 days late
//   I10 D   900 due 2025-01-19, paid 2025-01-15  open and not yet due at the closing
// Turnover 2024 = invoices issued in 2024 (1 000 + 2 400 + 600 + 800 + 3 000 + 500 + 450 + 700
// + 1 500 + 900 = 11 850, 10 invoices) − credit note 300 = 11 550.
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { ConfigError, parseConfig } from '../../etl/config.ts';
import { fixturesDir, sharedWarehouse, type Warehouse } from '../helpers.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await sharedWarehouse(join(fixturesDir, 'd441'), { asOf: '2025-03-31' });
});

const rows = (form: string, fiscalYearEnd: string) =>
  wh.query(`select bucket, invoice_count, amount, round(share_of_sales, 6) as share, round(share_of_invoice_count, 6) as count_share, contract_terms_invoice_count as on_contract
            from payment_delays_d441 where form = '${form}' and fiscal_year_end = '${fiscalYearEnd}' order by bucket_order`);

describe('payment_delays_d441, at the closing date (D441-6 I)', () => {
  it('bands the invoices unpaid at the closing by days past due, as a share of the year\'s turnover, disputed ones apart', async () => {
    // Shares of 11 550: 900 → 0.077922; 500 → 0.043290; 2 400 → 0.207792; 2 000 → 0.173160;
    // total 500 + 2 400 + 2 000 = 4 900 → 0.424242; excluded I6 800 + I7 450 = 1 250 → 0.108225.
    // On contractual terms: I2 (export) and I4 (client's terms), not I5 (default terms); I6, I7 export.
    expect(await rows('closing', '2024-12-31')).toEqual([
      { bucket: 'not_late', invoice_count: 1, amount: 900, share: 0.077922, count_share: null, on_contract: 1 },
      { bucket: 'late_1_30', invoice_count: 1, amount: 500, share: 0.04329, count_share: null, on_contract: 0 },
      { bucket: 'late_31_60', invoice_count: 0, amount: 0, share: 0, count_share: null, on_contract: 0 },
      { bucket: 'late_61_90', invoice_count: 1, amount: 2400, share: 0.207792, count_share: null, on_contract: 1 },
      { bucket: 'late_91_plus', invoice_count: 1, amount: 2000, share: 0.17316, count_share: null, on_contract: 1 },
      { bucket: 'total', invoice_count: 3, amount: 4900, share: 0.424242, count_share: null, on_contract: 2 },
      { bucket: 'excluded', invoice_count: 2, amount: 1250, share: 0.108225, count_share: null, on_contract: 2 },
    ]);
  });

  it('states the tax basis and the year\'s turnover, invoices less credit notes', async () => {
    const [row] = await wh.query(`select amounts_include_tax, year_sales_amount, year_invoice_count, is_whole_year, default_terms_days from payment_delays_d441 where form = 'closing' and fiscal_year_end = '2024-12-31' and bucket = 'total'`);
    expect(row).toEqual({ amounts_include_tax: true, year_sales_amount: 11550, year_invoice_count: 10, is_whole_year: true, default_terms_days: 30 });
  });

  it('gives no share of sales for a year the history does not cover in full', async () => {
    // 2023: the history starts on 2023-12-15; P0 (1 200) is open and not yet due on 2023-12-31.
    const year2023 = await rows('closing', '2023-12-31');
    expect(year2023[0]).toEqual({ bucket: 'not_late', invoice_count: 1, amount: 1200, share: null, count_share: null, on_contract: 1 });
    expect(year2023.every((r) => r.share === null)).toBe(true);
  });

  it('leaves out the fiscal year under way, named in the company table', async () => {
    const years = await wh.query(`select distinct fiscal_year_end from payment_delays_d441 order by 1`);
    expect(years.map((r) => r.fiscal_year_end)).toEqual(['2023-12-31', '2024-12-31']);
    expect(await wh.query(`select current_fiscal_year_end from company`)).toEqual([{ current_fiscal_year_end: '2025-12-31' }]);
  });
});

describe('payment_delays_d441, invoices paid late in the year (D441-6 II)', () => {
  it('bands the invoices paid during the year by days late, against all invoices issued in it', async () => {
    // Paid in full in 2024: P0 (−4 days), I1 (−6), I3 (0) on time: 1 200 + 1 000 + 600 = 2 800,
    // 3 of 10 invoices; I8 30 days late: 1 500 (its amount), 1 of 10; I9 35 days late but disputed
    // while late → excluded, 700. Shares of the 11 850 invoiced in 2024: 2 800 → 0.236287,
    // 1 500 → 0.126582, 700 → 0.059072.
    expect(await rows('year', '2024-12-31')).toEqual([
      { bucket: 'not_late', invoice_count: 3, amount: 2800, share: 0.236287, count_share: 0.3, on_contract: 3 },
      { bucket: 'late_1_30', invoice_count: 1, amount: 1500, share: 0.126582, count_share: 0.1, on_contract: 1 },
      { bucket: 'late_31_60', invoice_count: 0, amount: 0, share: 0, count_share: 0, on_contract: 0 },
      { bucket: 'late_61_90', invoice_count: 0, amount: 0, share: 0, count_share: 0, on_contract: 0 },
      { bucket: 'late_91_plus', invoice_count: 0, amount: 0, share: 0, count_share: 0, on_contract: 0 },
      { bucket: 'total', invoice_count: 1, amount: 1500, share: 0.126582, count_share: 0.1, on_contract: 1 },
      { bucket: 'excluded', invoice_count: 1, amount: 700, share: 0.059072, count_share: 0.1, on_contract: 1 },
    ]);
  });
});

describe('fiscalYearEnd', () => {
  it('is 31 December by default and refuses a day not every year has', () => {
    expect(parseConfig({}).fiscalYearEnd).toBe('12-31');
    expect(parseConfig({ fiscalYearEnd: '06-30' }).fiscalYearEnd).toBe('06-30');
    expect(() => parseConfig({ fiscalYearEnd: '02-29' })).toThrow(ConfigError);
    expect(() => parseConfig({ fiscalYearEnd: '31/12' })).toThrow(/fiscalYearEnd/);
  });

  it('moves the closing dates: a year closing on 30 June', async () => {
    // Closings on or before 2025-03-31: 2024-06-30 only. Then I8 is open for 1 500 − 300 = 1 200,
    // 2024-06-30 − 06-09 = 21 days → 1–30; the year from 2023-07-01 starts before the history: no share.
    const june = await sharedWarehouse(join(fixturesDir, 'd441'), { asOf: '2025-03-31', configPath: join(fixturesDir, 'd441-june.config.json') });
    const total = await june.query(`select fiscal_year_end, bucket, invoice_count, amount, share_of_sales from payment_delays_d441 where form = 'closing' and invoice_count > 0 order by bucket_order`);
    expect(total).toEqual([
      { fiscal_year_end: '2024-06-30', bucket: 'late_1_30', invoice_count: 1, amount: 1200, share_of_sales: null },
      { fiscal_year_end: '2024-06-30', bucket: 'total', invoice_count: 1, amount: 1200, share_of_sales: null },
    ]);
    expect(await june.query(`select current_fiscal_year_end from company`)).toEqual([{ current_fiscal_year_end: '2025-06-30' }]);
  });
});
