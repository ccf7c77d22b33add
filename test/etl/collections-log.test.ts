// The collections log (test/fixtures/collections-log): promises, disputes and "do not chase until"
// pause dunning; a broken promise raises an alert and resumes it the next day; the worklist,
// statements and letters. Every figure is worked out by hand below.
//   PROM: P1 1,000 due 2024-05-01, P2 500 due 2024-05-15; paid 400 on P1 on 2024-06-05.
//         Promise on 2024-06-01: 1,000 on P1 by 2024-06-10 (only 400 came: broken).
//   DISP: D1 2,000 and D2 300, both due 2024-05-01. Dispute L1 on D1 opened 2024-05-28 (quality),
//         closed 2024-06-20; D2 "ne pas relancer" until 2024-06-12.
//   CALM: K1 800 due 2024-04-01, promised on 2024-05-10 by 2024-05-25, paid 2024-05-20: kept.
// Grades: every client's worst open item is 31–60 days late in June → grade C, no shift.
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, sharedWarehouse, type Warehouse } from '../helpers.ts';

const fixture = join(fixturesDir, 'collections-log');
const stages = async (wh: Warehouse) =>
  Object.fromEntries((await wh.query<{ invoice_id: string; stage: string }>(`select invoice_id, stage from dunning order by invoice_id`)).map((r) => [r.invoice_id, r.stage]));

describe('a promise to pay', () => {
  let onDate: Warehouse;
  let dayAfter: Warehouse;
  beforeAll(async () => {
    [onDate, dayAfter] = await Promise.all([buildWarehouse(fixture, { asOf: '2024-06-10' }), sharedWarehouse(fixture, { asOf: '2024-06-11' })]);
  });

  it('pauses the invoices it names until its date', async () => {
    // P1 is 40 days past due (formal notice from day 30) but promised by 2024-06-10; P2 (26 days,
    // reminder 2) is not named, so it is chased.
    const rows = await onDate.query(`select invoice_id, stage, paused_until_date from dunning where client_id = 'PROM' order by invoice_id`);
    expect(rows).toEqual([
      { invoice_id: 'P1', stage: 'paused_promise', paused_until_date: '2024-06-10' },
      { invoice_id: 'P2', stage: 'reminder_2', paused_until_date: null },
    ]);
    expect(await onDate.query(`select status, received_amount from promises where client_id = 'PROM'`)).toEqual([{ status: 'pending', received_amount: 400 }]);
  });

  it('not kept by its date, raises promise_broken and resumes dunning the next day', async () => {
    // Received between 2024-06-01 and 2024-06-10: the 400 of 2024-06-05 < 1,000 → broken;
    // alert first seen 2024-06-11 for the 600 not received; P1 back at formal notice (41 days).
    expect(await dayAfter.query(`select status from promises where client_id = 'PROM'`)).toEqual([{ status: 'broken' }]);
    expect(await dayAfter.query(`select client_id, first_seen_date, amount from alerts where alert = 'promise_broken'`)).toEqual([
      { client_id: 'PROM', first_seen_date: '2024-06-11', amount: 600 },
    ]);
    expect((await stages(dayAfter)).P1).toBe('formal_notice');
    expect(await onDate.query(`select * from alerts where alert = 'promise_broken'`)).toEqual([]);
  });

  it('kept when the payments allocated to its invoices by its date reach the amount', async () => {
    expect(await dayAfter.query(`select client_id, status, received_amount from promises where client_id = 'CALM'`)).toEqual([
      { client_id: 'CALM', status: 'kept', received_amount: 800 },
    ]);
  });
});

