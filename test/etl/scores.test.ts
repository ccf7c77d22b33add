// The credit score: validation statistics on a hand-made set, the expert fallback on a short
// history, and the published validation on the sample.
import { join } from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { buildWarehouse, fixturesDir, queryWarehouse, runModel } from '../helpers.ts';

describe('score_validation', () => {
  it('computes AUC, Gini, KS and default rates by grade as worked out by hand', async () => {
    // Ten clients at 2024-06-30, outcome known. Defaulters P1–P4 with score points −10, −8, −3, 0;
    // non-defaulters N1–N6 with −9, −2, 1, 2, 5, 6 (fewer points = riskier).
    // AUC: of the 24 (defaulter, non-defaulter) pairs, the defaulter is riskier in 6 + 5 + 5 + 4 = 20 → 0.8333; Gini 0.6667.
    // KS: from the riskiest, cumulative shares (defaulters, non-defaulters) reach (1, 2/6) after 0 points → 2/3.
    // Naive rule, max days past due: P 60, 30, 30, 0; N 45, 30, 0, 0, 0, 0: pairs won 6 + 4.5 + 4.5 + 2 (ties ½) = 17 → 0.7083.
    // Grades: E P1 P2 → 2/2; D P3 N1 → 1/2; C P4 N2 N3 → 1/3; B N4 → 0; A N5 N6 → 0.
    const clients = [
      ['P1', true, -10, 60, 'E'], ['P2', true, -8, 30, 'E'], ['P3', true, -3, 30, 'D'], ['P4', true, 0, 0, 'C'],
      ['N1', false, -9, 45, 'D'], ['N2', false, -2, 30, 'C'], ['N3', false, 1, 0, 'C'], ['N4', false, 2, 0, 'B'], ['N5', false, 5, 0, 'A'], ['N6', false, 6, 0, 'A'],
    ] as const;
    const values = (f: (c: (typeof clients)[number]) => string) => clients.map(f).join(', ');
    const rows = await runModel('score_validation', {
      int_score_features: `select * from (values ${values((c) => `('${c[0]}', date '2024-06-30', ${c[1]}, ${c[3]}, true)`)}) t(client_id, month_end, defaults_within_12m, max_days_past_due, is_outcome_known)`,
      client_scores: `select * from (values ${values((c) => `('${c[0]}', date '2024-06-30', ${c[2]}, '${c[4]}')`)}) t(client_id, month_end, raw_points, grade)`,
    });
    const byRule = Object.fromEntries(rows.filter((r) => r.rule !== 'grade').map((r) => [r.rule, r]));
    expect(byRule.model!.auc).toBeCloseTo(20 / 24, 10);
    expect(byRule.model!.gini).toBeCloseTo(2 * (20 / 24) - 1, 10);
    expect(byRule.model!.ks).toBeCloseTo(2 / 3, 10);
    expect(byRule.naive!.auc).toBeCloseTo(17 / 24, 10);
    expect(byRule.model!.verdict).toBe('The score ranks defaulters better than the maximum days past due alone.');
    const grades = Object.fromEntries(rows.filter((r) => r.rule === 'grade').map((r) => [r.grade, r.default_rate]));
    expect(grades.A).toBe(0);
    expect(grades.B).toBe(0);
    expect(grades.C).toBeCloseTo(1 / 3, 10);
    expect(grades.D).toBe(0.5);
    expect(grades.E).toBe(1);
  });
});

describe('a short history', () => {
  it('falls back to the expert scorecard, says so, and still scores every client', async () => {
    // test/fixtures/dunning: 2 clients over 4 months, far from 12 training month ends and 30 defaults.
    const wh = await buildWarehouse(join(fixturesDir, 'dunning'), { asOf: '2024-06-15' });
    expect(await wh.query(`select distinct method from score_model`)).toEqual([{ method: 'expert' }]);
    const scores = await wh.query(`select client_id, grade from client_scores where month_end = '2024-05-31' order by client_id`);
    expect(scores.map((s) => s.client_id)).toEqual(['RISKY', 'SAFE']);
    expect(await wh.query(`select distinct verdict from score_validation`)).toEqual([{ verdict: 'Not enough history to validate the score out of time.' }]);
  });
});

describe('on the sample', () => {
  const q = (sql: string) => queryWarehouse(inject('sampleWarehouse'), sql);

  it('is fitted on the company’s history and beats the naive rule out of time', async () => {
    expect(await q(`select distinct method from score_model`)).toEqual([{ method: 'fitted' }]);
    const rows = await q(`select rule, auc from score_validation where rule in ('model', 'naive') order by rule`);
    expect(rows[0]!.auc as number).toBeGreaterThan(rows[1]!.auc as number);
  });

  it('has grades whose observed default rate rises from the best grade to the worst', async () => {
    const rates = (await q(`select grade, default_rate from score_validation where rule = 'grade' and observations >= 30 order by grade`)).map((r) => r.default_rate as number);
    expect(rates.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1]!);
  });
});

