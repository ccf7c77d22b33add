// The credit score: features on a hand-made history, validation statistics on a hand-made set, the
// expert fallback on a short ledger, the credit-limit rule, and the published validation on the sample.
import { join } from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { openDatabase, type Row } from '../../shared/duckdb.ts';
import { buildWarehouse, fixturesDir, queryWarehouse, runModel } from '../helpers.ts';

describe('int_score_features', () => {
  it('describes a client at a month end as worked out by hand', async () => {
    // Client A at 2024-06-30 (as-of 2025-12-31, 6 validation month ends):
    //   a0 500 settled 2023-04-30, before the 12-month window → ignored for days late and sales.
    //   a1 1,000 due 9 Feb, settled 19 Feb → 10 days late (in the 6 and 12 months, not the 3).
    //   a2 3,000 due 10 May, settled 9 Jun → 30 days late, disputed (in all three windows).
    //   a3 2,000 issued 1 Jun, due 1 Jul, open at the month end, still open on day 91 (30 Sep).
    // days late 3m = 30; 6m = 12m = (1,000 × 10 + 3,000 × 30) / 4,000 = 25; trend 30 − 25 = +5.
    // sales 12m = 1,000 + 3,000 + 2,000 = 6,000; disputed 3,000 / 6,000 = 0.5.
    // open 2,000 on a 4,000 limit → usage 0.5; nothing past due → max DPD 0, share over 60 = 0.
    // tenure: 1 Mar 2023 → 30 Jun 2024 = 15 months. Default on 30 Sep 2024, within 12 months.
    // Last month end with a known outcome: 2024-12-31 (+12 months = as-of); cutoff 6 months
    // before = 2024-06-30 → this row is training. The client file's rating 'D' is today's, so the
    // row (not the latest month end) does not carry it.
    const rows = await runModel('int_score_features', {
      int_score_invoice_events: `select * from (values
        ('a0', 'A', date '2023-03-01', date '2023-03-31', 500.00, false, date '2023-04-30', 30, null::date),
        ('a1', 'A', date '2024-01-10', date '2024-02-09', 1000.00, false, date '2024-02-19', 10, null),
        ('a2', 'A', date '2024-04-10', date '2024-05-10', 3000.00, true, date '2024-06-09', 30, null),
        ('a3', 'A', date '2024-06-01', date '2024-07-01', 2000.00, false, date '2024-11-15', 137, date '2024-09-30'))
        t(invoice_id, client_id, issue_date, due_date, amount, is_disputed, settled_date, days_late, default_date)`,
      int_score_exposure: `select date '2024-06-30' as month_end, 'A' as client_id, 2000.00 as open_amount, 0 as max_days_past_due, 0.00 as open_over_60_amount, 0.00 as open_over_90_amount`,
      int_month_ends: `select last_day(unnest(generate_series(date '2024-01-01', date '2025-12-01', interval 1 month)))::date as month_end`,
      int_default_events: `select 'A' as client_id, date '2024-09-30' as default_date`,
      int_clients: `select 'A' as client_id, 4000.00 as credit_limit, 'D' as external_rating, null::varchar as legal_status, null::date as procedure_date`,
    }, { as_of_date: '2025-12-31', score_validation_month_ends: 6, default_materiality_amount: 500, default_materiality_share: 0.01 });
    expect(rows.find((r) => r.month_end === '2024-06-30')).toMatchObject({
      open_amount: 2000, max_days_past_due: 0, share_over_60: 0,
      days_late_clipped_calendar_3m: 30, days_late_clipped_calendar_6m: 25, days_late_clipped_calendar_12m: 25, days_late_clipped_calendar_trend: 5,
      share_disputed: 0.5, limit_usage: 0.5, tenure_months: 15, sales_12m_amount: 6000, external_rating: null,
      defaults_within_12m: true, is_outcome_known: true, sample: 'training',
    });
  });

  it('knows a collective procedure from its judgment date on, when the clients file gives it', async () => {
    // P (redressement judiciaire, judgment 2024-05-15) owes something at the month ends of March to
    // July 2024; Q (the same status, no judgment date) too. Latest month end 2024-07-31 (as-of).
    // P: March and April are before the judgment → no status, not in default; their outcome within
    // 12 months is the judgment's default event (given here as int_default_events).
    // May, June, July are on/after 15 May → the status is kept, in default, no sample.
    // Q: only the latest month end (July) carries the status; earlier rows know nothing of it.
    const monthEnds = ['2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30', '2024-07-31'];
    const rows = await runModel('int_score_features', {
      int_score_invoice_events: `select * from (values ('p1', 'P', date '2024-03-10', date '2024-04-09', 1000.00, false, null::date, null::integer, null::date),
        ('q1', 'Q', date '2024-03-10', date '2024-04-09', 1000.00, false, null::date, null::integer, null::date))
        t(invoice_id, client_id, issue_date, due_date, amount, is_disputed, settled_date, days_late, default_date)`,
      int_score_exposure: `select month_end, client_id, 1000.00 as open_amount, 30 as max_days_past_due, 0.00 as open_over_60_amount, 0.00 as open_over_90_amount
        from unnest([${monthEnds.map((d) => `date '${d}'`).join(', ')}]) m(month_end) cross join (values ('P'), ('Q')) c(client_id)`,
      int_month_ends: `select last_day(unnest(generate_series(date '2023-01-01', date '2024-07-01', interval 1 month)))::date as month_end`,
      int_default_events: `select 'P' as client_id, date '2024-05-15' as default_date`,
      int_clients: `select * from (values ('P', null::decimal(18, 2), null::varchar, 'Redressement judiciaire', date '2024-05-15'),
        ('Q', null, null, 'Redressement judiciaire', null)) t(client_id, credit_limit, external_rating, legal_status, procedure_date)`,
    }, { as_of_date: '2024-07-31', score_validation_month_ends: 0, default_materiality_amount: 500, default_materiality_share: 0.01 });
    const seen = (client: string) => rows.filter((r) => r.client_id === client).sort((a, b) => String(a.month_end).localeCompare(String(b.month_end)))
      .map((r) => [r.month_end, r.legal_status, r.is_in_default]);
    expect(seen('P')).toEqual([
      ['2024-03-31', null, false], ['2024-04-30', null, false],
      ['2024-05-31', 'Redressement judiciaire', true], ['2024-06-30', 'Redressement judiciaire', true], ['2024-07-31', 'Redressement judiciaire', true],
    ]);
    expect(seen('Q')).toEqual([
      ['2024-03-31', null, false], ['2024-04-30', null, false], ['2024-05-31', null, false], ['2024-06-30', null, false], ['2024-07-31', 'Redressement judiciaire', false],
    ]);
    expect(rows.find((r) => r.client_id === 'P' && r.month_end === '2024-03-31')).toMatchObject({ defaults_within_12m: true, procedure_date: '2024-05-15' });
  });
});

