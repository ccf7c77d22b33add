// Dunning stages, alerts and late-payment penalties on hand-made ledgers
// (test/fixtures/dunning, test/fixtures/penalties). Every figure is worked out by hand below.
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, type Warehouse } from '../helpers.ts';

describe('dunning at as-of 2024-06-15', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await buildWarehouse(join(fixturesDir, 'dunning'), { asOf: '2024-06-15' });
  });

  it('gives each invoice the last stage of the schedule it has reached', async () => {
    // SAFE's worst invoice (S7) is 60 days past due → grade C, no shift. Days from due at 2024-06-15:
    // S1 −5 (preventive from −5), S2 +6 (still preventive), S3 +7 (reminder 1), S4 +15 (reminder 2),
    // S5 +29 (reminder 2), S6 +30 (formal notice), S8 +59 (formal notice), S7 +60 (litigation);
    // S9 is disputed (paused); S10 is due in 15 days: nothing to do yet.
    const rows = await wh.query(`select invoice_id, stage from dunning where client_id = 'SAFE' order by invoice_id`);
    expect(Object.fromEntries(rows.map((r) => [r.invoice_id, r.stage]))).toEqual({
      S1: 'preventive_reminder',
      S2: 'preventive_reminder',
      S3: 'reminder_1',
      S4: 'reminder_2',
      S5: 'reminder_2',
      S6: 'formal_notice',
      S7: 'litigation',
      S8: 'formal_notice',
      S9: 'paused_dispute',
    });
  });

  it('moves a high-risk client’s overdue stages 10 days earlier', async () => {
    // RISKY is in insolvency proceedings → grade E → stages at +7−10 → 1, 15−10 = 5, 30−10 = 20, 60−10 = 50.
    // R1 at +10: reminder 2 (not reminder 1); R2 at +20: formal notice (not reminder 2).
    const rows = await wh.query(`select invoice_id, stage, reason from dunning where client_id = 'RISKY' order by invoice_id`);
    expect(rows).toEqual([
      { invoice_id: 'R1', stage: 'reminder_2', reason: '10 days past due: reminder_2 from day 5 (day 15, 10 days earlier for grade E)' },
      { invoice_id: 'R2', stage: 'formal_notice', reason: '20 days past due: formal_notice from day 20 (day 30, 10 days earlier for grade E)' },
    ]);
  });

  it('orders the worklist by expected loss = open amount × probability of default', async () => {
    // R1 2,000 × 50 % = 1,000; R2 500 × 50 % = 250; each SAFE invoice 1,000 × 8 % = 80 (ties by id).
    const rows = await wh.query(`select priority, invoice_id, expected_loss_amount from dunning order by priority`);
    expect(rows.map((r) => r.invoice_id)).toEqual(['R1', 'R2', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9']);
    expect(rows.slice(0, 3).map((r) => r.expected_loss_amount)).toEqual([1000, 250, 80]);
    expect(rows.map((r) => r.priority)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('raises over-limit and grade-drop alerts with the date they first appeared', async () => {
    // RISKY owes 2,500 against a 1,000 limit since the 2024-05-31 month end (its first month end
    // with invoices). Its grade went from B (R2 5 days late at 2024-05-31) to E (insolvency) at as-of.
    const rows = await wh.query(`select alert, client_id, first_seen_date from alerts order by alert`);
    expect(rows).toEqual([
      { alert: 'grade_drop', client_id: 'RISKY', first_seen_date: '2024-06-15' },
      { alert: 'over_limit', client_id: 'RISKY', first_seen_date: '2024-05-31' },
    ]);
  });
});

describe('late-payment penalties', () => {
  const penalties = async (asOf: string) => {
    const wh = await buildWarehouse(join(fixturesDir, 'penalties'), { asOf });
    return Object.fromEntries((await wh.query(`select * from penalties`)).map((r) => [r.invoice_id, r]));
  };

  it('prices each day late at the rate of its half-year, on the amount still unpaid, to the cent', async () => {
    const rows = await penalties('2026-01-30');
    // TWO_HALVES: 10,000 due 2023-06-15, paid 2023-07-15 → 30 days late: 15 in H1 2023 at
    // 2.50 + 10 = 12.5 %, 15 in H2 2023 at 4.00 + 10 = 14 %.
    // 10,000 × (0.125 × 15 + 0.14 × 15) / 365 = 39,750 / 365 = 108.904… → 108.90, + 40 € = 148.90.
    expect(rows.TWO_HALVES).toMatchObject({ days_late: 30, interest_amount: 108.9, indemnity_amount: 40, penalty_amount: 148.9, days_without_rate: 0 });
    // PARTIAL: 1,000 due 2024-06-20; 400 paid 2024-07-10, 600 on 2024-08-09.
    // 1,000 × 14.5 % × 10 days (21–30 June, H1 2024: 4.50 + 10) + 1,000 × 14.25 % × 10 days (1–10 July,
    // H2 2024: 4.25 + 10) + 600 × 14.25 % × 30 days (11 July – 9 August) = (1,450 + 1,425 + 2,565) / 365
    // = 14.904… → 14.90, + 40 € = 54.90; 50 days late.
    expect(rows.PARTIAL).toMatchObject({ days_late: 50, interest_amount: 14.9, penalty_amount: 54.9 });
    // OPEN: 7,300 due 2025-12-31, unpaid at 2026-01-30 → 30 days at 2.15 + 10 = 12.15 %:
    // 7,300 × 0.1215 × 30 / 365 = 72.90, + 40 € = 112.90.
    expect(rows.OPEN).toMatchObject({ days_late: 30, interest_amount: 72.9, penalty_amount: 112.9, is_still_open: true });
    // ON_TIME was paid on its due date: nothing to claim.
    expect(rows.ON_TIME).toBeUndefined();
  });

  it('leaves days beyond the rate table unpriced and says how many', async () => {
    // At 2026-08-30 OPEN is 242 days late; the table ends with the half-year from 2026-01-01, so
    // 181 days (January–June) are priced: 7,300 × 0.1215 × 181 / 365 = 439.83; 61 days are not.
    const rows = await penalties('2026-08-30');
    expect(rows.OPEN).toMatchObject({ days_late: 242, interest_amount: 439.83, days_without_rate: 61 });
  });
});
