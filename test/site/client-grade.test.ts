// One grade on a client's page: every place that shows a client's grade now (the score panel, the
// collections panel, its alerts, its dunning rows) gives the one grade the product uses
// (client_risk), never the grade of the client's last score when that score is older than the
// latest month end. Loaders run on a small warehouse written here; the expected values are its rows.
import { describe, expect, it } from 'vitest';

import { runModel } from '../helpers.ts';
import { siteReading, testManifest, typedWarehouse } from './site-warehouse.ts';

// As of 31 October 2026; the latest month end scored is 31 October.
// X was scored at 31 August (A) and 30 September (B, 72/100, its days late costing 12 points), but
// not at 31 October (nothing open, nothing invoiced): client_risk gives it the fallback C
// (PD 5 %, no score, no reasons). Y was scored at both month ends: C then D (41/100).
const warehouse = () => typedWarehouse({
  client_scores: [
    { client_id: "'X'", month_end: "'2026-08-31'", grade: "'A'", score: '85', pd_12m: '0.01' , raw_points: '0', smoothed_points: '0', method: "'expert'", is_grade_held: 'false' },
    { client_id: "'X'", month_end: "'2026-09-30'", grade: "'B'", score: '72', pd_12m: '0.03', reason_1: "'days_late_12m'", reason_1_band_order: '3', reason_1_points: '12' , raw_points: '0', smoothed_points: '0', method: "'expert'", is_grade_held: 'false' },
    { client_id: "'Y'", month_end: "'2026-09-30'", grade: "'C'", score: '60', pd_12m: '0.08', reason_1: "'share_over_60'", reason_1_band_order: '2', reason_1_points: '9' , raw_points: '0', smoothed_points: '0', method: "'expert'", is_grade_held: 'false' },
    { client_id: "'Y'", month_end: "'2026-10-31'", grade: "'D'", score: '41', pd_12m: '0.12', reason_1: "'max_days_past_due'", reason_1_band_order: '4', reason_1_points: '20',
      reason_2: "'days_late_12m'", reason_2_band_order: '5', reason_2_points: '15', raw_points: '0', smoothed_points: '0', method: "'expert'", is_grade_held: 'false' },
  ],
  client_risk: [
    { client_id: "'X'", month_end: "'2026-10-31'", grade: "'C'", pd_12m: '0.05', grade_source: "'fallback'" , raw_points: '0', smoothed_points: '0', method: "'expert'", is_grade_held: 'false' },
    { client_id: "'Y'", month_end: "'2026-10-31'", score: '41', grade: "'D'", pd_12m: '0.12', grade_source: "'score'" },
  ],
  // The marts that carry the grade take it from client_risk (alerts.sql, dunning.sql).
  alerts: [{ alert: "'over_limit'", client_id: "'X'", first_seen_date: "'2026-10-31'", amount: '5000.00', limit_amount: '4000.00', detail: "'exposure …'", grade: "'C'", pd_12m: '0.05', grade_source: "'fallback'" }],
  dunning: [{ client_id: "'X'", invoice_id: "'F1'", stage: "'reminder_1'", scheduled_stage: "'reminder_1'", priority: '1', grade: "'C'", pd_12m: '0.05', grade_source: "'fallback'", open_amount: '100.00', days_from_due: '20', is_disputed: 'false', shift_days: '0', is_post_judgment: 'false' }],
  // dunning_groups.sql groups the dunning rows, grade included.
  dunning_groups: [{ client_id: "'X'", stage: "'reminder_1'", scheduled_stage: "'reminder_1'", is_disputed: 'false', is_post_judgment: 'false', shift_days: '0', grade: "'C'", invoice_ids: "'F1'", invoice_count: '1', open_amount: '100.00', days_from_due: '20', days_from_due_max: '20', client_invoice_count: '1', priority: '1' }],
}, testManifest('2026-10-31', '2026-11-01T00:00:00Z'), 'encours-client-grade-');

describe('the grade on a client’s page', () => {
  it('a client not scored at the latest month end gets its fallback grade in client_risk, with no reasons, not its last score’s', async () => {
    // client_risk on X and Y's scores (as above): the latest month end scored is 31 October, where
    // only Y is scored (D, 41/100, PD 12 %). X falls back to the average PD of the clients scored
    // then, Y's 12 %, graded C with the default bounds (8 % ≤ 12 % < 15 %); its 30 September
    // reasons explain B, not C, so it has none.
    const reasons = 'reason_1, reason_1_band_order, reason_1_points, reason_2, reason_2_band_order, reason_2_points, reason_3, reason_3_band_order, reason_3_points, reason_1_is_current, reason_2_is_current, reason_3_is_current';
    const rows = await runModel('client_risk', {
      client_scores: `select * from (values
        ('X', date '2026-08-31', 85.0, 'A', 0.01, null, null, null, null, null, null, null, null, null, null, null, null),
        ('X', date '2026-09-30', 72.0, 'B', 0.03, 'days_late_12m', 3, 12, null, null, null, null, null, null, true, null, null),
        ('Y', date '2026-09-30', 60.0, 'C', 0.08, 'share_over_60', 2, 9, null, null, null, null, null, null, true, null, null),
        ('Y', date '2026-10-31', 41.0, 'D', 0.12, 'max_days_past_due', 4, 20, 'days_late_12m', 5, 15, null, null, null, true, false, null)
      ) t(client_id, month_end, score, grade, pd_12m, ${reasons})`,
      clients: `select * from (values ('X', null::varchar, null::date), ('Y', null, null)) t(client_id, legal_status, procedure_date)`,
    }, { score_grade_pd_bounds: [0.03, 0.08, 0.15, 0.3] });
    const byClient = new Map(rows.map((r) => [r.client_id, r]));
    expect(byClient.get('X')).toEqual({
      client_id: 'X', month_end: '2026-10-31', grade: 'C', pd_12m: 0.12, grade_source: 'fallback', score: null, collective_procedure: null, procedure_date: null,
      reason_1: null, reason_2: null, reason_3: null, reason_1_band_order: null, reason_2_band_order: null, reason_3_band_order: null,
      reason_1_points: null, reason_2_points: null, reason_3_points: null, reason_1_is_current: null, reason_2_is_current: null, reason_3_is_current: null,
    });
    // Y: its 31 October score with that month end's reasons, not September's.
    expect(byClient.get('Y')).toMatchObject({ grade: 'D', score: 41, pd_12m: 0.12, grade_source: 'score', reason_1: 'max_days_past_due', reason_1_points: 20, reason_2: 'days_late_12m', reason_2_points: 15, reason_2_is_current: false, reason_3: null });
  });

  it('gives the same grade in the collections panel, the alerts and the dunning rows, while the history keeps the past scores', async () => {
    const read = await siteReading(await warehouse());
    expect((await read.read('client_risk')).find((r) => r.client_id === 'X')).toMatchObject({ grade: 'C', grade_source: 'fallback' });
    expect((await read.read('alerts')).map((r) => [r.client_id, r.grade])).toEqual([['X', 'C']]);
    expect((await read.read('dunning_groups')).map((r) => [r.client_id, r.grade])).toEqual([['X', 'C']]);
    // The score history table: X's month ends as scored, the last one 30 September (B).
    expect((await read.read('client_scores', { client_id: 'X' })).map((r) => [r.month_end, r.grade])).toEqual([['2026-08-31', 'A'], ['2026-09-30', 'B']]);
  });
});
