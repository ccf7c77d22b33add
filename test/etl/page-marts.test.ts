// The marts that hold the rows pages show (roll-rate averages, the forecast's accuracy, the
// provision matrix by bucket, the overview's ageing history, the ageing tables), each run on a few hand-made rows.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, type Database } from '../../shared/duckdb.ts';
import { martFiles } from '../../etl/model-graph.ts';

let db: Database;
const mart = (name: string) => martFiles().find((m) => m.name === name)!.sql;

beforeAll(async () => {
  db = await openDatabase();
  await db.run(`create table buckets as select * from (values ('not_due', 0), ('1-30', 1), ('31-60', 2)) as t(bucket, bucket_order)`);
});
afterAll(() => db.close());

describe('roll_rate_averages', () => {
  it('averages each bucket over the latest 12 month ends, leaving a NULL month out rather than counting it as 0', async () => {
    // 13 month ends: the oldest (2024-01) is outside the 12. not_due: 0.10 every month, 0.90 in
    // the oldest → 0.10. 1-30: 0.20 and 0.40 in two months, NULL in the ten others → (0.20 + 0.40) / 2
    // = 0.30 (counting NULL as 0 would give 0.60 / 12 = 0.05). 31-60: no row → NULL.
    await db.run(`create or replace table roll_rates as
      select last_day(date '2024-01-01' + to_months(i)) as month_end, 'not_due' as bucket, 0 as bucket_order,
             case when i = 0 then 0.9 else 0.1 end::double as flow_rate, 0.0::double as writeoff_rate
      from range(13) as r(i)
      union all
      select last_day(date '2024-01-01' + to_months(i)), '1-30', 1,
             case i when 5 then 0.2 when 9 then 0.4 end::double, case i when 5 then 0.02 end::double
      from range(1, 13) as r(i)`);
    const rows = await db.rows(`select bucket, round(flow_rate, 6) as flow_rate, round(writeoff_rate, 6) as writeoff_rate, flow_month_ends from (${mart('roll_rate_averages')})`);
    expect(rows).toEqual([
      { bucket: 'not_due', flow_rate: 0.1, writeoff_rate: 0, flow_month_ends: 12 },
      { bucket: '1-30', flow_rate: 0.3, writeoff_rate: 0.02, flow_month_ends: 2 },
      { bucket: '31-60', flow_rate: null, writeoff_rate: null, flow_month_ends: 0 },
    ]);
  });
});

describe('forecast_accuracy', () => {
  it('is the weighted absolute percentage error over every backtested week, model and naive', async () => {
    // Two forecast dates. |forecast − actual|: |100 − 80| + |50 − 70| + |0 − 50| = 90; actual 200 → 0.45.
    // Naive: |200 − 80| + |0 − 70| + |50 − 50| = 190 → 0.95.
    await db.run(`create or replace table forecast_backtest as select * from (values
      (date '2024-01-31', 1, 100.00::decimal(18, 2), 200.00::decimal(18, 2), 80.00::decimal(18, 2)),
      (date '2024-01-31', 2, 50.00, 0.00, 70.00),
      (date '2024-02-29', 1, 0.00, 50.00, 50.00)) as t(forecast_date, week, forecast_amount, naive_amount, actual_amount)`);
    expect(await db.rows(mart('forecast_accuracy'))).toEqual([{ forecast_dates: 2, actual_amount: 200, model_error: 0.45, naive_error: 0.95 }]);
  });

  it('has no error when nothing was collected in the backtested weeks', async () => {
    await db.run(`delete from forecast_backtest`);
    expect(await db.rows(mart('forecast_accuracy'))).toEqual([{ forecast_dates: 0, actual_amount: 0, model_error: null, naive_error: null }]);
  });
});