describe('int_default_events', () => {
  it('counts 90+ days past due only on a material amount: above 500 and above 1 % of what the client owes', async () => {
    // As-of 2024-12-31 (2024 is a leap year). Day 91 past due: 31 Jan → 1 May; 29 Feb → 30 May; 30 Jun → 29 Sep.
    // M: m1 400 due 31 Jan, never paid → beyond 90 days on 1 May, but 400 ≤ 500: not material.
    //    m2 300 due 29 Feb, never paid → 700 beyond 90 days on 30 May, above 500, but M then also owes
    //    m3 100,000 (issued 1 May, paid 30 Jun): 1 % of 100,700 = 1,007 > 700 → not material.
    //    On 30 Jun m3 is paid: M owes 700, all beyond 90 days → default on 2024-06-30.
    // S: 450 due 31 Jan, never paid → never above 500: no default, however late.
    // C: n1 1,000 due 31 Jan, paid 1 Jun → default on 1 May, cured on 1 Jun; n2 1,000 due 30 Jun,
    //    never paid → defaults again on 29 Sep.
    // W: a write-off on 15 Mar is a default event whatever its amount (int_credits: net of its
    // reversals, so one reversed in full is not there); P's payment is none.
    const rows = await runModel('int_default_events', {
      int_score_invoice_events: `select * from (values ('m1', 'M', date '2024-01-31'), ('m2', 'M', date '2024-02-29'), ('m3', 'M', date '2024-06-30'),
        ('s1', 'S', date '2024-01-31'), ('n1', 'C', date '2024-01-31'), ('n2', 'C', date '2024-06-30')) t(invoice_id, client_id, due_date)`,
      int_invoice_balance_history: `select * from (values
        ('m1', date '2024-01-01', null::date, 400.00), ('m2', date '2024-01-30', null, 300.00),
        ('m3', date '2024-05-01', date '2024-06-30', 100000.00), ('m3', date '2024-06-30', null, 0.00),
        ('s1', date '2024-01-01', null, 450.00),
        ('n1', date '2024-01-01', date '2024-06-01', 1000.00), ('n1', date '2024-06-01', null, 0.00), ('n2', date '2024-05-31', null, 1000.00))
        t(invoice_id, valid_from, valid_to, open_amount)`,
      int_credits: `select 'W' as client_id, 'writeoff' as source_kind, date '2024-03-15' as credit_date
        union all select 'P', 'payment', date '2024-04-01'`,
      // J: judgment opening a redressement judiciaire on 2024-07-15 → a default event that day.
      // K: in liquidation, judgment date unknown → no dated event (the latest score's override only).
      // L: 'Liquidation amiable' is no procedure, whatever its date; F: judgment after the as-of date.
      int_clients: `select * from (values ('J', 'Redressement judiciaire', date '2024-07-15'), ('K', 'Liquidation judiciaire', null::date),
        ('L', 'Liquidation amiable', date '2024-02-01'), ('F', 'Sauvegarde', date '2025-02-01')) t(client_id, legal_status, procedure_date)`,
    }, { as_of_date: '2024-12-31', default_materiality_amount: 500, default_materiality_share: 0.01 });
    const events = rows.map((r) => [r.client_id, r.default_date, r.default_kind, r.over_90_amount]).sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    expect(events).toEqual([
      ['C', '2024-05-01', 'past_due_90', 1000],
      ['C', '2024-09-29', 'past_due_90', 1000],
      ['J', '2024-07-15', 'collective_procedure', null],
      ['M', '2024-06-30', 'past_due_90', 700],
      ['W', '2024-03-15', 'writeoff', null],
    ]);
  });

  it('follows the configured thresholds', async () => {
    // The same S with thresholds 400 and 1 %: 450 beyond 90 days on 1 May is now material.
    const rows = await runModel('int_default_events', {
      int_score_invoice_events: `select 's1' as invoice_id, 'S' as client_id, date '2024-01-31' as due_date`,
      int_invoice_balance_history: `select 's1' as invoice_id, date '2024-01-01' as valid_from, null::date as valid_to, 450.00 as open_amount`,
      int_credits: `select null::varchar as client_id, null::varchar as source_kind, null::date as credit_date where false`,
      int_clients: `select null::varchar as client_id, null::varchar as legal_status, null::date as procedure_date where false`,
    }, { as_of_date: '2024-12-31', default_materiality_amount: 400, default_materiality_share: 0.01 });
    expect(rows.map((r) => [r.client_id, r.default_date])).toEqual([['S', '2024-05-01']]);
  });
});