describe('credit_limits', () => {
  it('recommends a limit from sales, terms and grade, capped by insurance, and measures exposure', async () => {
    // Each client invoiced 3 × 12,000 in the last 12 months with terms of 30, 45 and 60 days:
    // monthly sales 36,000 / 12 = 3,000; median terms 45 → × (45 + 30) / 30 = 7,500 before the grade.
    // X, grade B: 7,500 × 0.8 = 6,000, capped by insured 5,000 + guarantee 500 = 5,500. Exposure 7,000
    //   on a 6,000 limit → usage 7,000 / 6,000, over limit; uninsured 7,000 − 5,500 = 1,500.
    // Y, grade A, no insurance: 7,500; exposure 2,000, no limit granted; all of it uninsured.
    // Z, grade E: 0.
    const invoices = ['X', 'Y', 'Z'].flatMap((c) => [30, 45, 60].map((terms, i) => `('${c}${i}', '${c}', 'invoice', date '2024-03-01', date '2024-03-01' + ${terms}, 12000.00)`));
    const rows = await runModel('credit_limits', {
      int_invoices: `select * from (values ${invoices.join(', ')}) t(invoice_id, client_id, kind, issue_date, due_date, amount)`,
      client_scores: `select * from (values ('X', date '2024-05-31', 'B'), ('Y', date '2024-05-31', 'A'), ('Z', date '2024-05-31', 'E')) t(client_id, month_end, grade)`,
      clients: `select * from (values ('X', 6000.00, 5000.00, 500.00, 7000.00), ('Y', null, null, null, 2000.00), ('Z', 1000.00, null, null, 0.00))
                t(client_id, credit_limit, insured_limit, guarantee_amount, receivables_amount)`,
    }, { as_of_date: '2024-05-31' });
    const byClient = Object.fromEntries(rows.map((r) => [r.client_id, r]));
    expect(byClient.X).toMatchObject({ monthly_sales_amount: 3000, terms_days: 45, recommended_limit_amount: 5500, is_over_limit: true, uninsured_exposure_amount: 1500 });
    expect(byClient.X!.limit_usage).toBeCloseTo(7000 / 6000, 10);
    expect(byClient.Y).toMatchObject({ recommended_limit_amount: 7500, limit_usage: null, is_over_limit: false, uninsured_exposure_amount: 2000 });
    expect(byClient.Z).toMatchObject({ recommended_limit_amount: 0 });
  });
});

describe('int_score_features', () => {
  it('describes a client at a month end as worked out by hand', async () => {
    // Client A at 2024-05-31: a1 (600, due 1 Apr → 60 days past due) and a2 (400, due 1 Mar → 91 days)
    // open → max 91 days ('>90'), 400 / 1,000 beyond 60 days = 0.4 ('over 25%'); 1,000 on a 2,000
    // limit → 0.5 ('up to 50%'); first invoice 15 Nov 2023 → 6 whole months ('6-24 months'); days
    // late 20 over 3 months and 5 over 12 → trend +15 ('>+10'), 12-month band '1-10'. a2 is still
    // beyond 90 days at the next month end → default within 12 months; as-of 2025-06-30 ≥ 31 May
    // 2025, so that outcome is known.
    const rows = await runModel('int_score_features', {
      int_invoice_month_ends: `select * from (values
        (date '2024-05-31', 'a1', 'A', 'invoice', '31-60', 2, 600.00), (date '2024-05-31', 'a2', 'A', 'invoice', '91-180', 4, 400.00),
        (date '2024-06-30', 'a2', 'A', 'invoice', '91-180', 4, 400.00))
        t(month_end, invoice_id, client_id, kind, bucket, bucket_order, open_amount)`,
      int_invoices: `select * from (values ('a0', 'A', 'invoice', date '2023-11-15', date '2023-12-15'), ('a1', 'A', 'invoice', date '2024-03-01', date '2024-04-01'),
        ('a2', 'A', 'invoice', date '2024-02-01', date '2024-03-01')) t(invoice_id, client_id, kind, issue_date, due_date)`,
      int_days_late_trend: `select * from (values (date '2024-05-31', 'A', 20.0, 5.0)) t(reference_date, client_id, days_late_3m, days_late_12m)`,
      stg_clients: `select * from (values ('A', 2000.00, null)) t(client_id, credit_limit, reject_reason)`,
      int_credits: `select null::varchar as client_id, null::varchar as source_kind, null::date as credit_date where false`,
      ref_buckets: `select * from (values ('not_due', 0, -1000000, 0), ('1-30', 1, 1, 30), ('31-60', 2, 31, 60), ('61-90', 3, 61, 90), ('91-180', 4, 91, 180))
        t(bucket, bucket_order, min_days, max_days)`,
    }, { as_of_date: '2025-06-30' });
    const may = rows.find((r) => r.month_end === '2024-05-31')!;
    expect(may).toMatchObject({
      max_days_past_due: 91, share_over_60: 0.4, limit_usage: 0.5, tenure_months: 6, days_late_12m: 5, days_late_trend: 15,
      band_max_days_past_due: '>90', band_share_over_60: 'over 25%', band_limit_usage: 'up to 50%', band_tenure: '6-24 months',
      band_days_late_12m: '1-10', band_days_late_trend: '>+10', defaults_within_12m: true, is_outcome_known: true,
    });
  });
});