describe('provision_matrix', () => {
  it('adds up each bucket of the latest month end with a matrix provision, listing a bucket without balance with 0 and no rate', async () => {
    // Latest matrix month end 2024-02-29: not_due 1,000 + 500 at 1 % → 15.00; 1-30 200 at 10 % → 20.00;
    // 31-60 none. The specific row and the January matrix row are not counted.
    await db.run(`create or replace table provisions as select * from (values
      (date '2024-01-31', 'matrix', 'not_due', 'A', 9999.00::decimal(18, 2), 99.99::decimal(18, 2), 0.01),
      (date '2024-02-29', 'matrix', 'not_due', 'A', 1000.00, 10.00, 0.01),
      (date '2024-02-29', 'matrix', 'not_due', 'B', 500.00, 5.00, 0.01),
      (date '2024-02-29', 'matrix', '1-30', 'B', 200.00, 20.00, 0.1),
      (date '2024-02-29', 'specific', '1-30', 'B', 150.00, 75.00, 0.5)) as t(month_end, method, bucket, client_id, balance_amount, amount, rate)`);
    expect(await db.rows(`select bucket, balance_amount, rate, amount from (${mart('provision_matrix')})`)).toEqual([
      { bucket: 'not_due', balance_amount: 1500, rate: 0.01, amount: 15 },
      { bucket: '1-30', balance_amount: 200, rate: 0.1, amount: 20 },
      { bucket: '31-60', balance_amount: 0, rate: null, amount: 0 },
    ]);
  });
});

describe('ageing_history', () => {
  it("adds up the clients per month end and bucket, each row carrying its month end's total", async () => {
    // January: not_due 100 + 50, 1-30 25 → total 175. February: 1-30 40 → total 40.
    await db.run(`create or replace table ageing_monthly as select * from (values
      (date '2024-01-31', 'A', 'not_due', 0, 100.00::decimal(18, 2)),
      (date '2024-01-31', 'B', 'not_due', 0, 50.00),
      (date '2024-01-31', 'B', '1-30', 1, 25.00),
      (date '2024-02-29', 'A', '1-30', 1, 40.00)) as t(month_end, client_id, bucket, bucket_order, open_amount)`);
    expect(await db.rows(`select month_end, bucket, open_amount, month_total_amount from (${mart('ageing_history')})`)).toEqual([
      { month_end: '2024-01-31', bucket: 'not_due', open_amount: 150, month_total_amount: 175 },
      { month_end: '2024-01-31', bucket: '1-30', open_amount: 25, month_total_amount: 175 },
      { month_end: '2024-02-29', bucket: '1-30', open_amount: 40, month_total_amount: 40 },
    ]);
  });
});

describe('ageing and ageing_company', () => {
  it('give each bucket its share of the client’s and of the company’s open total, none when the total is not positive', async () => {
    // Client A: not due 300, 1-30 100 → total 400, shares 0.75 and 0.25.
    // Client B: an unapplied credit note −50 (not due) and 20 in 31-60 → total −30: no share.
    // Company: not due 300 − 50 = 250, 1-30 100, 31-60 20 → total 370; 250/370, 100/370, 20/370.
    await db.run(`create or replace table invoices as select * from (values
      ('A', 'not_due', 0, 200.00::decimal(18, 2)), ('A', 'not_due', 0, 100.00), ('A', '1-30', 1, 100.00),
      ('B', 'not_due', 0, -50.00), ('B', '31-60', 2, 20.00), ('B', '1-30', 1, 0.00)) as t(client_id, bucket, bucket_order, open_amount)`);
    const ageing = await db.rows(`select client_id, bucket, open_amount, total_open_amount, round(share_open, 6) as share_open from (${mart('ageing')})`);
    expect(ageing).toEqual([
      { client_id: 'A', bucket: 'not_due', open_amount: 300, total_open_amount: 400, share_open: 0.75 },
      { client_id: 'A', bucket: '1-30', open_amount: 100, total_open_amount: 400, share_open: 0.25 },
      { client_id: 'B', bucket: 'not_due', open_amount: -50, total_open_amount: -30, share_open: null },
      { client_id: 'B', bucket: '31-60', open_amount: 20, total_open_amount: -30, share_open: null },
    ]);
    await db.run(`create or replace table ageing as ${mart('ageing')}`);
    const company = await db.rows(`select bucket, open_amount, total_open_amount, round(share_open, 6) as share_open from (${mart('ageing_company')})`);
    expect(company).toEqual([
      { bucket: 'not_due', open_amount: 250, total_open_amount: 370, share_open: 0.675676 },
      { bucket: '1-30', open_amount: 100, total_open_amount: 370, share_open: 0.27027 },
      { bucket: '31-60', open_amount: 20, total_open_amount: 370, share_open: 0.054054 },
    ]);
  });
});

