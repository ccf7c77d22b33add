// A client under a collective procedure, end to end (test/fixtures/procedure, as of 2024-05-31):
// interest stops at the judgment, what was owed is to declare, the invoices leave the cash forecast,
// and a claim declared in the log closes the action. Every figure is worked out by hand below.
//   PROC: redressement judiciaire, judgment of 2024-03-11. J1 3,650 due 2024-01-31, J2 730 due
//         2024-03-02, J3 1,000 due 2024-03-31 (after the judgment), all open. Log: claim declared on
//         J1 on 2024-04-20 (3,748, Me Durand); a second line on J2 with no amount (rejected).
//   LIVE: no procedure. L0 500 paid on its due date; L1 3,650 due 2024-05-01 open; L2 1,000 due 2024-06-14.
// ECB rate H1 2024: 4.50 % → 14.5 % with the 10 points.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, sharedWarehouse, type Warehouse } from '../helpers.ts';

const fixture = join(fixturesDir, 'procedure');

describe('a client under a collective procedure', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await sharedWarehouse(fixture, { asOf: '2024-05-31' });
  });

  it('accrues interest up to the judgment date and nothing after it; what it owes is to declare, not claimable', async () => {
    // J1: 1 Feb – 11 Mar 2024 = 29 + 11 = 40 days: 3,650 × 14.5 % × 40 / 365 = 58.00, + 40 € = 98.00
    // (to the as-of date it would have been 121 days, 175.45).
    // J2: 3 – 11 Mar = 9 days: 730 × 14.5 % × 9 / 365 = 2.61, + 40 € = 42.61.
    // J3 fell due after the judgment: nothing was late when interest stopped, no row.
    // L1 (no procedure): 2 – 31 May = 30 days: 3,650 × 14.5 % × 30 / 365 = 43.50, + 40 € = 83.50, claimable.
    expect(await wh.query(`select invoice_id, days_late, interest_amount, penalty_amount, is_still_open, is_to_declare from penalties order by invoice_id`)).toEqual([
      { invoice_id: 'J1', days_late: 40, interest_amount: 58, penalty_amount: 98, is_still_open: true, is_to_declare: true },
      { invoice_id: 'J2', days_late: 9, interest_amount: 2.61, penalty_amount: 42.61, is_still_open: true, is_to_declare: true },
      { invoice_id: 'L1', days_late: 30, interest_amount: 43.5, penalty_amount: 83.5, is_still_open: true, is_to_declare: false },
    ]);
  });

  it('leaves the cash forecast and gets no expected payment date', async () => {
    // Only LIVE's open invoices are expected: L1 3,650 (overdue: the day after the as-of date) + L2 1,000.
    expect(await wh.query(`select sum(expected_amount)::double as expected from forecast`)).toEqual([{ expected: 4650 }]);
    expect(await wh.query(`select invoice_id, expected_payment_date is not null as has_date from invoices where open_amount > 0 order by invoice_id`)).toEqual([
      { invoice_id: 'J1', has_date: false },
      { invoice_id: 'J2', has_date: false },
      { invoice_id: 'J3', has_date: false },
      { invoice_id: 'L1', has_date: true },
      { invoice_id: 'L2', has_date: true },
    ]);
  });

  it('takes the invoices of a declared claim off the actions; the others still say to declare, by judgment + 2 months', async () => {
    // The claim_declared line names J1: J1 leaves dunning. J2's line has no amount (rejected, a
    // quality error), so J2 and J3 still await their declaration, due 2024-03-11 + 2 months = 2024-05-11: passed;
    // relief from the foreclosure can still be asked until 2024-03-11 + 6 months = 2024-09-11 (L622-26),
    // after the as-of date: still 'declare_claim', not foreclosed.
    expect(await wh.query(`select invoice_id, stage, claim_deadline_date, is_claim_deadline_passed, relief_deadline_date from dunning where client_id = 'PROC' order by invoice_id`)).toEqual([
      { invoice_id: 'J2', stage: 'declare_claim', claim_deadline_date: '2024-05-11', is_claim_deadline_passed: true, relief_deadline_date: '2024-09-11' },
      { invoice_id: 'J3', stage: 'declare_claim', claim_deadline_date: '2024-05-11', is_claim_deadline_passed: true, relief_deadline_date: '2024-09-11' },
    ]);
    expect(await wh.query(`select kind, action_date, claim_amount, note from collection_actions where client_id = 'PROC'`)).toEqual([
      { kind: 'claim_declared', action_date: '2024-04-20', claim_amount: 3748, note: 'Me Durand, mandataire judiciaire' },
    ]);
    expect(await wh.query(`select line, severity, reason from quality where source_file = 'actions.csv'`)).toEqual([
      { line: 3, severity: 'error', reason: "claim amount '' is not a number: a declared claim states its amount" },
    ]);
  });

  it('gives a creditor outside metropolitan France four months to declare (collections.claimDeadlineMonths)', async () => {
    // 2024-03-11 + 4 months = 2024-07-11, after the as-of date: not passed.
    const config = join(mkdtempSync(join(tmpdir(), 'encours-claim-months-')), 'encours.config.json');
    writeFileSync(config, JSON.stringify({ collections: { claimDeadlineMonths: 4 } }));
    const overseas = await buildWarehouse(fixture, { asOf: '2024-05-31', configPath: config });
    expect(await overseas.query(`select distinct claim_deadline_date, is_claim_deadline_passed from dunning where client_id = 'PROC'`)).toEqual([
      { claim_deadline_date: '2024-07-11', is_claim_deadline_passed: false },
    ]);
  });
});