describe('score_validation', () => {
  it('computes AUC, Gini, KS and default rates by grade as worked out by hand', async () => {
    // Ten clients at 2024-06-30 in the validation sample. Defaulters P1–P4 with pd 0.30, 0.28, 0.23, 0.20;
    // non-defaulters N1–N6 with 0.29, 0.22, 0.19, 0.18, 0.15, 0.14 (higher pd = riskier).
    // AUC: of the 24 (defaulter, non-defaulter) pairs the defaulter is riskier in 6 + 5 + 5 + 4 = 20 → 0.8333; Gini 0.6667.
    // KS: from the riskiest, cumulative shares (defaulters, non-defaulters) reach (1, 2/6) at pd 0.20 → 2/3.
    // Naive rule, max days past due: P 60, 30, 30, 0; N 45, 30, 0, 0, 0, 0: pairs won 6 + 4.5 + 4.5 + 2 (ties ½) = 17 → 0.7083.
    // Grades: E P1 P2 → 2/2; D P3 N1 → 1/2; C P4 N2 N3 → 1/3; B N4 → 0; A N5 N6 → 0.
    const clients = [
      ['P1', true, 0.3, 60, 'E'], ['P2', true, 0.28, 30, 'E'], ['P3', true, 0.23, 30, 'D'], ['P4', true, 0.2, 0, 'C'],
      ['N1', false, 0.29, 45, 'D'], ['N2', false, 0.22, 30, 'C'], ['N3', false, 0.19, 0, 'C'], ['N4', false, 0.18, 0, 'B'], ['N5', false, 0.15, 0, 'A'], ['N6', false, 0.14, 0, 'A'],
    ] as const;
    const values = (f: (c: (typeof clients)[number]) => string) => clients.map(f).join(', ');
    const validation = `select * from (values ${values((c) => `('${c[0]}', date '2024-06-30', ${c[1]}, ${c[3]}, ${c[2]}, '${c[4]}')`)})
      t(client_id, month_end, defaults_within_12m, max_days_past_due, pd_12m, grade)`;
    const rows = await runModel('score_validation', { score_validation_sample: validation });
    const byRule = Object.fromEntries(rows.filter((r) => r.rule !== 'grade').map((r) => [r.rule, r]));
    expect(byRule.model!.auc).toBeCloseTo(20 / 24, 10);
    expect(byRule.model!.gini).toBeCloseTo(2 * (20 / 24) - 1, 10);
    expect(byRule.model!.ks).toBeCloseTo(2 / 3, 10);
    expect(byRule.naive!.auc).toBeCloseTo(17 / 24, 10);
    expect(byRule.model!.verdict).toBe('The score ranks defaulters better than the maximum days past due alone.');
    const grades = Object.fromEntries(rows.filter((r) => r.rule === 'grade').map((r) => [r.grade, r.default_rate]));
    expect(grades).toEqual({ A: 0, B: 0, C: expect.closeTo(1 / 3, 10), D: 0.5, E: 1 });
    // Calibration: mean predicted PD beside the observed rate and its 95 % Wilson interval (z = 1.96, z² = 3.8416):
    // C: p = 1/3, n = 3, pd (0.20 + 0.22 + 0.19) / 3 = 0.20333; centre (1/3 + 3.8416 / 6) / (1 + 3.8416 / 3) = 0.42692,
    //    half-width 1.96 √(2/9 / 3 + 3.8416 / 36) / 2.28053 = 0.36543 → 0.06149 to 0.79235.
    // E: p = 1, n = 2, pd (0.30 + 0.28) / 2 = 0.29; centre (1 + 0.9604) / 2.9208 = 0.67119, half-width 1.96 × 0.49 / 2.9208
    //    = 0.32881 → 0.34237 to 1.
    const c = rows.find((r) => r.grade === 'C')!;
    const e = rows.find((r) => r.grade === 'E')!;
    expect(c).toMatchObject({ observations: 3, defaults: 1, mean_pd_12m: expect.closeTo(0.203333, 5), default_rate_low: expect.closeTo(0.06149, 4), default_rate_high: expect.closeTo(0.79235, 4) });
    expect(e).toMatchObject({ observations: 2, defaults: 2, mean_pd_12m: expect.closeTo(0.29, 10), default_rate_low: expect.closeTo(0.34237, 4), default_rate_high: expect.closeTo(1, 10) });

    // The ROC curve of the score: from the riskiest pd down, (share of non-defaulters, share of defaulters) reached.
    // 0.30 P1 → (0, 1/4); 0.29 N1 → (1/6, 1/4); 0.28 P2 → (1/6, 2/4); 0.23 P3 → (1/6, 3/4); 0.22 N2 → (2/6, 3/4);
    // 0.20 P4 → (2/6, 1); then N3…N6 → (1, 1); it starts at (0, 0).
    const roc = (await runModel('score_roc', { score_validation_sample: validation })).filter((r) => r.rule === 'model');
    expect(roc.slice(0, 7).map((r) => [r.share_non_defaults, r.share_defaults])).toEqual([[0, 0], [0, 0.25], [1 / 6, 0.25], [1 / 6, 0.5], [1 / 6, 0.75], [2 / 6, 0.75], [2 / 6, 1]]);
    expect(roc.at(-1)).toMatchObject({ share_non_defaults: 1, share_defaults: 1 });

    // The naive rule ties: one point per distinct max DPD, from the riskiest down. 60: P1 → (0, 1/4);
    // 45: N1 → (1/6, 1/4); 30: P2, P3, N2 at once → (2/6, 3/4); 0: P4, N3–N6 → (1, 1). Joined by
    // straight segments the area is 1/6 × 1/4 + 1/6 × (1/4 + 3/4) / 2 + 4/6 × (3/4 + 1) / 2
    // = 1/24 + 2/24 + 14/24 = 17/24: the AUC, ties counting half (a step up first would draw 1/24 + 3/24 + 16/24 = 20/24).
    const naive = (await runModel('score_roc', { score_validation_sample: validation })).filter((r) => r.rule === 'naive');
    expect(naive.map((r) => [r.share_non_defaults, r.share_defaults])).toEqual([[0, 0], [0, 0.25], [1 / 6, 0.25], [2 / 6, 0.75], [1, 1]]
      .map(([x, y]) => [expect.closeTo(x!, 10), expect.closeTo(y!, 10)]));
    expect(trapezoids(naive)).toBeCloseTo(17 / 24, 10);
  });
});

describe('a short ledger (20 clients, 8 months)', () => {
  it('falls back to the expert scorecard, says so, and still scores every client', async () => {
    // test/fixtures/score-tiny: 8 month ends, none with a known 12-month outcome → 0 training month ends.
    const wh = await buildWarehouse(join(fixturesDir, 'score-tiny'), { asOf: '2024-08-31' });
    expect(await wh.query(`select distinct method, training_month_ends from score_model`)).toEqual([{ method: 'expert', training_month_ends: 0 }]);
    expect(await wh.query(`select distinct method from client_scores`)).toEqual([{ method: 'expert' }]);
    expect(await wh.query(`select distinct verdict from score_validation`)).toEqual([{ verdict: 'Not enough history to validate the score out of time.' }]);
    const latest = await wh.query(`select client_id, grade, reason_1 from client_scores where month_end = '2024-08-31' order by client_id`);
    expect(latest).toHaveLength(20);
    // T20 stopped paying in March and is in redressement judiciaire: in default, E, the procedure its first reason.
    expect(latest.at(-1)).toMatchObject({ client_id: 'T20', grade: 'E', reason_1: 'collective_procedure' });
  });
});

