// E-invoicing statuses (a platform's export, test/fixtures/einvoice) on a hand-made ledger at
// 2026-10-31, terms 30 days:
// A: R1 1000 due 10-10, refused (210 TX_TVA_ERR) on 09-20; N1 500 due 10-10, no status; D1 300 due
//    10-15, in dispute (207 LIVR_INCOMP) on 09-25 then approved (205) on 10-05; M1 250 due 10-12, in
//    dispute in the collections log (LIT-1, quality, opened 09-28) and on the platform (207, 09-30).
// B: X1 2000 rejected by the platform (213) on 10-02; B2 400 (a bad code, a bad date, a status
//    after the as-of date). A status names Z9, an invoice the ledger does not know.
// C (statuses.json): C1 800 cashed (212) on 10-20 with no payment in the ledger; C2 600 paid 10-03
//    and cashed 10-04; C3 700 paid 10-06 with no 212 (nothing to say); a record with no usable status.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixturesDir, sharedWarehouse, type Warehouse } from '../helpers.ts';

const fixture = join(fixturesDir, 'einvoice');
let wh: Warehouse;
beforeAll(async () => {
  wh = await sharedWarehouse(fixture, { asOf: '2026-10-31' });
});

describe('a refused invoice', () => {
  it('opens a dispute with the status’s reason, and its dunning is paused', async () => {
    const disputes = await wh.query(`select dispute_id, client_id, reason, status, opened_date::varchar as opened, disputed_amount, source from disputes where source = 'einvoice' and status = 'open'`);
    // TX_TVA_ERR (taux de TVA erroné) is a billing error; R1's 1000 is open.
    expect(disputes).toEqual([{ dispute_id: 'einvoice:R1:2026-09-20', client_id: 'A', reason: 'billing', status: 'open', opened: '2026-09-20', disputed_amount: 1000, source: 'einvoice' }]);
    const dunning = await wh.query(`select invoice_id, stage from dunning where client_id = 'A' order by invoice_id`);
    // R1 paused (and M1, by its dispute in the log); N1 (due 10-10, 21 days late) and D1 (dispute
    // closed by 205 on 10-05) are chased.
    expect(dunning.find((d) => d.invoice_id === 'R1')).toEqual({ invoice_id: 'R1', stage: 'paused_dispute' });
    expect(dunning.filter((d) => String(d.stage).startsWith('paused')).map((d) => d.invoice_id)).toEqual(['M1', 'R1']);
  });

  it('a dispute the platform later approves is closed on the approval’s date', async () => {
    const [closed] = await wh.query(`select reason, status, closed_date::varchar as closed, days_open from disputes where dispute_id = 'einvoice:D1:2026-09-25'`);
    // 09-25 → 10-05: 10 days; LIVR_INCOMP (livraison incomplète) is a delivery dispute.
    expect(closed).toEqual({ reason: 'delivery', status: 'closed', closed: '2026-10-05', days_open: 10 });
  });
});

describe('a dispute on the platform that the collections log already records', () => {
  it('is one dispute, the log’s, counted once', async () => {
    // M1: LIT-1 opened 09-28 in the log, 207 on 09-30 on the platform; open days overlap.
    expect(await wh.query(`select dispute_id, reason, status, disputed_amount, source from disputes where client_id = 'A' and status = 'open' order by dispute_id`)).toEqual([
      { dispute_id: 'LIT-1', reason: 'quality', status: 'open', disputed_amount: 250, source: 'collections_log' },
      { dispute_id: 'einvoice:R1:2026-09-20', reason: 'billing', status: 'open', disputed_amount: 1000, source: 'einvoice' },
    ]);
    expect(await wh.query(`select invoice_id, dispute_id from disputed_invoices where invoice_id = 'M1'`)).toEqual([{ invoice_id: 'M1', dispute_id: 'LIT-1' }]);
  });
});

describe('a rejected invoice', () => {
  it('is left out of the receivables, and the quality report names it', async () => {
    expect(await wh.query(`select invoice_id from invoices where invoice_id = 'X1'`)).toEqual([]);
    // B owes B2's 400 only: X1's 2000 was never validly issued.
    expect(await wh.query(`select receivables_amount from clients where client_id = 'B'`)).toEqual([{ receivables_amount: 400 }]);
    const quality = await wh.query(`select source_file, line, severity, reason_code, reason_ref from quality where reason_code = 'einvoice_rejected'`);
    expect(quality).toEqual([{ source_file: 'statuses.csv', line: 6, severity: 'warning', reason_code: 'einvoice_rejected', reason_ref: 'X1' }]);
  });
});

