// A write-off reversal cancels the write-off it reverses: it never adds to what is written off, it
// reinstates the receivable, and a reversal that cannot be matched to a write-off is a quality
// error, not loaded. Hand-made ledgers, one case per client (each fixture's README.md); every
// expected figure worked out by hand from the files, the working beside it.
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { fixturesDir, sharedWarehouse } from '../helpers.ts';

const openItems = join(fixturesDir, 'writeoff-reversal');
const fec = join(fixturesDir, 'writeoff-reversal-fec');

describe('write-off reversals in an open-items write-offs file, as of 2024-04-30', () => {
  const warehouse = () => sharedWarehouse(openItems, { asOf: '2024-04-30' });

  it('publishes only what stays written off: 1,200, not the 4,700 of every line taken as positive', async () => {
    // W1 1,000 − W1R 1,000 = 0 (gone); W2 600 − W2R 200 = 400; W4 300 (W4R is dated 10 May, after
    // the as-of date); W5 500 (W5R, 700, is more than W5 and is rejected); W3R matches nothing.
    // 400 + 300 + 500 = 1,200. Reading every line as positive: 1,000 + 1,000 + 600 + 200 + 400 +
    // 300 + 500 + 700 = 4,700.
    const wh = await warehouse();
    expect(await wh.query(`select writeoff_id, amount from writeoffs order by writeoff_id`)).toEqual([
      { writeoff_id: 'W2', amount: 400 },
      { writeoff_id: 'W4', amount: 300 },
      { writeoff_id: 'W5', amount: 500 },
    ]);
    expect(await wh.query(`select sum(amount)::double as total from writeoffs`)).toEqual([{ total: 1200 }]);
  });

  it('reinstates what a reversal cancels: the invoice is owed again', async () => {
    // A1 1,000: written off, the write-off reversed in full → 1,000 open again.
    // B1 600: 400 stays written off → 200 open. C1 400: no write-off → 400 open.
    // D1 300 and E1 500: their write-offs stand at the as-of date → 0 open.
    const wh = await warehouse();
    expect(await wh.query(`select invoice_id, open_amount, written_off_amount from invoices order by invoice_id`)).toEqual([
      { invoice_id: 'A1', open_amount: 1000, written_off_amount: 0 },
      { invoice_id: 'B1', open_amount: 200, written_off_amount: 400 },
      { invoice_id: 'C1', open_amount: 400, written_off_amount: 0 },
      { invoice_id: 'D1', open_amount: 0, written_off_amount: 300 },
      { invoice_id: 'E1', open_amount: 0, written_off_amount: 500 },
    ]);
  });

  it('counts the bad debt of a month net of what was reversed', async () => {
    // March: W1 (1,000, reversed in full) and W2 (600, 200 reversed) → 400. April: W4 300 + W5 500 = 800.
    const wh = await warehouse();
    expect(await wh.query(`select month_end::varchar as month_end, writeoff_amount from kpi_monthly where scope = 'company' and month_end >= '2024-03-31' order by month_end`)).toEqual([
      { month_end: '2024-03-31', writeoff_amount: 400 },
      { month_end: '2024-04-30', writeoff_amount: 800 },
    ]);
  });

  it('rejects a reversal that matches no write-off or cancels more than was written off, naming the file and line', async () => {
    // writeoffs.csv, header on line 1: W3R is line 6 (client C has no write-off), W5R line 10
    // (700 > W5's 500); W4R, line 8, is dated after the as-of date and left out for now.
    const wh = await warehouse();
    expect(await wh.query(`select source_file, line, severity, record_id, reason_code, reason_ref from quality order by line`)).toEqual([
      { source_file: 'writeoffs.csv', line: 6, severity: 'error', record_id: 'W3R', reason_code: 'writeoff_reversal_unmatched', reason_ref: 'C' },
      { source_file: 'writeoffs.csv', line: 8, severity: 'info', record_id: 'W4R', reason_code: 'after_as_of', reason_ref: '2024-04-30' },
      { source_file: 'writeoffs.csv', line: 10, severity: 'error', record_id: 'W5R', reason_code: 'writeoff_reversal_exceeds', reason_ref: 'W5' },
    ]);
  });
});