describe('on the sample', () => {
  const q = (sql: string) => queryWarehouse(inject('sampleWarehouse'), sql);

  it('is fitted on the company’s history and beats the naive rule out of time', async () => {
    expect(await q(`select distinct method from score_model`)).toEqual([{ method: 'fitted' }]);
    const rows = await q(`select rule, auc from score_validation where rule in ('model', 'naive') order by rule`);
    expect(rows[0]!.auc as number).toBeGreaterThan(rows[1]!.auc as number);
  });

  it('spreads the latest month end over the five grades, each with at least 3 % of the scored clients, most in A and B', async () => {
    const rows = await q(`select grade, count(*) / sum(count(*)) over () as share from client_scores where month_end = date '2026-10-31' group by grade order by grade`);
    expect(rows.map((r) => r.grade)).toEqual(['A', 'B', 'C', 'D', 'E']);
    for (const r of rows) expect(r.share as number, r.grade as string).toBeGreaterThanOrEqual(0.03);
    expect((rows[0]!.share as number) + (rows[1]!.share as number)).toBeGreaterThan(0.5);
  });

  it('is calibrated out of time: each grade’s observed default rate within 5 points of its mean predicted PD', async () => {
    const rows = await q(`select grade, default_rate, mean_pd_12m from score_validation where rule = 'grade' order by grade`);
    expect(rows.length).toBe(5);
    for (const r of rows) expect(Math.abs((r.default_rate as number) - (r.mean_pd_12m as number)), r.grade as string).toBeLessThan(0.05);
  });

  it('never grades E a client with nothing overdue, a good external rating and a long relationship', async () => {
    // The features of the latest month end are not in the warehouse: nothing overdue = no open invoice past due;
    // a long relationship = invoiced in the ledger's first month (2023-11).
    const rows = await q(`
      select s.client_id, s.grade from client_scores s join clients c using (client_id)
      where s.month_end = date '2026-10-31' and c.external_rating in ('A', 'B') and c.legal_status = 'Actif'
        and s.client_id not in (select client_id from invoices where open_amount > 0 and days_past_due > 0)
        and s.client_id in (select client_id from invoices where issue_date < date '2023-12-01')
        and s.grade = 'E'`);
    expect(rows).toEqual([]);
  });

  it('gives every grade below A at least one reason', async () => {
    expect(await q(`select count(*) as n from client_scores where grade > 'A' and reason_1 is null`)).toEqual([{ n: 0 }]);
  });

  it('keeps at least 90 % of the clients in their grade from one month end to the next', async () => {
    // Every client scored at two consecutive month ends (36 month ends of history): the share whose
    // grade did not move. Before grades were held, 67.4 % (C01128 went D, E, D, E… paying 40–45 days late).
    const [row] = await q(`select avg((next.grade = now.grade)::integer) as kept from client_scores as now
      join client_scores as next on next.client_id = now.client_id and next.month_end = last_day(now.month_end + interval 1 month)`);
    expect(row!.kept as number).toBeGreaterThanOrEqual(0.9);
  });

  it('ranks defaulters out of time at least as well as before grades were held (AUC 0.768)', async () => {
    const [row] = await q(`select auc from score_validation where rule = 'model'`);
    expect(row!.auc as number).toBeGreaterThanOrEqual(0.768);
  });

  it('never gives a riskier band more points than a safer one of the same criterion', async () => {
    // Band 1 is the safest; band 0 (no data) stands apart. Before the bands were pooled, limit usage
    // 80–100 % scored 4 against 3 for 50–80 %, disputes over 5 % −2 against −3, tenure under 6 months −2 against −4.
    const rows = await q(`select feature, band_order, points from score_model where band_order > 0 order by feature, band_order`);
    const reversed = rows.filter((r, i) => i > 0 && rows[i - 1]!.feature === r.feature && (r.points as number) > (rows[i - 1]!.points as number));
    expect(reversed).toEqual([]);
    expect(new Set(rows.map((r) => r.feature)).size).toBe(7);
  });

  it('draws ROC curves whose area is the published AUC, for the score and the naive rule', async () => {
    const auc = Object.fromEntries((await q(`select rule, auc from score_validation where rule in ('model', 'naive')`)).map((r) => [r.rule, r.auc as number]));
    for (const rule of ['model', 'naive']) {
      const points = await q(`select share_non_defaults, share_defaults from score_roc where rule = '${rule}' order by point`);
      expect(trapezoids(points), rule).toBeCloseTo(auc[rule]!, 3);
    }
  });

  it('has grades whose observed default rate rises from the best grade to the worst', async () => {
    const rates = (await q(`select grade, default_rate from score_validation where rule = 'grade' and observations >= 30 order by grade`)).map((r) => r.default_rate as number);
    expect(rates.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1]!);
  });
});

/** The area under ROC points joined by straight segments, computed here from the points alone. */
function trapezoids(points: Row[]): number {
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    area += ((b.share_non_defaults as number) - (a.share_non_defaults as number)) * ((a.share_defaults as number) + (b.share_defaults as number)) / 2;
  }
  return area;
}

/** credit_limits on hand-made inputs with the limit settings as the runner sets them. */
async function creditLimits(settings: { marginDays: number; roundingAmount: number; smallRoundingAmount: number; smallLimitBelow: number }): Promise<Row[]> {
  const { readSqlFiles, modelsDir, orderedModels } = await import('../../etl/model-graph.ts');
  const db = await openDatabase();
  try {
    await db.run(readSqlFiles(modelsDir).find((f) => f.name === 'macros')!.sql);
    await db.run(`set variable as_of_date = date '2024-05-31'; set variable limit_sales_months = 12; set variable limit_margin_days = ${settings.marginDays};
      set variable limit_grade_factors = map {'A': 1.0, 'B': 0.8, 'C': 0.6, 'D': 0.3, 'E': 0.0}; set variable limit_rounding_amount = ${settings.roundingAmount};
      set variable limit_small_rounding_amount = ${settings.smallRoundingAmount}; set variable limit_small_below = ${settings.smallLimitBelow}`);
    const invoices = [
      ...['X', 'Y', 'Z', 'W', 'P', 'I'].flatMap((c) => [30, 45, 60].map((terms, i) => `('${c}${i}', '${c}', 'invoice', date '2024-03-01', date '2024-03-01' + ${terms}, 12000.00)`)),
      ...[30, 45, 60].map((terms, i) => `('L${i}', 'L', 'invoice', date '2024-03-01', date '2024-03-01' + ${terms}, 20000.00)`),
      `('V0', 'V', 'invoice', date '2024-03-01', date '2024-03-31', 300.00)`,
    ];
    await db.run(`create table int_invoices as select * from (values ${invoices.join(', ')}) t(invoice_id, client_id, kind, issue_date, due_date, amount)`);
    await db.run(`create table client_risk as select * from (values ('X', 'B', 'score', null), ('Y', 'A', 'score', null), ('Z', 'E', 'score', null), ('W', 'C', 'fallback', null),
      ('P', 'E', 'score', 'receivership'), ('I', 'A', 'score', null), ('L', 'A', 'score', null), ('V', 'C', 'score', null)) t(client_id, grade, grade_source, collective_procedure)`);
    await db.run(`create table clients as select * from (values ('X', 6000.00, 5000.00, 500.00, 7000.00), ('Y', null, null, null, 2000.00), ('Z', 1000.00, null, null, 0.00),
      ('W', null, null, null, 0.00), ('P', null, null, null, 36000.00), ('I', 5000.00, 0.00, null, 3000.00), ('L', null, null, null, 0.00), ('V', null, null, null, 300.00))
      t(client_id, credit_limit, insured_limit, guarantee_amount, receivables_amount)`);
    return await db.rows(orderedModels().find((m) => m.name === 'credit_limits')!.sql);
  } finally {
    db.close();
  }
}