describe('a dispute and do-not-chase', () => {
  let whs: Record<string, Warehouse>;
  beforeAll(async () => {
    const dates = ['2024-06-12', '2024-06-13', '2024-06-20'];
    const built = await Promise.all(dates.map((asOf) => buildWarehouse(fixture, { asOf })));
    whs = Object.fromEntries(dates.map((d, i) => [d, built[i]!]));
  });

  it('an open dispute pauses its invoice until it is closed', async () => {
    // Closed on 2024-06-20 (its second line): paused on 06-13, at formal notice (50 days) on 06-20.
    expect((await stages(whs['2024-06-13']!)).D1).toBe('paused_dispute');
    expect((await stages(whs['2024-06-20']!)).D1).toBe('formal_notice');
  });

  it('"ne pas relancer" pauses through its date and the schedule resumes the day after', async () => {
    expect((await stages(whs['2024-06-12']!)).D2).toBe('paused_do_not_chase');
    expect((await stages(whs['2024-06-13']!)).D2).toBe('formal_notice');
  });

  it('ages disputes and totals them by reason', async () => {
    // At 06-13: L1 open for 06-13 − 05-28 = 16 days, on D1's 2,000. At 06-20: closed after 23 days.
    expect(await whs['2024-06-13']!.query(`select dispute_id, reason, owner, status, days_open, age_band, disputed_amount from disputes`)).toEqual([
      { dispute_id: 'L1', reason: 'quality', owner: 'Bruno', status: 'open', days_open: 16, age_band: '0-30', disputed_amount: 2000 },
    ]);
    expect(await whs['2024-06-13']!.query(`select reason, open_count, open_amount, open_0_30_amount from disputes_by_reason`)).toEqual([
      { reason: 'quality', open_count: 1, open_amount: 2000, open_0_30_amount: 2000 },
    ]);
    expect(await whs['2024-06-20']!.query(`select status, closed_date, days_open from disputes`)).toEqual([{ status: 'closed', closed_date: '2024-06-20', days_open: 23 }]);
  });

  it('counts the dispute as resolved in June for its client’s rep once closed', async () => {
    const resolved = (wh: Warehouse) => wh.query(`select disputes_resolved from collector_performance where sales_rep = 'Bruno Petit' and month = '2024-06-01'`);
    expect(await resolved(whs['2024-06-13']!)).toEqual([{ disputes_resolved: 0 }]);
    expect(await resolved(whs['2024-06-20']!)).toEqual([{ disputes_resolved: 1 }]);
  });
});

