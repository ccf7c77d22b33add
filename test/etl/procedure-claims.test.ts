// A client under a collective procedure, end to end (test/fixtures/procedure, as of 2024-05-31):
// interest on the claims born before the judgment stops at it and they are to declare, a claim born
// after it (L622-17) is chased and bears interest like any other, the invoices leave the cash
// forecast, and a claim declared in the log closes the action. Every figure is worked out by hand below.
//   PROC: redressement judiciaire, judgment of 2024-03-11. J1 3,650 due 2024-01-31, J2 730 due
//         2024-03-02, J3 1,000 due 2024-03-31 (after the judgment), all open. Log: claim declared on
//         J1 on 2024-04-20 (3,748, Me Durand); a second line on J2 with no amount (rejected).
//         J4 1,825 issued 2024-03-20, due 2024-04-19, open: issued after the judgment, a claim born after
//         it (L622-17), payable when due and chased like any invoice, never declared nor foreclosed.
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
    // J4, issued 2024-03-20, after the judgment: a claim born after it (L622-17), its interest is not
    // stopped: 20 Apr – 31 May = 11 + 31 = 42 days: 1,825 × 14.5 % × 42 / 365 = 264.625 × 42 / 365 =
    // 30.45, + 40 € = 70.45, claimable (not to declare).
    // L1 (no procedure): 2 – 31 May = 30 days: 3,650 × 14.5 % × 30 / 365 = 43.50, + 40 € = 83.50, claimable.
    expect(await wh.query(`select invoice_id, days_late, interest_amount, penalty_amount, is_still_open, is_to_declare from penalties order by invoice_id`)).toEqual([
      { invoice_id: 'J1', days_late: 40, interest_amount: 58, penalty_amount: 98, is_still_open: true, is_to_declare: true },
      { invoice_id: 'J2', days_late: 9, interest_amount: 2.61, penalty_amount: 42.61, is_still_open: true, is_to_declare: true },
      { invoice_id: 'J4', days_late: 42, interest_amount: 30.45, penalty_amount: 70.45, is_still_open: true, is_to_declare: false },
      { invoice_id: 'L1', days_late: 30, interest_amount: 43.5, penalty_amount: 83.5, is_still_open: true, is_to_declare: false },
    ]);
  });

  it('keeps the claims to declare apart from what is claimable, per client and in total', async () => {
    // PROC: to declare J1 98.00 + J2 42.61 = 140.61; claimable J4's 70.45 (interest 30.45, indemnity 40).
    // Company: claimable 70.45 + LIVE's L1 83.50 = 153.95 on 2 invoices; to declare 140.61 on 2.
    expect(await wh.query(`select claimable_amount, interest_claimable_amount, indemnity_claimable_amount, to_declare_amount from penalties_by_client where client_id = 'PROC'`))
      .toEqual([{ claimable_amount: 70.45, interest_claimable_amount: 30.45, indemnity_claimable_amount: 40, to_declare_amount: 140.61 }]);
    expect(await wh.query(`select claimable_amount, claimable_invoice_count, to_declare_amount, to_declare_invoice_count from penalty_totals`))
      .toEqual([{ claimable_amount: 153.95, claimable_invoice_count: 2, to_declare_amount: 140.61, to_declare_invoice_count: 2 }]);
  });

  it('provisions at the procedure\'s rate only the claims born before the judgment', async () => {
    // Specific provisions on the amounts excl. VAT (no amount excl. tax in the export: ÷ 1.20),
    // receivership 50 %. J1 3,650 ÷ 1.2 = 3,041.67, 121 days late (91–180): 3,041.67 × 50 % = 1,520.83.
    // J2 730 ÷ 1.2 = 608.33 (90 days) and J3 1,000 ÷ 1.2 = 833.33 (61 days), both 61–90: 1,441.67 × 50 %
    // = 720.83. J4, issued after the judgment, 42 days late (31–60), neither disputed nor beyond 180
    // days: no specific provision (only the matrix's, like any invoice); before, 1,520.83 × 50 % more.
    expect(await wh.query(`select bucket, basis, balance_amount, amount from provisions where method = 'specific' and client_id = 'PROC' order by bucket`)).toEqual([
      { bucket: '61-90', basis: 'receivership', balance_amount: 1441.67, amount: 720.83 },
      { bucket: '91-180', basis: 'receivership', balance_amount: 3041.67, amount: 1520.83 },
    ]);
    expect(await wh.query(`select balance_amount from provisions where method = 'matrix' and client_id = 'PROC' and bucket = '31-60' and month_end = '2024-05-31'`))
      .toEqual([{ balance_amount: 1520.83 }]);
  });

  it('sends a letter for the invoices issued after the judgment alone, never naming the claims to declare', async () => {
    // PROC's worklist row is declare_claim (J2, J3: no letter, L622-21), but J4, a claim born after
    // the judgment, is at formal notice: the letter is a formal notice naming J4 only — 1,825 open,
    // interest 30.45 and the 40 € indemnity (as in penalties above): 1,825 + 30.45 + 40 = 1,895.45.
    expect(await wh.query(`select stage from worklist where client_id = 'PROC'`)).toEqual([{ stage: 'declare_claim' }]);
    expect(await wh.query(`select letter, invoice_count, open_amount, interest_amount, indemnity_amount, claimed_amount from letters where client_id = 'PROC'`)).toEqual([
      { letter: 'formal_notice', invoice_count: 1, open_amount: 1825, interest_amount: 30.45, indemnity_amount: 40, claimed_amount: 1895.45 },
    ]);
    expect(await wh.query(`select invoice_id from letter_lines where client_id = 'PROC'`)).toEqual([{ invoice_id: 'J4' }]);
    // The letter carries the judgment's date to say why J4 is claimed (L622-17); a client under no procedure has none.
    expect(await wh.query(`select client_id, procedure_date from letters order by client_id`)).toEqual([
      { client_id: 'LIVE', procedure_date: null },
      { client_id: 'PROC', procedure_date: '2024-03-11' },
    ]);
  });

  it('leaves the cash forecast and gets no expected payment date', async () => {
    // Only LIVE's open invoices are expected: L1 3,650 (overdue: the day after the as-of date) + L2 1,000.
    expect(await wh.query(`select sum(expected_amount)::double as expected from forecast`)).toEqual([{ expected: 4650 }]);
    expect(await wh.query(`select invoice_id, expected_payment_date is not null as has_date from invoices where open_amount > 0 order by invoice_id`)).toEqual([
      { invoice_id: 'J1', has_date: false },
      { invoice_id: 'J2', has_date: false },
      { invoice_id: 'J3', has_date: false },
      // Kept out too though payable when due: the client's lateness before the judgment says
      // nothing of what an administrator will pay, and a cautious forecast expects none of it.
      { invoice_id: 'J4', has_date: false },
      { invoice_id: 'L1', has_date: true },
      { invoice_id: 'L2', has_date: true },
    ]);
  });

  it('takes the invoices of a declared claim off the actions; the others still say to declare, by judgment + 2 months', async () => {
    // The claim_declared line names J1: J1 leaves dunning. J2's line has no amount (rejected, a
    // quality error), so J2 and J3 still await their declaration, due 2024-03-11 + 2 months = 2024-05-11: passed;
    // relief from the foreclosure can still be asked until 2024-03-11 + 6 months = 2024-09-11 (L622-26),
    // after the as-of date: still 'declare_claim', not foreclosed.
    // J4, issued after the judgment, is on the ordinary schedule: 2024-04-19 → 2024-05-31 = 42 days
    // past due; PROC is graded E (10 days earlier): formal notice from day 30 − 10 = 20, litigation
    // only from day 60 − 10 = 50, so formal_notice; no claim deadline.
    expect(await wh.query(`select invoice_id, stage, claim_deadline_date, is_claim_deadline_passed, relief_deadline_date, is_post_judgment
      from dunning where client_id = 'PROC' order by invoice_id`)).toEqual([
      { invoice_id: 'J2', stage: 'declare_claim', claim_deadline_date: '2024-05-11', is_claim_deadline_passed: true, relief_deadline_date: '2024-09-11', is_post_judgment: false },
      { invoice_id: 'J3', stage: 'declare_claim', claim_deadline_date: '2024-05-11', is_claim_deadline_passed: true, relief_deadline_date: '2024-09-11', is_post_judgment: false },
      { invoice_id: 'J4', stage: 'formal_notice', claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null, is_post_judgment: true },
    ]);
    expect(await wh.query(`select reason from dunning where invoice_id = 'J4'`)).toEqual([
      { reason: 'claim born after the judgment of 2024-03-11, payable when due (L622-17): 42 days past due: formal_notice from day 20 (day 30, 10 days earlier for grade E)' },
    ]);
    // The procedure's alert is about the claim it holds: PROC owes 3,650 + 730 + 1,000 + 1,825 =
    // 7,205, less J4's 1,825 born after the judgment = 5,380.
    expect(await wh.query(`select amount from alerts where client_id = 'PROC' and alert = 'collective_procedure'`)).toEqual([{ amount: 5380 }]);
    expect(await wh.query(`select kind, action_date, claim_amount, note from collection_actions where client_id = 'PROC'`)).toEqual([
      { kind: 'claim_declared', action_date: '2024-04-20', claim_amount: 3748, note: 'Me Durand, mandataire judiciaire' },
    ]);
    expect(await wh.query(`select line, severity, reason from quality where source_file = 'actions.csv'`)).toEqual([
      { line: 3, severity: 'error', reason: "claim amount '' is not a number: a declared claim states its amount" },
    ]);
  });

  it('states on its worklist row the claims to declare apart from those born after the judgment, to chase', async () => {
    // As of 2024-05-31: J1 is declared (off the list); to declare, J2 730 + J3 1,000 = 1,730 over 2
    // invoices, by 2024-05-11 (passed; relief until 2024-09-11); born after the judgment of
    // 2024-03-11, J4 1,825, at formal notice (see the dunning test). 1,730 + 1,825 = 3,555 due in all.
    expect(await wh.query(`select stage, due_amount, collective_procedure, procedure_date, declare_invoice_count, declare_amount, post_judgment_invoice_count, post_judgment_amount, post_judgment_stage,
      claim_deadline_date, is_claim_deadline_passed, relief_deadline_date from worklist where client_id = 'PROC'`)).toEqual([
      { stage: 'declare_claim', due_amount: 3555, collective_procedure: 'receivership', procedure_date: '2024-03-11', declare_invoice_count: 2, declare_amount: 1730,
        post_judgment_invoice_count: 1, post_judgment_amount: 1825, post_judgment_stage: 'formal_notice',
        claim_deadline_date: '2024-05-11', is_claim_deadline_passed: true, relief_deadline_date: '2024-09-11' },
    ]);
    // LIVE, under no procedure: nothing to declare, nothing born after a judgment.
    expect(await wh.query(`select collective_procedure, declare_invoice_count, declare_amount, post_judgment_invoice_count, post_judgment_amount, post_judgment_stage from worklist where client_id = 'LIVE'`)).toEqual([
      { collective_procedure: null, declare_invoice_count: 0, declare_amount: 0, post_judgment_invoice_count: 0, post_judgment_amount: 0, post_judgment_stage: null },
    ]);
  });

  it('asks on its account statement only for what was born after the judgment, the claims before it said apart', async () => {
    // As of 2024-05-31, PROC owes J1 3,650 (declared, still unpaid), J2 730 and J3 1,000, issued by the
    // judgment of 2024-03-11 — 5,380, the procedure's, not payable by the client (L622-7) — and J4
    // 1,825, issued on 2024-03-20: the balance to pay. 5,380 + 1,825 = 7,205 in all.
    expect(await wh.query(`select document_id, is_pre_judgment_claim from statement_lines where client_id = 'PROC' order by document_id`)).toEqual([
      { document_id: 'J1', is_pre_judgment_claim: true }, { document_id: 'J2', is_pre_judgment_claim: true },
      { document_id: 'J3', is_pre_judgment_claim: true }, { document_id: 'J4', is_pre_judgment_claim: false },
    ]);
    expect(await wh.query(`select client_id, procedure_date, balance_amount, pre_judgment_amount, payable_balance_amount, pre_judgment_currency_amounts, payable_balance_currency_amounts
      from statements order by client_id`)).toEqual([
      // LIVE, under no procedure: L1 3,650 + L2 1,000 (L0 paid), all of it to pay.
      { client_id: 'LIVE', procedure_date: null, balance_amount: 4650, pre_judgment_amount: 0, payable_balance_amount: 4650, pre_judgment_currency_amounts: [0], payable_balance_currency_amounts: [4650] },
      { client_id: 'PROC', procedure_date: '2024-03-11', balance_amount: 7205, pre_judgment_amount: 5380, payable_balance_amount: 1825, pre_judgment_currency_amounts: [5380], payable_balance_currency_amounts: [1825] },
    ]);
  });

  it('counts in the desk\'s overdue to chase the invoices born after the judgment, not the claims to declare', async () => {
    // Overdue and on the schedule: J4 1,825 (PROC, born after the judgment, 42 days past due) and
    // L1 3,650 (LIVE, due 2024-05-01, 30 days past due) = 5,475 over 2 invoices of 2 clients. J2 and
    // J3 (1,730) are to declare; L2 (due 2024-06-14, 14 days ahead) is before its preventive reminder
    // (5 days before): in no action. The list holds 2 clients and 4 actions (J2, J3, J4, L1).
    expect(await wh.query(`select client_count, action_count, overdue_to_chase_amount, overdue_to_chase_invoice_count, overdue_to_chase_client_count, overdue_to_declare_amount from worklist_totals`)).toEqual([
      { client_count: 2, action_count: 4, overdue_to_chase_amount: 5475, overdue_to_chase_invoice_count: 2, overdue_to_chase_client_count: 2, overdue_to_declare_amount: 1730 },
    ]);
  });

  it('forecloses only the claims born before the judgment once the time to ask for relief has passed', async () => {
    // As of 2024-09-30, after 2024-09-11 (judgment + 6 months, L622-26): J2 and J3, not declared, are
    // foreclosed, 730 + 1,000 = 1,730 to write off. J4, issued after the judgment, cannot be
    // foreclosed: 2024-04-19 → 2024-09-30 = 11 + 31 + 30 + 31 + 31 + 30 = 164 days past due, litigation
    // (from day 50 for grade E).
    const later = await buildWarehouse(fixture, { asOf: '2024-09-30' });
    expect(await later.query(`select invoice_id, stage from dunning where client_id = 'PROC' order by invoice_id`)).toEqual([
      { invoice_id: 'J2', stage: 'claim_foreclosed' },
      { invoice_id: 'J3', stage: 'claim_foreclosed' },
      { invoice_id: 'J4', stage: 'litigation' },
    ]);
    expect(await later.query(`select foreclosed_invoice_count, foreclosed_amount from client_procedures where client_id = 'PROC'`)).toEqual([
      { foreclosed_invoice_count: 2, foreclosed_amount: 1730 },
    ]);
    expect(await later.query(`select alert, amount from alerts where client_id = 'PROC' and alert in ('collective_procedure', 'claim_foreclosed')`)).toEqual([
      { alert: 'claim_foreclosed', amount: 1730 },
    ]);
    // The foreclosed claims are no call; J4 is: PROC stays on the desk's list, at litigation, for 1,825.
    expect(await later.query(`select stage, due_amount from worklist where client_id = 'PROC'`)).toEqual([{ stage: 'litigation', due_amount: 1825 }]);
    // Nothing left to declare (foreclosed, listed apart); all of it born after the judgment, to chase.
    expect(await later.query(`select declare_invoice_count, declare_amount, post_judgment_invoice_count, post_judgment_amount, post_judgment_stage from worklist where client_id = 'PROC'`)).toEqual([
      { declare_invoice_count: 0, declare_amount: 0, post_judgment_invoice_count: 1, post_judgment_amount: 1825, post_judgment_stage: 'litigation' },
    ]);    // The penalties go with the claims: J2's 42.61 (interest to the judgment 2.61 + 40) is lost with
    // its foreclosed claim, no longer to declare; J1's 98.00, declared, still is (J3 bore none).
    expect(await later.query(`select invoice_id, is_to_declare, is_claim_foreclosed from penalties where client_id = 'PROC' order by invoice_id`)).toEqual([
      { invoice_id: 'J1', is_to_declare: true, is_claim_foreclosed: false },
      { invoice_id: 'J2', is_to_declare: true, is_claim_foreclosed: true },
      { invoice_id: 'J4', is_to_declare: false, is_claim_foreclosed: false },
    ]);
    expect(await later.query(`select to_declare_amount, foreclosed_amount from penalties_by_client where client_id = 'PROC'`)).toEqual([{ to_declare_amount: 98, foreclosed_amount: 42.61 }]);
  });

  it('gives a creditor outside metropolitan France four months to declare (collections.claimDeadlineMonths)', async () => {
    // 2024-03-11 + 4 months = 2024-07-11, after the as-of date: not passed.
    const config = join(mkdtempSync(join(tmpdir(), 'encours-claim-months-')), 'encours.config.json');
    writeFileSync(config, JSON.stringify({ collections: { claimDeadlineMonths: 4 } }));
    const overseas = await buildWarehouse(fixture, { asOf: '2024-05-31', configPath: config });
    expect(await overseas.query(`select distinct claim_deadline_date, is_claim_deadline_passed from dunning where client_id = 'PROC' and not is_post_judgment`)).toEqual([
      { claim_deadline_date: '2024-07-11', is_claim_deadline_passed: false },
    ]);
  });
});