describe('credit_limits', () => {
  it('recommends a limit from sales, terms and the one grade, capped by insurance, and says why a limit is 0', async () => {
    // Each of X, Y, Z, W, P, I invoiced 3 × 12,000 in the last 12 months with terms of 30, 45 and 60 days:
    // monthly sales 36,000 / 12 = 3,000; median terms 45 → × (45 + 30) / 30 = 7,500 before the grade.
    // X, grade B: 7,500 × 0.8 = 6,000, capped by insured 5,000 + guarantee 500 = 5,500 (below 10,000: steps of 100).
    //   Exposure 7,000 on a 6,000 limit → usage 7,000 / 6,000, over limit, over the insured cover; uninsured 1,500.
    // Y, grade A, no insurance: 7,500; exposure 2,000, no limit granted; all of it uninsured.
    // Z, grade E: 0 (grade_e). W, fallback grade C: 7,500 × 0.6 = 4,500. P, in receivership: 0 (collective_procedure).
    // I, grade A, insured limit 0 and no guarantee: capped at 0 (insurer_refused); exposure 3,000 over the cover.
    // L, grade A: 3 × 20,000 → 5,000 a month × 75 / 30 = 12,500 → from 10,000 up, steps of 1,000 → 12,000.
    // V, grade C, one invoice of 300 on 30 days: 25 a month × 60 / 30 × 0.6 = 30 → 0 by rounding, so one step: 100.
    const byClient = Object.fromEntries((await creditLimits({ marginDays: 30, roundingAmount: 1000, smallRoundingAmount: 100, smallLimitBelow: 10000 })).map((r) => [r.client_id, r]));
    expect(byClient.X).toMatchObject({ grade: 'B', monthly_sales_amount: 3000, terms_days: 45, sales_based_limit_amount: 6000, recommended_limit_amount: 5500,
      zero_limit_reason: null, is_over_limit: true, is_over_insured_limit: true, uninsured_exposure_amount: 1500 });
    expect(byClient.X!.limit_usage).toBeCloseTo(7000 / 6000, 10);
    expect(byClient.Y).toMatchObject({ recommended_limit_amount: 7500, limit_usage: null, is_over_limit: false, is_over_insured_limit: false, uninsured_exposure_amount: 2000 });
    expect(byClient.Z).toMatchObject({ recommended_limit_amount: 0, zero_limit_reason: 'grade_e' });
    expect(byClient.W).toMatchObject({ grade: 'C', grade_source: 'fallback', recommended_limit_amount: 4500 });
    expect(byClient.P).toMatchObject({ recommended_limit_amount: 0, zero_limit_reason: 'collective_procedure' });
    expect(byClient.I).toMatchObject({ recommended_limit_amount: 0, zero_limit_reason: 'insurer_refused', is_over_insured_limit: true });
    expect(byClient.L).toMatchObject({ sales_based_limit_amount: 12500, recommended_limit_amount: 12000, zero_limit_reason: null });
    expect(byClient.V).toMatchObject({ sales_based_limit_amount: 30, recommended_limit_amount: 100, zero_limit_reason: null });
  });

  it('follows the configured margin and rounding steps', async () => {
    // No margin, steps of 500 below 10,000 and of 1,000 above. X: 3,000 × 45 / 30 = 4,500 × 0.8 = 3,600 → 3,500.
    // Y: 4,500 → 4,500. W: × 0.6 = 2,700 → 2,500. L: 5,000 × 45 / 30 = 7,500 → 7,500. V: 25 × 30 / 30 × 0.6 = 15 → one step, 500.
    const byClient = Object.fromEntries((await creditLimits({ marginDays: 0, roundingAmount: 1000, smallRoundingAmount: 500, smallLimitBelow: 10000 })).map((r) => [r.client_id, r.recommended_limit_amount]));
    expect(byClient).toMatchObject({ X: 3500, Y: 4500, Z: 0, W: 2500, L: 7500, V: 500 });
  });
});

/**
 * The grade of hand-made bands: int_score_totals → int_score_pd → client_scores on the given points,
 * bands and features, with the expert line (log-odds of default = ln(0.05 / 0.95) − total
 * = −2.944439 − total) and the default settings (bounds 3, 8, 15, 30 %; half-life 3 months;
 * grades held within 3 points). bands: [month end, client, feature, band]; features: [month end,
 * client, external rating, legal status, max days past due, in default].
 */
