// Dunning stages, alerts and late-payment penalties on hand-made ledgers
// (test/fixtures/dunning, test/fixtures/penalties). Every figure is worked out by hand below.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, runModel, type Warehouse } from '../helpers.ts';

describe('dunning at as-of 2024-06-15', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await buildWarehouse(join(fixturesDir, 'dunning'), { asOf: '2024-06-15' });
  });

  it('gives each invoice the last stage of the schedule it has reached', async () => {
    // SAFE's grade is its credit score at the latest month end, 2024-05-31 (expert scorecard: too
    // little history). Its bands then: max DPD 45 (S7) → 31–60 days −1.0; no payment yet → −0.2;
    // trend 0; nothing beyond 60 days +0.3; S9 disputed = 1,000 of 10,000 invoiced → over 5 % −0.6;
    // 10,000 open on a 100,000 limit +0.2; invoiced since the ledger's first month → long-standing
    // +0.2. Total −1.1. Smoothed with its month ends before: 2024-03-31 +1.1 (nothing due yet:
    // +0.5 − 0.2 + 0 + 0.3 + 0.1 + 0.2 + 0.2), 2024-04-30 −0.1 (see the alerts below), weighted 1,
    // 2^(1/3) = 1.259921, 2^(2/3) = 1.587401: (1.1 − 0.125992 − 1.746141) / 3.847322 = −0.200694
    // → log-odds ln(0.05 / 0.95) + 0.200694 = −2.743745 → pd 0.060441: grade B, no shift.
    // Days from due at 2024-06-15: S1 −5 (preventive from −5), S2 +6 (still preventive), S3 +7
    // (reminder 1), S4 +15 (reminder 2), S5 +29 (reminder 2), S6 +30 (formal notice), S8 +59 (formal
    // notice), S7 +60 (litigation); S9 is disputed (paused); S10 is due in 15 days: nothing to do yet.
    const rows = await wh.query(`select invoice_id, stage, grade, grade_source from dunning where client_id = 'SAFE' order by invoice_id`);
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
    expect(new Set(rows.map((r) => `${r.grade} ${r.grade_source}`))).toEqual(new Set(['B score']));
  });

  it('moves a riskier grade’s overdue stages earlier', async () => {
    // The same ledger with grade B shifted by 10 days: overdue stages at max(1, 7 − 10) = 1, 15 − 10 = 5,
    // 30 − 10 = 20, 60 − 10 = 50. S2 at +6 → reminder 2; S4 at +15 → still reminder 2; S5 at +29 → formal
    // notice; S8 at +59 → litigation.
    const dir = mkdtempSync(join(tmpdir(), 'encours-shift-'));
    const config = join(dir, 'encours.config.json');
    writeFileSync(config, JSON.stringify({ dunning: { gradeShiftDays: { A: 0, B: 10, C: 10, D: 5, E: 10 } } }));
    const shifted = await buildWarehouse(join(fixturesDir, 'dunning'), { asOf: '2024-06-15', configPath: config });
    const rows = await shifted.query(`select invoice_id, stage, reason from dunning where client_id = 'SAFE' and invoice_id in ('S2', 'S4', 'S5', 'S8') order by invoice_id`);
    expect(rows).toEqual([
      { invoice_id: 'S2', stage: 'reminder_2', reason: '6 days past due: reminder_2 from day 5 (day 15, 10 days earlier for grade B)' },
      { invoice_id: 'S4', stage: 'reminder_2', reason: '15 days past due: reminder_2 from day 5 (day 15, 10 days earlier for grade B)' },
      { invoice_id: 'S5', stage: 'formal_notice', reason: '29 days past due: formal_notice from day 20 (day 30, 10 days earlier for grade B)' },
      { invoice_id: 'S8', stage: 'litigation', reason: '59 days past due: litigation from day 50 (day 60, 10 days earlier for grade B)' },
    ]);
  });

  it('takes a client under a collective procedure out of the schedule: its one action is to declare the claim', async () => {
    // RISKY is in redressement judiciaire: no reminder, no litigation (L622-21); each open invoice is
    // to be declared. Judgment of 2024-05-02 → deadline 2024-05-02 + 2 months = 2024-07-02, after the
    // as-of date (2024-06-15): not passed. The worklist carries the same deadline on RISKY's row.
    const rows = await wh.query(`select invoice_id, stage, collective_procedure, procedure_date, claim_deadline_date, is_claim_deadline_passed, grade, pd_12m
      from dunning where client_id = 'RISKY' order by invoice_id`);
    const claim = { stage: 'declare_claim', collective_procedure: 'receivership', procedure_date: '2024-05-02', claim_deadline_date: '2024-07-02',
      is_claim_deadline_passed: false, grade: 'E', pd_12m: 0.9999 };
    expect(rows).toEqual([{ invoice_id: 'R1', ...claim }, { invoice_id: 'R2', ...claim }]);
    expect(await wh.query(`select stage, claim_deadline_date, is_claim_deadline_passed from worklist where client_id = 'RISKY'`))
      .toEqual([{ stage: 'declare_claim', claim_deadline_date: '2024-07-02', is_claim_deadline_passed: false }]);
  });

  it('flags a claim deadline already passed, and says nothing of a deadline whose judgment date is unknown', async () => {
    // The same ledger with RISKY's judgment on 2024-04-12: deadline 2024-06-12, before the as-of date
    // 2024-06-15 → passed; the procedure alert is dated by the judgment. R1 and R2 are then dated
    // 2024-04-10, before that judgment (issued after it they would be claims born after it, L622-17,
    // with no deadline). Without a judgment date the
    // deadline is NULL (the site says to check the BODACC) and the alert is dated the as-of date.
    const withDate = async (date: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'encours-claim-'));
      copyFileSync(join(fixturesDir, 'dunning', 'payments.csv'), join(dir, 'payments.csv'));
      const invoices = readFileSync(join(fixturesDir, 'dunning', 'invoices.csv'), 'utf8');
      writeFileSync(join(dir, 'invoices.csv'), date === '2024-04-12' ? invoices.replaceAll('RISKY,2024-05-01', 'RISKY,2024-04-10') : invoices);
      writeFileSync(join(dir, 'clients.csv'), `client_id,name,credit_limit,legal_status,procedure_date\nSAFE,Sûr SA,100000,,\nRISKY,Risqué SARL,1000,Redressement judiciaire,${date}\n`);
      return buildWarehouse(dir, { asOf: '2024-06-15' });
    };
    const passed = await withDate('2024-04-12');
    expect(await passed.query(`select distinct claim_deadline_date, is_claim_deadline_passed from dunning where client_id = 'RISKY'`))
      .toEqual([{ claim_deadline_date: '2024-06-12', is_claim_deadline_passed: true }]);
    expect(await passed.query(`select first_seen_date from alerts where alert = 'collective_procedure'`)).toEqual([{ first_seen_date: '2024-04-12' }]);
    const unknown = await withDate('');
    expect(await unknown.query(`select distinct stage, claim_deadline_date, is_claim_deadline_passed from dunning where client_id = 'RISKY'`))
      .toEqual([{ stage: 'declare_claim', claim_deadline_date: null, is_claim_deadline_passed: null }]);
    expect(await unknown.query(`select first_seen_date from alerts where alert = 'collective_procedure'`)).toEqual([{ first_seen_date: '2024-06-15' }]);
  });

  it('orders the worklist by expected loss = open amount × the score’s probability of default', async () => {
    // R1 2,000 × 99.99 % = 1,999.80; R2 500 × 99.99 % = 499.95; each SAFE invoice 1,000 × 0.060441 = 60.44 (ties by id).
    const rows = await wh.query(`select priority, invoice_id, expected_loss_amount from dunning order by priority`);
    expect(rows.map((r) => r.invoice_id)).toEqual(['R1', 'R2', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9']);
    expect(rows.slice(0, 2).map((r) => r.expected_loss_amount)).toEqual([1999.8, 499.95]);
    expect(rows[2]!.expected_loss_amount as number).toBeCloseTo(60.44, 2);
    expect(rows.map((r) => r.priority)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // Every row carries the grade and probability of default of client_scores at the latest month end.
    const mismatched = await wh.query(`select d.invoice_id from dunning d left join client_scores s on s.client_id = d.client_id and s.month_end = date '2024-05-31'
      where s.grade is distinct from d.grade or s.pd_12m is distinct from d.pd_12m`);
    expect(mismatched).toEqual([]);
  });

  it('raises over-limit, grade-drop and collective-procedure alerts with the date they first appeared, and the grade and PD of the score', async () => {
    // RISKY owes 2,500 against a 1,000 limit since the 2024-05-31 month end (its first month end
    // with invoices); its procedure alert is dated by the judgment opening it (2024-05-02).
    // SAFE at 2024-04-30: S7, S8 13–14 days late (0.0), no payment (−0.2), trend 0, nothing beyond 60 days
    // (+0.3), S9 = 1,000 of 6,000 invoiced disputed (−0.6), usage 6 % (+0.2), long-standing (+0.2): total −0.1,
    // smoothed with 2024-03-31 (+1.1): (1.1 − 0.125992) / 2.259921 = 0.430992 → log-odds −3.375431 → pd 3.31 %:
    // B by the PD, but short of A's edge by 3 points (3.86 %), A held; at 2024-05-31 B (above). A to B is
    // one notch, not into D or E: no grade-drop alert (the manager's terms do not change).
    const rows = await wh.query(`select alert, client_id, first_seen_date, previous_grade, grade from alerts order by alert, client_id`);
    expect(rows).toEqual([
      { alert: 'collective_procedure', client_id: 'RISKY', first_seen_date: '2024-05-02', previous_grade: null, grade: 'E' },
      { alert: 'over_limit', client_id: 'RISKY', first_seen_date: '2024-05-31', previous_grade: null, grade: 'E' },
    ]);
    const mismatched = await wh.query(`select a.alert from alerts a left join client_scores s on s.client_id = a.client_id and s.month_end = date '2024-05-31'
      where s.grade is distinct from a.grade or s.pd_12m is distinct from a.pd_12m`);
    expect(mismatched).toEqual([]);
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

describe('grade-drop alerts', () => {
  it('are raised only for a drop that changes what the manager does: into D or E, or two notches', async () => {
    // client_scores at the latest month end (2024-05-31) against the month end before (2024-04-30):
    // AB A → B, BC B → C: one notch within A–C, no alert; CD C → D and DE D → E: alert (into D, E);
    // AC A → C: two notches, alert; BA B → A is better; GAP C → D but not scored at 2024-04-30 (its
    // last score is March's): no month-to-month move to judge.
    const moves: [string, string, string][] = [['AB', 'A', 'B'], ['BC', 'B', 'C'], ['CD', 'C', 'D'], ['DE', 'D', 'E'], ['AC', 'A', 'C'], ['BA', 'B', 'A']];
    const scores = [...moves.flatMap(([client, before, now]) => [`('${client}', date '2024-04-30', '${before}', 0.05)`, `('${client}', date '2024-05-31', '${now}', 0.05)`]),
      `('GAP', date '2024-03-31', 'C', 0.05)`, `('GAP', date '2024-05-31', 'D', 0.05)`];
    const none = (columns: string) => `select ${columns} where false`;
    const rows = await runModel('alerts', {
      client_scores: `select * from (values ${scores.join(', ')}) t(client_id, month_end, grade, pd_12m)`,
      client_risk: `select client_id, grade, pd_12m, 'score' as grade_source from (values ${scores.join(', ')}) t(client_id, month_end, grade, pd_12m) where month_end = date '2024-05-31'`,
      invoices: none(`null::varchar as invoice_id, null::varchar as client_id, null::varchar as kind, null::date as issue_date, null::date as due_date, null::decimal(18, 2) as open_amount,
        null::integer as days_past_due`),
      ageing_monthly: none(`null::date as month_end, null::varchar as client_id, null::decimal(18, 2) as open_amount`),
      clients: none(`null::varchar as client_id, null::decimal(18, 2) as credit_limit, null::decimal(18, 2) as receivables_amount, null::varchar as legal_status,
        null::date as procedure_date, null::varchar as payment_terms, null::date as first_invoice_date, null::decimal(18, 2) as overdue_amount`),
      int_days_late_trend: none(`null::date as reference_date, null::varchar as client_id, null::double as days_late_calendar_3m, null::double as days_late_calendar_12m, null::integer as settled_3m`),
      int_promises: none(`null::varchar as client_id, null::date as promise_date, null::decimal(18, 2) as promise_amount, null::decimal(18, 2) as received_amount,
        null::decimal(18, 2) as open_amount, null::varchar as status`),
      client_procedures: none(`null::varchar as client_id, null::varchar as collective_procedure, null::date as relief_deadline_date, null::integer as foreclosed_invoice_count,
        null::decimal(18, 2) as foreclosed_amount`),
    }, { as_of_date: '2024-06-15', worsening_days: 15 });
    expect(rows.filter((r) => r.alert === 'grade_drop').map((r) => [r.client_id, r.previous_grade, r.grade]).sort()).toEqual([['AC', 'A', 'C'], ['CD', 'C', 'D'], ['DE', 'D', 'E']]);
  });
});
