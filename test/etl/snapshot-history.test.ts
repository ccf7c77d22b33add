// An open-balance snapshot (Xero's Aged Receivables Detail as at 31 March 2025) holds what is open
// at its date, not what was open at earlier month ends and paid since: read as history, it would
// show a December balance of only what was still unpaid in March, sales of only the unpaid
// invoices, and a DSO that is the days of that made-up history. The history of a snapshot book
// starts at its first snapshot; the DSO it cannot count is empty and flagged.
import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, detectInto, exportsOf } from '../helpers.ts';

type Warehouse = Awaited<ReturnType<typeof buildWarehouse>>;

describe('an open-balance snapshot read on its first night', () => {
  let wh: Warehouse;

  beforeAll(async () => {
    const dir = exportsOf('xero-aged-receivables');
    // The mapping `npm run detect` proposes, untouched (export-shapes-detect.test.ts).
    await detectInto(dir);
    wh = await buildWarehouse(dir);
  });

  it('has one month end, the snapshot’s, not the months of the invoices still open', async () => {
    // TRUTH.md: the snapshot is as at 31 March 2025; its oldest open invoice was issued in
    // December 2024, which made month ends of December, January and February out of it.
    expect(await wh.query(`select distinct month_end from ageing_monthly order by 1`)).toEqual([{ month_end: '2025-03-31' }]);
    expect(await wh.query(`select month_end from kpi_monthly where scope = 'company'`)).toEqual([{ month_end: '2025-03-31' }]);
  });

  it('says the exports date no settlement (no payments file, one snapshot: nothing gone from one to the next)', async () => {
    expect(await wh.query(`select has_settlements from run_summary`)).toEqual([{ has_settlements: false }]);
    expect(wh.manifest.headline.has_settlements).toBe(false);
  });

  it('leaves the DSO, ADD and CEI empty rather than the days of a history it does not have', async () => {
    // 11,246.95 open (the report's Total) against 636.55 of March sales (INV-0031 886.55 − CN-0003
    // 250.00, the only documents issued in March): the countback runs out
    // after March's 31 days, which it would have shown as the DSO; no month end before for the
    // CEI's opening balance, nor three months for the standard DSO and ADD.
    expect(await wh.query(`select receivables, sales, dso_countback, is_dso_countback_capped, dso_standard, add_days, cei, dso_countback_change from kpi_monthly where scope = 'company'`)).toEqual([
      { receivables: 11246.95, sales: 636.55, dso_countback: null, is_dso_countback_capped: true, dso_standard: null, add_days: null, cei: null, dso_countback_change: null },
    ]);
  });
});