describe('a status 212 Encaissée', () => {
  it('on an invoice the ledger shows with nothing settled is a warning; a payment without one is nothing', async () => {
    const quality = await wh.query(`select source_file, line, severity, reason_ref from quality where reason_code = 'einvoice_cashed_not_in_ledger'`);
    // C1's record opens on line 4 of statuses.json; C2 is paid in the ledger, C3 has no 212.
    expect(quality).toEqual([{ source_file: 'statuses.json', line: 4, severity: 'warning', reason_ref: 'C1' }]);
  });
});

describe('a bad status line', () => {
  it('is a quality error naming its file and line, and is not read', async () => {
    const errors = await wh.query(`select source_file, line, reason from quality where severity = 'error' order by source_file, line`);
    expect(errors).toEqual([
      { source_file: 'statuses.csv', line: 8, reason: "status '299' is not a code of the e-invoicing lifecycle (200–214) nor its label (Déposée, Refusée, En litige, Encaissée, Rejetée…)" },
      { source_file: 'statuses.csv', line: 9, reason: "status date '31/02/2026' does not match the date format %Y-%m-%d or ISO 8601" },
      // The third record of the JSON list opens on line 16.
      { source_file: 'statuses.json', line: 16, reason: "status 'Inconnu' is not a code of the e-invoicing lifecycle (200–214) nor its label (Déposée, Refusée, En litige, Encaissée, Rejetée…)" },
    ]);
    const warned = await wh.query(`select line, reason_code, reason_ref from quality where source_file = 'statuses.csv' and severity <> 'error' order by line`);
    expect(warned).toEqual([
      { line: 6, reason_code: 'einvoice_rejected', reason_ref: 'X1' },
      { line: 7, reason_code: 'einvoice_unknown_invoice', reason_ref: 'Z9' },
      { line: 10, reason_code: 'after_as_of', reason_ref: '2026-10-31' },
    ]);
  });
});

describe('the status export as JSON', () => {
  let dir: string;
  let json: Warehouse;
  beforeAll(async () => {
    // The same ledger, statuses.csv's usable lines written as a platform's JSON: an array of
    // records, the code a number, a date with its time of day.
    dir = mkdtempSync(join(tmpdir(), 'einvoice-json-'));
    cpSync(fixture, dir, { recursive: true });
    rmSync(join(dir, 'statuses.csv'));
    const records = [
      ['R1', 200, 'Déposée', '2026-09-10T08:00:00Z', null, null],
      ['R1', 210, 'Refusée', '2026-09-20T17:45:00+02:00', 'TX_TVA_ERR', 'Taux de TVA erroné'],
      ['D1', 207, 'En litige', '2026-09-25', 'LIVR_INCOMP', 'Livraison incomplète'],
      ['D1', 205, 'Approuvée', '2026-10-05', null, null],
      ['X1', 213, 'Rejetée', '2026-10-02', 'DEST_INC', 'Destinataire inconnu'],
      ['M1', 207, 'En litige', '2026-09-30', 'OTHER', 'Qualité contestée'],
    ].map(([invoice_id, status_code, status_label, status_date, reason_code, reason]) => ({ invoice_id, status_code, status_label, status_date, reason_code, reason }));
    writeFileSync(join(dir, 'statuses-platform.json'), JSON.stringify(records, null, 2));
    json = await sharedWarehouse(dir, { asOf: '2026-10-31' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read like the CSV: the same statuses, disputes and receivables', async () => {
    const statuses = `select invoice_id, status_date::varchar as d, status_code, reason_code, dispute_reason, effect from invoice_statuses where client_id in ('A', 'B') order by invoice_id, d`;
    const fromJson = await json.query(statuses);
    expect(fromJson).toEqual(await wh.query(statuses));
    expect(fromJson).toHaveLength(6);
    const disputes = `select dispute_id, reason, status from disputes order by dispute_id`;
    expect(await json.query(disputes)).toEqual(await wh.query(disputes));
    expect(await json.query(`select receivables_amount from clients where client_id = 'B'`)).toEqual([{ receivables_amount: 400 }]);
    // Each record's line is the line its '{' opens on: the array's first record is on line 2, and each takes 8 lines.
    expect(await json.query(`select line from invoice_statuses where source_file = 'statuses-platform.json' order by line`)).toEqual(
      [2, 10, 18, 26, 34, 42].map((line) => ({ line })),
    );
  });
});
