// One notion of "in dispute" (DESIGN.md), on a hand-made ledger (test/fixtures/disputes) at
// 2024-06-30: an invoice still open that the export flags as disputed, or that an open dispute of
// the collections log covers (the invoices it names, or all the client's when it names none).
// The dunning pause, the worklist, the clients' disputed amounts and disputes by reason all count
// the same invoices; a dispute the log keeps open on invoices since settled is no open dispute.
//
// Client X: E1 100 (flagged in the export only), L1 200 (log LIT-A, quality, opened 06-05), B1 300
// (flagged and log LIT-B, billing, opened 06-10), S1 400 (log LIT-S, paid in full 06-20), N1 500
// (nothing: chased), F1 50 (flagged, paid 06-10). Client Y: Y1 60 and Y2 70, log LIT-W (price,
// opened 06-15) naming no invoice: the whole account. Z1 80 (X, issued 06-20, paid 06-25) is named by
// LIT-E, a dispute the log dates 06-12 — before Z1 existed — and closed on 06-22: it pauses nothing.
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { fixturesDir, sharedWarehouse, type Warehouse } from '../helpers.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await sharedWarehouse(join(fixturesDir, 'disputes'), { asOf: '2024-06-30' });
});

describe('an invoice in dispute', () => {
  it('is open and flagged by the export or covered by an open dispute of the log', async () => {
    const rows = await wh.query(`select client_id, invoice_id, is_flagged_in_export, is_open_in_log, dispute_id, reason from disputed_invoices order by client_id, invoice_id`);
    expect(rows).toEqual([
      { client_id: 'X', invoice_id: 'B1', is_flagged_in_export: true, is_open_in_log: true, dispute_id: 'LIT-B', reason: 'billing' },
      { client_id: 'X', invoice_id: 'E1', is_flagged_in_export: true, is_open_in_log: false, dispute_id: null, reason: null },
      { client_id: 'X', invoice_id: 'L1', is_flagged_in_export: false, is_open_in_log: true, dispute_id: 'LIT-A', reason: 'quality' },
      { client_id: 'Y', invoice_id: 'Y1', is_flagged_in_export: false, is_open_in_log: true, dispute_id: 'LIT-W', reason: 'price' },
      { client_id: 'Y', invoice_id: 'Y2', is_flagged_in_export: false, is_open_in_log: true, dispute_id: 'LIT-W', reason: 'price' },
    ]);
  });

  it('is counted alike by the dunning pause, the worklist and the client', async () => {
    const paused = (await wh.query(`select invoice_id from dunning where stage = 'paused_dispute' order by invoice_id`)).map((r) => r.invoice_id);
    expect(paused).toEqual(['B1', 'E1', 'L1', 'Y1', 'Y2']);
    // X: E1 + L1 + B1 = 100 + 200 + 300 = 600 in dispute, 3 invoices; N1 (500) is what is chased.
    const [worklist] = await wh.query(`select disputed_invoice_count, disputed_amount, due_amount from worklist where client_id = 'X'`);
    expect(worklist).toEqual({ disputed_invoice_count: 3, disputed_amount: 600, due_amount: 500 });
    const clients = await wh.query(`select client_id, disputed_open_invoice_count, disputed_open_amount from clients order by client_id`);
    expect(clients).toEqual([
      { client_id: 'X', disputed_open_invoice_count: 3, disputed_open_amount: 600 },
      { client_id: 'Y', disputed_open_invoice_count: 2, disputed_open_amount: 130 },
    ]);
  });
});

describe('disputes by reason', () => {
  it('count each open dispute once with its amount, the export’s flags under their own reason, aged only when the age is known', async () => {
    const rows = await wh.query(`select reason, open_count, open_amount, open_0_30_amount, open_age_unknown_amount, avg_days_open from disputes_by_reason order by reason`);
    // Days open at 06-30: LIT-B 20, LIT-A 25, LIT-W 15; E1's flag has no date.
    expect(rows).toEqual([
      { reason: 'billing', open_count: 1, open_amount: 300, open_0_30_amount: 300, open_age_unknown_amount: 0, avg_days_open: 20 },
      { reason: 'export_flag', open_count: 1, open_amount: 100, open_0_30_amount: 0, open_age_unknown_amount: 100, avg_days_open: null },
      { reason: 'price', open_count: 1, open_amount: 130, open_0_30_amount: 130, open_age_unknown_amount: 0, avg_days_open: 15 },
      { reason: 'quality', open_count: 1, open_amount: 200, open_0_30_amount: 200, open_age_unknown_amount: 0, avg_days_open: 25 },
    ]);
  });
});

describe('a dispute the log keeps open on invoices since settled', () => {
  it('is settled, not open, and the quality report asks to close it', async () => {
    const [settled] = await wh.query(`select status, disputed_amount from disputes where dispute_id = 'LIT-S'`);
    expect(settled).toEqual({ status: 'settled', disputed_amount: 0 });
    const quality = await wh.query(`select severity, reason_code, reason_ref from quality where reason_code = 'dispute_settled'`);
    expect(quality).toEqual([{ severity: 'info', reason_code: 'dispute_settled', reason_ref: 'LIT-S' }]);
  });
});

describe('a dispute dated before the invoice it names', () => {
  it('is a warning in the quality report naming the dispute, its date and the invoice’s issue date', async () => {
    // LIT-E opened 2024-06-12 on Z1, issued 2024-06-20: 8 days before the invoice existed. The other
    // disputes name invoices issued 05-01 or 05-02 and open from 06-03: no warning.
    const rows = await wh.query(`select severity, input, record_id, reason_code, reason_ref, reason_parts from quality where reason_code = 'dispute_before_invoice'`);
    expect(rows).toEqual([{ severity: 'warning', input: 'actions', record_id: 'X', reason_code: 'dispute_before_invoice', reason_ref: 'LIT-E', reason_parts: ['2024-06-12', 'Z1', '2024-06-20'] }]);
  });
});