describe('a reversal dated after the as-of date', () => {
  it('is taken once the as-of date reaches it', async () => {
    // As of 2024-05-10, W4R (10 May) cancels W4: D1 300 is open again and W4 is no longer published.
    const wh = await sharedWarehouse(openItems, { asOf: '2024-05-10' });
    expect(await wh.query(`select open_amount, written_off_amount from invoices where invoice_id = 'D1'`)).toEqual([{ open_amount: 300, written_off_amount: 0 }]);
    expect(await wh.query(`select writeoff_id from writeoffs order by writeoff_id`)).toEqual([{ writeoff_id: 'W2' }, { writeoff_id: 'W5' }]);
  });
});

describe('write-off reversals in a FEC (debits of the client against 654), as of 2025-06-30', () => {
  const warehouse = () => sharedWarehouse(fec, { asOf: '2025-06-30' });

  it('publishes only what stays written off: 300, not 1,700', async () => {
    // WO1 1,200 reversed in full by the entry under the same PieceRef (matched by the piece; both
    // lines are named WO1, hence WO1/1 and WO1/2) → gone. WO2 500, lettered AB with ANN2, which
    // reverses 200 of it → 300. Before, a reversal was read as an invoice: 1,200 + 500 = 1,700.
    const wh = await warehouse();
    expect(await wh.query(`select writeoff_id, client_id, amount from writeoffs`)).toEqual([{ writeoff_id: 'WO2', client_id: 'C2', amount: 300 }]);
  });

  it('reinstates the invoices, and never reads a reversal as an invoice of its own', async () => {
    // F1 1,200: its write-off reversed → 1,200 open. F2 500: WO2's 300 settles it oldest due first
    // (group AB holds no invoice) → 200 open. F3 300: untouched → 300 open. No invoice WO1, ANN2, ANN3.
    const wh = await warehouse();
    expect(await wh.query(`select invoice_id, amount, open_amount from invoices order by invoice_id`)).toEqual([
      { invoice_id: 'F1', amount: 1200, open_amount: 1200 },
      { invoice_id: 'F2', amount: 500, open_amount: 200 },
      { invoice_id: 'F3', amount: 300, open_amount: 300 },
    ]);
  });

  it('rejects the reversal of a write-off the client never had', async () => {
    // ANN3 (C3's 411 line, line 23 of the file) matches no write-off of C3 by lettering or piece.
    const wh = await warehouse();
    expect(await wh.query(`select source_file, line, severity, record_id, reason_code, reason_ref from quality`)).toEqual([
      { source_file: 'FEC20251231.txt', line: 23, severity: 'error', record_id: 'ANN3', reason_code: 'writeoff_reversal_unmatched', reason_ref: 'C3' },
    ]);
  });
});

describe('a write-offs file that writes its write-offs as negative amounts (its convention)', () => {
  const warehouse = () => sharedWarehouse(join(fixturesDir, 'writeoff-negative-convention'), { asOf: '2024-04-30' });

  it('reads its negative lines as write-offs and its positive line as the reversal, rejecting nothing', async () => {
    // Three negative lines against one positive: negative is the file's write-off. W1 1,000,
    // W2 600 − W2R 200 = 400, W4 300: 1,700 written off. Read positive-is-write-off, every
    // negative line would be an unmatched or excessive reversal and nothing would be written off.
    const wh = await warehouse();
    expect(await wh.query(`select writeoff_id, amount::double as amount from writeoffs order by writeoff_id`)).toEqual([
      { writeoff_id: 'W1', amount: 1000 },
      { writeoff_id: 'W2', amount: 400 },
      { writeoff_id: 'W4', amount: 300 },
    ]);
    // A1 1,000 − 1,000 = 0; B1 600 − 400 = 200; C1 400 untouched; D1 300 − 300 = 0; E1 500 untouched.
    expect(await wh.query(`select invoice_id, open_amount::double as open_amount from invoices order by invoice_id`)).toEqual([
      { invoice_id: 'A1', open_amount: 0 }, { invoice_id: 'B1', open_amount: 200 }, { invoice_id: 'C1', open_amount: 400 },
      { invoice_id: 'D1', open_amount: 0 }, { invoice_id: 'E1', open_amount: 500 },
    ]);
    expect(await wh.query(`select count(*)::int as rejected from quality where severity = 'error'`)).toEqual([{ rejected: 0 }]);
  });
});