describe('alert_kinds', () => {
  it('puts at stake the alerts’ own money at risk: every invoice, each client once per kind, the excess over the limit as it is', async () => {
    // alerts.amount is already the money at risk of each alert (alerts.sql); nothing is recomputed.
    // overdue_90: one alert per invoice, A's F1 100 + F2 50 = 150 (two alerts, one client).
    // over_limit: B's amount is the excess itself, 1,000 (not 1,000 − its limit 4,000 = −3,000).
    // grade_drop: the client's overdue amount, A 700 (twice: the same money once) + B 300 = 1,000, 3 alerts, 2 clients.
    // promise_broken: C's two broken promises leave 80 and 200 unpaid of the same invoices → 200 (not
    // 280, nor C's receivables 5,000, which alert_kinds no longer reads); D's 30 → 230.
    await db.run(`create or replace table clients as select * from (values ('C', 5000.00::decimal(18, 2))) as t(client_id, receivables_amount)`);
    await db.run(`create or replace table alerts as select * from (values
      ('overdue_90', 'A', 'F1', 100.00::decimal(18, 2), null::decimal(18, 2)),
      ('overdue_90', 'A', 'F2', 50.00, null),
      ('over_limit', 'B', null, 1000.00, 4000.00),
      ('grade_drop', 'A', null, 700.00, null),
      ('grade_drop', 'A', null, 700.00, null),
      ('grade_drop', 'B', null, 300.00, null),
      ('promise_broken', 'C', null, 80.00, null),
      ('promise_broken', 'C', null, 200.00, null),
      ('promise_broken', 'D', null, 30.00, null)) as t(alert, client_id, invoice_id, amount, limit_amount)`);
    // Ties on 1,000 go to the kind with more alerts (grade_drop, 3), then by name; over-limit no
    // longer ranks last.
    expect(await db.rows(mart('alert_kinds'))).toEqual([
      { alert: 'grade_drop', alert_count: 3, client_count: 2, at_stake_amount: 1000 },
      { alert: 'over_limit', alert_count: 1, client_count: 1, at_stake_amount: 1000 },
      { alert: 'promise_broken', alert_count: 3, client_count: 2, at_stake_amount: 230 },
      { alert: 'overdue_90', alert_count: 2, client_count: 1, at_stake_amount: 150 },
    ]);
  });
});