async function gradeChain(points: [string, number, number][], bands: [string, string, string, number][],
  features: [string, string, string | null, string | null, number, boolean][]): Promise<Row[]> {
  const { orderedModels, readSqlFiles, modelsDir } = await import('../../etl/model-graph.ts');
  const text = (v: string | null) => (v === null ? 'null' : `'${v}'`);
  const db = await openDatabase();
  try {
    await db.run(readSqlFiles(modelsDir).find((f) => f.name === 'macros')!.sql);
    await db.run(`set variable score_grade_pd_bounds = [0.03, 0.08, 0.15, 0.3]::double[]; set variable score_smoothing_half_life_months = 3;
      set variable score_grade_hysteresis_points = 3`);
    await db.run(`create table int_score_points as select * from (values ${points.map(([f, b, w]) => `('${f}', ${b}, ${w})`).join(', ')}) t(feature, band_order, woe)`);
    await db.run(`create table int_score_bands as select month_end, client_id, null::varchar as sample, null::boolean as defaults_within_12m, feature, band_order
      from (values ${bands.map(([m, c, f, b]) => `(date '${m}', '${c}', '${f}', ${b})`).join(', ')}) t(month_end, client_id, feature, band_order)`);
    await db.run(`create table int_score_calibration as select * from (values ('expert', 1, -20.0, ln(0.05 / 0.95) + 20), ('expert', 2, 20.0, ln(0.05 / 0.95) - 20))
      t(method, knot, total_woe, log_odds)`);
    await db.run(`create table int_score_features as select * from (values ${features.map(([m, c, rating, status, dpd, inDefault]) =>
      `(date '${m}', '${c}', ${text(rating)}::varchar, ${text(status)}::varchar, ${dpd}, ${inDefault})`).join(', ')})
      t(month_end, client_id, external_rating, legal_status, max_days_past_due, is_in_default)`);
    const models = orderedModels();
    for (const name of ['int_score_totals', 'int_score_pd']) await db.run(`create table ${name} as ${models.find((m) => m.name === name)!.sql}`);
    return await db.rows(`select * from (${models.find((m) => m.name === 'client_scores')!.sql}) order by client_id, month_end`);
  } finally {
    db.close();
  }
}

/** Each client's features at one month end, nothing in default, as gradeChain takes them. */
const oneMonth = (monthEnd: string, clients: Record<string, number[]>, names: string[]): [string, string, string, number][] =>
  Object.entries(clients).flatMap(([client, orders]) => orders.map((band, i) => [monthEnd, client, names[i]!, band] as [string, string, string, number]));

describe('client_scores reasons', () => {
  it('gives every grade below A the bands that cost the most points against the best band, after an override', async () => {
    // Four features, band 1 the best: a +0.5 / −0.5, b +0.3 / −1.0, c +0.2 / 0.0, d +0.1 / −0.1.
    // Cost of band 2 against band 1: a 1.0, b 1.3, c 0.2, d 0.2 → points 8 × cost / ln 2: 12, 15, 2, 2.
    // One month end: nothing to smooth.
    const rows = await gradeChain([['a', 1, 0.5], ['a', 2, -0.5], ['b', 1, 0.3], ['b', 2, -1.0], ['c', 1, 0.2], ['c', 2, 0.0], ['d', 1, 0.1], ['d', 2, -0.1]],
      oneMonth('2025-01-31', { X: [1, 1, 1, 1], Y: [2, 1, 2, 1], Z: [2, 2, 2, 2] }, ['a', 'b', 'c', 'd']),
      [['2025-01-31', 'X', 'B', 'Actif', 0, false], ['2025-01-31', 'Y', 'D', null, 0, false], ['2025-01-31', 'Z', null, 'Redressement judiciaire', 40, true]]);
    // X: every band the best, total 1.1 → odds 0.05 / 0.95 × e^−1.1 = 0.017519 → pd 0.017217: A, no reason; rating B changes nothing.
    // Y: total −0.5 + 0.3 + 0 + 0.1 = −0.1 → odds 0.052632 × e^0.1 = 0.058168 → pd 0.054970 (B); its rating D caps it at C:
    //    pd raised to 0.08 → C. Reasons: the rating, then a (12 points), then c (2).
    // Z: total −1.6 → odds 0.052632 × e^1.6 = 0.260686 → pd 0.206781 (D); in redressement judiciaire → pd 0.9999, E.
    //    Reasons: the procedure, b (15), a (12); c and d (2 each) come after.
    expect(rows.map(({ client_id, grade, pd_model, pd_12m, override, reason_1, reason_1_band_order, reason_1_points, reason_2, reason_2_points, reason_3, reason_3_points }) =>
      ({ client_id, grade, pd_model, pd_12m, override, reason_1, reason_1_band_order, reason_1_points, reason_2, reason_2_points, reason_3, reason_3_points }))).toEqual([
      { client_id: 'X', grade: 'A', pd_model: expect.closeTo(0.017217, 5), pd_12m: expect.closeTo(0.017217, 5), override: null,
        reason_1: null, reason_1_band_order: null, reason_1_points: null, reason_2: null, reason_2_points: null, reason_3: null, reason_3_points: null },
      { client_id: 'Y', grade: 'C', pd_model: expect.closeTo(0.05497, 5), pd_12m: 0.08, override: 'external_rating',
        reason_1: 'external_rating', reason_1_band_order: 4, reason_1_points: null, reason_2: 'a', reason_2_points: 12, reason_3: 'c', reason_3_points: 2 },
      { client_id: 'Z', grade: 'E', pd_model: expect.closeTo(0.206781, 5), pd_12m: 0.9999, override: 'collective_procedure',
        reason_1: 'collective_procedure', reason_1_band_order: null, reason_1_points: null, reason_2: 'b', reason_2_points: 15, reason_3: 'a', reason_3_points: 12 },
    ]);
  });
});