describe('the worklist, statements and letters at 2024-06-11', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await sharedWarehouse(fixture, { asOf: '2024-06-11' });
  });

  it('has one row per client needing action, with its most advanced stage, amounts, last and next action', async () => {
    // DISP's two invoices are paused (dispute, do-not-chase until 06-12): not in the worklist.
    // PROM: P1 600 open (formal notice, started 05-01 + 30 = 05-31) and P2 500 (reminder 2).
    // Last action: the promise of 06-01 (after 05-31) → next = max(06-11, 06-01 + 7) = 06-11, the
    // as-of date: due now (is_next_action_due).
    // Expected loss = 1,100 × the probability of default of PROM's one grade (client_risk: its
    // credit score at 31 May, the PD smoothed over its two month ends on this tiny ledger ≈ 6.05 %,
    // grade B) ≈ 66.55: the worklist takes the PD client_risk gives, whatever the scorecard says.
    const [risk] = await wh.query<{ grade: string; pd_12m: number; grade_source: string }>(`select grade, pd_12m, grade_source from client_risk where client_id = 'PROM'`);
    expect(risk).toMatchObject({ grade: 'B', grade_source: 'score' });
    expect(await wh.query(`select priority, client_id, stage, invoice_count, due_amount, overdue_amount, expected_loss_amount, last_action_date,
                                  last_action_kind, next_action_date, is_next_action_due, promise_status, contact_name, sales_rep from worklist`)).toEqual([
      {
        priority: 1, client_id: 'PROM', stage: 'formal_notice', invoice_count: 2, due_amount: 1100, overdue_amount: 1100, expected_loss_amount: Math.round(1100 * risk!.pd_12m * 100) / 100,
        last_action_date: '2024-06-01', last_action_kind: 'promise', next_action_date: '2024-06-11', is_next_action_due: true, promise_status: 'broken', contact_name: 'Marie Dupont',
        sales_rep: 'Alice Martin',
      },
    ]);
  });

  it('totals a statement to the client’s open amount in invoices', async () => {
    const [statement] = await wh.query(`select total_open_amount, balance_amount, item_count from statements where client_id = 'PROM'`);
    const [ledger] = await wh.query(`select sum(open_amount) as open_amount, count(*) filter (where open_amount <> 0) as items from invoices where client_id = 'PROM'`);
    expect(statement).toEqual({ total_open_amount: 1100, balance_amount: 1100, item_count: 2 });
    expect(ledger).toEqual({ open_amount: 1100, items: 2 });
  });

  it('makes a formal notice that claims the penalties of its invoices', async () => {
    const [letter] = await wh.query(`select letter, invoice_count, open_amount, interest_amount, indemnity_amount from letters`);
    const [penalties] = await wh.query(`select sum(interest_amount) as interest, sum(indemnity_amount) as indemnity from penalties where invoice_id in ('P1', 'P2')`);
    expect(letter).toMatchObject({ letter: 'formal_notice', invoice_count: 2, open_amount: 1100, indemnity_amount: 80 });
    expect(letter!.interest_amount).toBe(penalties!.interest);
    expect(penalties!.indemnity).toBe(80);
  });

  it('measures each rep’s month: clients chased, collected after an action, promises kept and broken', async () => {
    // Alice, May: PROM called on 05-20 (its overdue at 04-30: none, P1 falls due 05-01); its 400
    // paid within 30 days (06-05) went to P1, not chased (not yet due on 04-30): collected 0;
    // CALM's promise of 05-10 kept; K1 settled 49 days late (04-01 → 05-20).
    // Alice, June: PROM's promise of 06-01, broken. Bruno: log lines in June, nothing settled.
    expect(await wh.query(`select sales_rep, month, clients_chased, chased_amount, collected_after_action_amount, promises_made, promises_kept,
                                  promises_broken, disputes_resolved, days_beyond_terms from collector_performance`)).toEqual([
      { sales_rep: 'Alice Martin', month: '2024-05-01', clients_chased: 1, chased_amount: 0, collected_after_action_amount: 0, promises_made: 1, promises_kept: 1, promises_broken: 0, disputes_resolved: 0, days_beyond_terms: 49 },
      { sales_rep: 'Alice Martin', month: '2024-06-01', clients_chased: 0, chased_amount: 0, collected_after_action_amount: 0, promises_made: 1, promises_kept: 0, promises_broken: 1, disputes_resolved: 0, days_beyond_terms: null },
      { sales_rep: 'Bruno Petit', month: '2024-06-01', clients_chased: 0, chased_amount: 0, collected_after_action_amount: 0, promises_made: 0, promises_kept: 0, promises_broken: 0, disputes_resolved: 0, days_beyond_terms: null },
    ]);
  });

  it('lists bad log and contact lines in quality, and reads French kinds', async () => {
    const rows = await wh.query(`select source_file, line, severity, reason from quality where input in ('actions', 'contacts') order by source_file, line`);
    expect(rows).toEqual([
      { source_file: 'actions.csv', line: 5, severity: 'info', reason: 'dated after the as-of date 2024-06-11; left out of this run' },
      { source_file: 'actions.csv', line: 8, severity: 'error', reason: "kind 'fax' is not one of call, email, letter, promise, dispute, do_not_chase, claim_declared, note (or appel, courriel, courrier, promesse, litige, ne pas relancer, déclaration de créance)" },
      { source_file: 'actions.csv', line: 9, severity: 'error', reason: "promise date '' does not match the date format %Y-%m-%d" },
      { source_file: 'contacts.csv', line: 4, severity: 'warning', reason: "e-mail 'pas-une-adresse' is not an address; dropped" },
      { source_file: 'contacts.csv', line: 5, severity: 'error', reason: 'missing client id' },
    ]);
    expect(await wh.query(`select kind, count(*)::integer as n from collection_actions group by kind order by kind`)).toEqual([
      { kind: 'call', n: 1 }, { kind: 'dispute', n: 1 }, { kind: 'do_not_chase', n: 1 }, { kind: 'promise', n: 2 },
    ]);
  });
});