describe('penalty_totals and penalties_by_client', () => {
  it('split each client’s penalties and the company’s into claimable (invoices still open), to declare (under a collective procedure), lost with a foreclosed claim and accrued on invoices paid late', async () => {
    // A: F1 open (interest 12.50 + indemnity 40 = 52.50), F2 paid late (30.00, due 2024-03-01).
    // B: F3 paid late (45.00, due 2024-01-15, 10 days without an ECB rate, from 2024-01-06: paid,
    // so its claimable interest is not unknown).
    // P, under a collective procedure: F4 open (interest to the judgment 3.00 + indemnity 40 = 43.00), to declare, not claimable.
    // Q, under a collective procedure whose claim is foreclosed: F5 open (2.00 + 40 = 42.00), lost with the claim.
    await db.run(`create or replace table penalties as select * from (values
      ('A', 'F1', date '2024-05-01', 12.50::decimal(18, 2), 40.00::decimal(18, 2), 52.50::decimal(18, 2), 0, null::date, true, false, false),
      ('A', 'F2', date '2024-03-01', 0.00, 30.00, 30.00, 0, null, false, false, false),
      ('B', 'F3', date '2024-01-15', 5.00, 40.00, 45.00, 10, date '2024-01-06', false, false, false),
      ('P', 'F4', date '2024-02-01', 3.00, 40.00, 43.00, 0, null, true, true, false),
      ('Q', 'F5', date '2024-02-01', 2.00, 40.00, 42.00, 0, null, true, true, true))
      as t(client_id, invoice_id, due_date, interest_amount, indemnity_amount, penalty_amount, days_without_rate, rate_missing_from_date, is_still_open, is_to_declare, is_claim_foreclosed)`);
    expect(await db.rows(mart('penalties_by_client'))).toEqual([
      { client_id: 'A', invoice_count: 2, interest_claimable_amount: 12.5, indemnity_claimable_amount: 40, claimable_amount: 52.5, to_declare_amount: 0, foreclosed_amount: 0, paid_late_amount: 30, penalty_amount: 82.5, days_without_rate: 0, rate_missing_from_date: null },
      { client_id: 'B', invoice_count: 1, interest_claimable_amount: 0, indemnity_claimable_amount: 0, claimable_amount: 0, to_declare_amount: 0, foreclosed_amount: 0, paid_late_amount: 45, penalty_amount: 45, days_without_rate: 10, rate_missing_from_date: null },
      { client_id: 'P', invoice_count: 1, interest_claimable_amount: 0, indemnity_claimable_amount: 0, claimable_amount: 0, to_declare_amount: 43, foreclosed_amount: 0, paid_late_amount: 0, penalty_amount: 43, days_without_rate: 0, rate_missing_from_date: null },
      { client_id: 'Q', invoice_count: 1, interest_claimable_amount: 0, indemnity_claimable_amount: 0, claimable_amount: 0, to_declare_amount: 0, foreclosed_amount: 42, paid_late_amount: 0, penalty_amount: 42, days_without_rate: 0, rate_missing_from_date: null },
    ]);
    // Claimable 52.50 on 1 invoice; to declare 43.00 on 1; lost 42.00 on 1; accrued 30 + 45 = 75 on 2, the oldest due 2024-01-15.
    expect(await db.rows(mart('penalty_totals'))).toEqual([
      // Indemnity claimable: F1's 40 (F4's is to declare, F5's lost); no open invoice lacks a rate (F3's missing days are paid ones).
      { claimable_amount: 52.5, claimable_invoice_count: 1, to_declare_amount: 43, to_declare_invoice_count: 1, foreclosed_amount: 42, foreclosed_invoice_count: 1,
        paid_late_amount: 75, paid_late_invoice_count: 2, paid_late_since_date: '2024-01-15', days_without_rate: 10, indemnity_claimable_amount: 40, rate_missing_from_date: null },
    ]);
  });
});

describe('worklist_reps', () => {
  it('adds up the worklist per sales rep, leaving clients without a rep out', async () => {
    // Alice: C1 100 + C2 50 = 150 due. Bob: C3 20. C4 has no rep.
    await db.run(`create or replace table worklist as select * from (values
      ('C1', 'Alice', 100.00::decimal(18, 2), 60.00::decimal(18, 2), 10.00::decimal(18, 2)),
      ('C2', 'Alice', 50.00, 50.00, 5.00),
      ('C3', 'Bob', 20.00, 0.00, 1.00),
      ('C4', null, 999.00, 999.00, 99.00)) as t(client_id, sales_rep, due_amount, overdue_amount, expected_loss_amount)`);
    expect(await db.rows(mart('worklist_reps'))).toEqual([
      { sales_rep: 'Alice', client_count: 2, due_amount: 150, overdue_amount: 110, expected_loss_amount: 15 },
      { sales_rep: 'Bob', client_count: 1, due_amount: 20, overdue_amount: 0, expected_loss_amount: 1 },
    ]);
  });
});