describe('client_scores overrides', () => {
  // Four features, band 1 the best: max_days_past_due +0.4 / −0.6, days_late_12m +0.3 / −1.8,
  // share_disputed +0.1 / −1.2, tenure_months (1 = long-standing) +0.2 / −0.7. The expert line:
  // log-odds of default = ln(0.05 / 0.95) − total = −2.944439 − total.
  const points: [string, number, number][] = [['max_days_past_due', 1, 0.4], ['max_days_past_due', 2, -0.6], ['days_late_12m', 1, 0.3], ['days_late_12m', 2, -1.8],
    ['share_disputed', 1, 0.1], ['share_disputed', 2, -1.2], ['tenure_months', 1, 0.2], ['tenure_months', 2, -0.7]];
  const names = ['max_days_past_due', 'days_late_12m', 'share_disputed', 'tenure_months'];

  it('never grades E a client with nothing overdue, an external rating B and a long relationship', async () => {
    // G: nothing overdue (max DPD band 1, +0.4), long-standing (tenure band 1, +0.2), but paid late
    // (days late band 2, −1.8) and much disputed (band 2, −1.2): total −2.4 → log-odds −2.944439 + 2.4
    // = −0.544439 → pd_model = 1 / (1 + e^0.544439) = 1 / 2.723641 = 0.367156: E by the scorecard alone.
    // Its rating B with max DPD 0 keeps it out of E: pd_12m = 0.30 − 0.0001 = 0.2999 → D, override
    // 'external_rating'; score 50 + 8 × log2(0.7001 / 0.2999) = 59.78. Reasons: the rating (level 2),
    // then days late (cost 0.3 + 1.8 = 2.1 → 8 × 2.1 / ln 2 = 24 points), disputes (1.3 → 15).
    // H: the same bands and rating, but something overdue (max DPD 5, band 2: −0.6 instead of +0.4):
    // total −3.4 → log-odds 0.455561 → pd 0.611961, E; the rating does not help a client already late.
    const rows = await gradeChain(points, oneMonth('2025-02-28', { G: [1, 2, 2, 1], H: [2, 2, 2, 1] }, names),
      [['2025-02-28', 'G', 'B', 'Actif', 0, false], ['2025-02-28', 'H', 'B', 'Actif', 5, false]]);
    expect(rows.map(({ month_end, client_id, grade, pd_model, pd_12m, score, override, reason_1, reason_1_band_order, reason_2, reason_2_points, reason_3, reason_3_points }) =>
      ({ month_end, client_id, grade, pd_model, pd_12m, score, override, reason_1, reason_1_band_order, reason_2, reason_2_points, reason_3, reason_3_points }))).toEqual([
      { month_end: '2025-02-28', client_id: 'G', grade: 'D', pd_model: expect.closeTo(0.367156, 5), pd_12m: 0.2999, score: expect.closeTo(59.785, 3),
        override: 'external_rating', reason_1: 'external_rating', reason_1_band_order: 2, reason_2: 'days_late_12m', reason_2_points: 24,
        reason_3: 'share_disputed', reason_3_points: 15 },
      { month_end: '2025-02-28', client_id: 'H', grade: 'E', pd_model: expect.closeTo(0.611961, 5), pd_12m: expect.closeTo(0.611961, 5), score: expect.any(Number),
        override: null, reason_1: 'days_late_12m', reason_1_band_order: 2, reason_2: 'share_disputed', reason_2_points: 15,
        reason_3: 'max_days_past_due', reason_3_points: 12 },
    ]);
    expect(rows.find((r) => r.client_id === 'G')!.pd_12m as number).toBeLessThanOrEqual(0.2999);
  });

  it('grades E every month end from the judgment opening a collective procedure, as int_score_features dates it', async () => {
    // P: every band the best, total 0.4 + 0.3 + 0.1 + 0.2 = 1.0 → log-odds −3.944439 → pd 1 / (1 + e^3.944439)
    // = 0.018994: A at 2025-01-31, before its judgment (int_score_features gives no status then). From
    // the judgment (15 Feb) on, the status is there: 2025-02-28 and 2025-03-31 are E at 99.99 %,
    // score 50 + 8 × log2(0.0001 / 0.9999) → 0, at once: an override is not held back.
    const months = ['2025-01-31', '2025-02-28', '2025-03-31'];
    const rows = await gradeChain(points, months.flatMap((m) => oneMonth(m, { P: [1, 1, 1, 1] }, names)),
      [['2025-01-31', 'P', null, null, 0, false], ['2025-02-28', 'P', null, 'Redressement judiciaire', 0, true], ['2025-03-31', 'P', null, 'Redressement judiciaire', 0, true]]);
    expect(rows.map((r) => [r.month_end, r.grade, r.pd_12m, r.override, r.reason_1])).toEqual([
      ['2025-01-31', 'A', expect.closeTo(0.018994, 5), null, null],
      ['2025-02-28', 'E', 0.9999, 'collective_procedure', 'collective_procedure'],
      ['2025-03-31', 'E', 0.9999, 'collective_procedure', 'collective_procedure'],
    ]);
    expect(rows.map((r) => r.score)).toEqual([expect.closeTo(50 + 8 * Math.log2((1 - 0.018994) / 0.018994), 2), 0, 0]);
  });
});

