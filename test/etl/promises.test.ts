// A promise to pay judged by the ledger (test/fixtures/promises), as of 2024-06-11. Every promise was
// logged on 2024-06-01 (actions.csv lines 2–7); each status is worked out by hand from the ledger:
//   CRED  A1 1,000 open; promise 1,000 on A1 by 06-10; credit note AV1 1,000 on A1 on 06-08
//         → A1 open 0 on 06-10: kept, though no payment came (received 0).
//   PAID  B1 500 paid on 05-20; promise on B1 logged 06-01 → nothing open that day: already_settled,
//         a warning on actions.csv line 3, no alert. B2 1,200 due 05-15, open, not named by the
//         promise: it keeps PAID on the worklist (the promise named the wrong invoice?).
//   PART  C1 800; promise 800 by 06-10; 300 paid 06-05 → 500 open on 06-10: broken (received 300).
//   EARL  D1 1,000; 600 paid 05-25 (before the promise); promise 1,000 by 06-10; 400 paid 06-08 → D1
//         open 0 on 06-10: kept, though only 400 came in the promise's window.
//   NONE  E1 900 paid 04-10, E2 700 open; promise naming no invoice, 700 by 06-20 → covers E2 only
//         (E1 was not owed that day); its date is after the as-of date: pending.
//   LATE  F1 400; promise by 06-05; paid 06-09 → 400 open on 06-05: broken (received 0 by its date),
//         nothing open at the as-of date. F2 250 due 05-31, not named by the promise, still open
//         (11 days past due on 06-11): it keeps LATE on the worklist.
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { fixturesDir, sharedWarehouse, type Warehouse } from '../helpers.ts';

const fixture = join(fixturesDir, 'promises');

describe('a promise judged by the ledger', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await sharedWarehouse(fixture, { asOf: '2024-06-11' });
  });

  it('is kept when what it covers is settled by its date, broken only when an amount it covers is still open', async () => {
    expect(await wh.query(`select client_id, status, received_amount, open_amount, invoice_ids from promises order by client_id`)).toEqual([
      { client_id: 'CRED', status: 'kept', received_amount: 0, open_amount: 0, invoice_ids: 'A1' },
      { client_id: 'EARL', status: 'kept', received_amount: 400, open_amount: 0, invoice_ids: 'D1' },
      { client_id: 'LATE', status: 'broken', received_amount: 0, open_amount: 0, invoice_ids: 'F1' },
      { client_id: 'NONE', status: 'pending', received_amount: 0, open_amount: 700, invoice_ids: 'E2' },
      { client_id: 'PAID', status: 'already_settled', received_amount: 0, open_amount: 0, invoice_ids: 'B1' },
      { client_id: 'PART', status: 'broken', received_amount: 300, open_amount: 500, invoice_ids: 'C1' },
    ]);
  });

  it('logged on an invoice already settled, is a warning about the log on its line, not an alert', async () => {
    expect(await wh.query(`select source_file, line, severity, input, record_id, reason_code, reason_ref from quality where reason_code = 'promise_on_settled_invoices'`)).toEqual([
      { source_file: 'actions.csv', line: 3, severity: 'warning', input: 'actions', record_id: 'PAID', reason_code: 'promise_on_settled_invoices', reason_ref: '2024-06-01' },
    ]);
    expect(await wh.query(`select client_id from alerts where alert = 'promise_broken' and client_id in ('PAID', 'CRED', 'EARL')`)).toEqual([]);
  });

  it('broken, raises an alert whose money at risk is what it covers still open, and none once that is paid', async () => {
    // PART: 800 − 300 = 500 still open on C1 (not the 500 "not received" by chance: the promise was
    // for 800, and what is at risk is the invoice's open amount). LATE: broken, but F1 was paid on
    // 06-09, so nothing is at risk at the as-of date: no alert.
    expect(await wh.query(`select client_id, first_seen_date, amount from alerts where alert = 'promise_broken'`)).toEqual([
      { client_id: 'PART', first_seen_date: '2024-06-11', amount: 500 },
    ]);
  });

  it('on the worklist, broken only while what it covers is open; paid late once it is settled', async () => {
    // PART: C1 still 500 open on 06-11 → broken, a live promise to chase. LATE: F1 (the promise's
    // only invoice) paid on 06-09, four days after its 06-05 date → not kept, but nothing it covers
    // is open: paid_late. LATE is on the list for F2 (250, 11 days past due), which the promise
    // never covered. Both show their promise's date and amount.
    expect(await wh.query(`select client_id, promise_status, promise_date, promise_amount from worklist where client_id in ('LATE', 'PART') order by client_id`)).toEqual([
      { client_id: 'LATE', promise_status: 'paid_late', promise_date: '2024-06-05', promise_amount: 400 },
      { client_id: 'PART', promise_status: 'broken', promise_date: '2024-06-10', promise_amount: 800 },
    ]);
  });

  it('on the worklist, logged on invoices already settled, keeps the day it was logged and the invoices it named, for the desk to ask which were meant', async () => {
    // PAID: its one promise (logged 2024-06-01, for 500 by 06-10) names B1, paid on 05-20 →
    // already_settled. PAID is on the list for B2 alone: 1,200 open, due 05-15, 2024-05-15 →
    // 2024-06-11 = 16 + 11 = 27 days past due, so all of it overdue; the promise pauses nothing
    // (it covers B1 only).
    expect(await wh.query(`select promise_status, promise_logged_date, promise_invoice_ids, promise_date, promise_amount, invoice_count, paused_invoice_count, due_amount, overdue_amount
      from worklist where client_id = 'PAID'`)).toEqual([
      { promise_status: 'already_settled', promise_logged_date: '2024-06-01', promise_invoice_ids: 'B1', promise_date: '2024-06-10', promise_amount: 500,
        invoice_count: 1, paused_invoice_count: 0, due_amount: 1200, overdue_amount: 1200 },
    ]);
  });
});