describe('grades that hold', () => {
  // One feature, band 1 the best: 0.0; band 2 −1.0 (paying 40–45 days late); band 3 −1.5 (the same
  // client with an invoice a few days older at the month end); band 4 −3.0 (stopped paying).
  // Alone, a month end's total t gives log-odds −2.944439 − t: band 2 → pd 12.52 % (C), band 3 →
  // 19.09 % (D), band 4 → 51.39 % (E).
  // Smoothed: month end k (0 = January) weighs 2^(k / 3): 1, 1.259921, 1.587401, 2, 2.519842.
  // Held: leaving C for D takes log-odds ≥ ln(0.15 / 0.85) + 3 × ln 2 / 8 = −1.734601 + 0.259930,
  // i.e. pd ≥ 18.62 %; leaving D for E, pd ≥ 35.72 % (ln(0.3 / 0.7) + 0.259930 = −0.587368).
  const points: [string, number, number][] = [['days_late_12m', 1, 0.0], ['days_late_12m', 2, -1.0], ['days_late_12m', 3, -1.5], ['days_late_12m', 4, -3.0]];
  const months = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31'];
  const history = (client: string, orders: number[], inDefault: boolean[] = []) => ({
    bands: orders.map((band, k) => [months[k]!, client, 'days_late_12m', band] as [string, string, string, number]),
    features: orders.map((_, k) => [months[k]!, client, null, null, 40, inDefault[k] ?? false] as [string, string, null, null, number, boolean]),
  });

  it('keeps the grade of a client hovering at an edge, and moves one that deteriorates or defaults', async () => {
    // H alternates bands 2, 3, 2, 3: by its month ends alone C, D, C, D.
    //   Jan −1.0 → C. Feb (−1.0 + 1.259921 × −1.5) / 2.259921 = −1.278753 → log-odds −1.665686, pd 15.90 %:
    //   D by the PD but short of 18.62 %, C held. Mar (−2.889882 + 1.587401 × −1.0) / 3.847322 = −1.163740
    //   → pd 14.42 %, C. Apr (−4.477283 + 2 × −1.5) / 5.847322 = −1.278753 → 15.90 %, C held.
    // X goes from band 2 to 3, then stops paying (band 4) without a default yet:
    //   Jan C; Feb as H, C held. Mar (−2.889882 + 1.587401 × −3.0) / 3.847322 = −1.988938 → log-odds
    //   −0.955501, pd 27.78 %: beyond 18.62 %, D. Apr (−7.652085 − 6) / 5.847322 = −2.334758 → 35.21 %:
    //   E by the PD, short of 35.72 %, D held. May (−13.652085 + 2.519842 × −3) / 8.367164 = −2.535102 → 39.91 %: E.
    // Y: bands 2, 2, then in default at March (band 4): a default is no noise, its month end alone
    //   counts: −3.0 → 51.39 %, E at once.
    const h = history('H', [2, 3, 2, 3]);
    const x = history('X', [2, 3, 4, 4, 4]);
    const y = history('Y', [2, 2, 4], [false, false, true]);
    const rows = await gradeChain(points, [...h.bands, ...x.bands, ...y.bands], [...h.features, ...x.features, ...y.features]);
    const of = (client: string) => rows.filter((r) => r.client_id === client);
    expect(of('H').map((r) => [r.grade, r.is_grade_held])).toEqual([['C', false], ['C', true], ['C', false], ['C', true]]);
    expect(of('H').map((r) => r.pd_12m)).toEqual([0.125161, 0.159, 0.144217, 0.159].map((pd) => expect.closeTo(pd, 5)));
    expect(of('X').map((r) => [r.grade, r.is_grade_held])).toEqual([['C', false], ['C', true], ['D', false], ['D', true], ['E', false]]);
    expect(of('X').map((r) => r.pd_12m)).toEqual([0.125161, 0.159, 0.27778, 0.352132, 0.399071].map((pd) => expect.closeTo(pd, 5)));
    expect(of('Y').map((r) => r.grade)).toEqual(['C', 'C', 'E']);
    expect(of('Y').at(-1)!.pd_12m).toBeCloseTo(0.513887, 5);
    // H's reason in April: days late, 1.278753 of log-odds smoothed → 8 × 1.278753 / ln 2 = 14.76 → 15
    // points, in the band of its month end (3).
    expect(of('H').at(-1)).toMatchObject({ reason_1: 'days_late_12m', reason_1_band_order: 3, reason_1_points: 15, raw_points: -17, smoothed_points: -15 });
  });

  it('says whether a reason’s band is the client’s now or only the costliest of the last 12 months', async () => {
    // Costs against band 1: band 2 1.0, band 3 1.5. Smoothing weights: January 1, February 1.259921.
    // L: band 3 in January, band 1 (the best, costing nothing) in February. January: band 3, its own,
    //   8 × 1.5 / ln 2 = 17.31 → 17 points, current. February: its band costs nothing, so the reason
    //   is the costliest band of the window, 3, no longer its own: (1 × 1.5 + 1.259921 × 0) / 2.259921
    //   = 0.663740 → 8 × 0.663740 / ln 2 = 7.66 → 8 points, not current (the site says "in the last
    //   12 months"). S: band 3 then band 2, which still costs: the reason is February's band 2, current,
    //   (1.5 + 1.259921 × 1.0) / 2.259921 = 1.221247 → 14.10 → 14 points.
    const l = history('L', [3, 1]);
    const s = history('S', [3, 2]);
    const rows = await gradeChain(points, [...l.bands, ...s.bands], [...l.features, ...s.features]);
    expect(rows.map((r) => [r.client_id, r.month_end, r.reason_1, r.reason_1_band_order, r.reason_1_points, r.reason_1_is_current])).toEqual([
      ['L', '2025-01-31', 'days_late_12m', 3, 17, true],
      ['L', '2025-02-28', 'days_late_12m', 3, 8, false],
      ['S', '2025-01-31', 'days_late_12m', 3, 17, true],
      ['S', '2025-02-28', 'days_late_12m', 2, 14, true],
    ]);
  });
});

describe('int_score_points', () => {
  it('pools adjacent bands until the weight of evidence falls from the safest band to the riskiest', async () => {
    // Training rows by band (goods, defaults), smoothed by ½ each:
    // tenure: 1 (99, 1), 2 (39, 1), 3 (79, 1): odds 99.5 / 1.5 = 66.33, 39.5 / 1.5 = 26.33, 79.5 / 1.5 = 53
    //   — under 6 months safer than 6–24 months: bands 2 and 3 pooled, 119 / 3 = 39.67.
    //   WoE = ln(odds × 4.5 / 218.5) (all defaults 4.5, all goods 218.5): band 1 ln(1.366133) = 0.311984;
    //   2 and 3 ln(0.816934) = −0.202197 (apart they were −0.611873 and +0.087583).
    // limit_usage: 0 (9, 1), 1 (99, 1), 2 (39, 1), 3 (59, 1), 4 (49, 0): odds 6.33, 66.33, 26.33, 39.67, 99.
    //   Band 0 (no limit) stands apart. 3 above 2: pooled, 99 / 3 = 33; 4 above that: pooled, 148.5 / 3.5 = 42.43.
    //   WoE = ln(odds × 6.5 / 257.5): band 0 −1.833391, band 1 0.515475, bands 2–4 ln(1.071013) = 0.068604.
    const counts: [string, number, number, number][] = [['tenure', 1, 99, 1], ['tenure', 2, 39, 1], ['tenure', 3, 79, 1],
      ['limit_usage', 0, 9, 1], ['limit_usage', 1, 99, 1], ['limit_usage', 2, 39, 1], ['limit_usage', 3, 59, 1], ['limit_usage', 4, 49, 0]];
    const bands = counts.map(([feature, band, goods, bads]) => `select date '2024-01-31' as month_end, 'c' || i as client_id, 'training' as sample,
      i < ${bads} as defaults_within_12m, '${feature}' as feature, ${band} as band_order from range(${goods + bads}) t(i)`).join(' union all ');
    const rows = await runModel('int_score_points', {
      int_score_bands: bands,
      int_score_features: `select 'training' as sample, true as defaults_within_12m`,
    }, { score_min_training_month_ends: 1, score_min_training_defaults: 1 });
    const woe = (feature: string) => rows.filter((r) => r.feature === feature).sort((a, b) => Number(a.band_order) - Number(b.band_order)).map((r) => r.woe);
    expect(woe('tenure')).toEqual([0.311984, -0.202197, -0.202197].map((w) => expect.closeTo(w, 5)));
    expect(woe('limit_usage')).toEqual([-1.833391, 0.515475, 0.068604, 0.068604, 0.068604].map((w) => expect.closeTo(w, 5)));
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['fitted']));
  });
});
