// FEC journal files, on hand-written fixtures (test/fixtures/fec/) whose expected open amounts,
// due dates and quality rows were worked out by hand; the reasoning is beside each expectation.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { InputError } from '../../etl/readers/errors.ts';
import { detectEncoding } from '../../etl/readers/encoding.ts';
import { buildWarehouse, fixturesDir, sharedWarehouse } from '../helpers.ts';

const fec = (name: string) => join(fixturesDir, 'fec', name);
const header = 'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';

/** One FEC line from its 18 fields. */
const fecLine = (cells: string[]) => cells.join('\t');
/** A FEC file's text: its lines, each ended by a line feed. */
const fecText = (lines: string[]) => `${lines.join('\n')}\n`;

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'encours-fec-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('lettering: a partial payment lettered to two invoices', () => {
  // C1 (terms "30 jours fin de mois"): F1 1,000 on 15 Jan (unlettered), F2 500 on 10 Feb and F3 800
  // on 5 Mar, both lettered AA with P1 1,000 paid 10 Apr and lettered 15 Apr; P2 400 on 20 May,
  // unlettered. Group AA takes F2 first (due earlier): F2 500, F3 500 → F3 keeps 300. P2 then goes
  // oldest due first: F1 → 600 open. (Plain oldest-due-first would have left F2 100 and F3 800.)
  it('settles the group first, dates it by DateLet, and matches the rest oldest due first', async () => {
    const wh = await sharedWarehouse(fec('lettering'), { asOf: '2025-06-30' });
    const invoices = await wh.query(`select invoice_id, due_date, due_date_source, open_amount, days_past_due, bucket, settled_date from invoices order by invoice_id`);
    expect(invoices).toEqual([
      // 15 Jan + 30 = 14 Feb → 28 Feb; 30 Jun − 28 Feb = 122 days.
      { invoice_id: 'F1', due_date: '2025-02-28', due_date_source: 'payment_terms', open_amount: 600, days_past_due: 122, bucket: '91-180', settled_date: null },
      // 10 Feb + 30 = 12 Mar → 31 Mar; settled by the lettering on DateLet 15 Apr.
      { invoice_id: 'F2', due_date: '2025-03-31', due_date_source: 'payment_terms', open_amount: 0, days_past_due: null, bucket: null, settled_date: '2025-04-15' },
      // 5 Mar + 30 = 4 Apr → 30 Apr; 61 days.
      { invoice_id: 'F3', due_date: '2025-04-30', due_date_source: 'payment_terms', open_amount: 300, days_past_due: 61, bucket: '61-90', settled_date: null },
      // C2 is on "45 jours fin de mois": 2 Jun + 45 = 17 Jul → 31 Jul, not due yet.
      { invoice_id: 'F4', due_date: '2025-07-31', due_date_source: 'payment_terms', open_amount: 120, days_past_due: 0, bucket: 'not_due', settled_date: null },
    ]);
    const allocations = await wh.query(`select invoice_id, source_id, allocation_date, amount, method from allocations order by invoice_id`);
    expect(allocations).toEqual([
      { invoice_id: 'F1', source_id: 'P2', allocation_date: '2025-05-20', amount: 400, method: 'oldest_due_first' },
      { invoice_id: 'F2', source_id: 'P1', allocation_date: '2025-04-15', amount: 500, method: 'lettering' },
      { invoice_id: 'F3', source_id: 'P1', allocation_date: '2025-04-15', amount: 500, method: 'lettering' },
    ]);
    // C1 at each month end: 1,000; +500; +800; −1,000 on 15 Apr; −400 on 20 May.
    const monthEnds = await wh.query(`select month_end, sum(open_amount) as open from ageing_monthly where client_id = 'C1' group by month_end order by month_end`);
    expect(monthEnds.map((r) => [r.month_end, r.open])).toEqual([
      ['2025-01-31', 1000], ['2025-02-28', 1500], ['2025-03-31', 2300], ['2025-04-30', 1300], ['2025-05-31', 900], ['2025-06-30', 900],
    ]);
    // The revenue line gives the amount excl. tax: 833.33 for F1.
    expect(await wh.query(`select amount_excl_tax from invoices where invoice_id = 'F1'`)).toEqual([{ amount_excl_tax: 833.33 }]);
  });

  it('reports an entry whose debits and credits do not balance, on its first line', async () => {
    const wh = await sharedWarehouse(fec('lettering'), { asOf: '2025-06-30' });
    // F4's entry starts on line 15 (header = line 1): 411 debit 120 against 706 90 + 44571 20.
    expect(await wh.query(`select source_file, line, severity, reason from quality`)).toEqual([
      { source_file: 'FEC20251231.txt', line: 15, severity: 'warning', reason: 'entry VT 4 of 20250602 does not balance: debits 120.00, credits 110.00 (difference 10.00)' },
    ]);
    // The client line still counts: the receivable was booked.
    expect(await wh.query(`select sum(open_amount) as open from invoices where client_id = 'C2'`)).toEqual([{ open: 120 }]);
  });
});

describe('the document currency: Idevise and Montantdevise', () => {
  // test/fixtures/fec/currency, as of 30 Jun 2025. C1 Acme Corp: F1 on 15 Mar, Idevise USD,
  // Montantdevise 1 100,00, Debit 1 000,00 (the FEC's Debit is in the company currency, EUR);
  // P1 on 10 May, 400,00 EUR (440,00 USD), lettered AA with F1. C2 Atelier Martin: F2 on 2 Apr,
  // 500,00, no Idevise (the company currency), revenue 416,67 + VAT 83,33.
  // F1: open 1 000 − 400 = 600 EUR; in USD 600 × 1 100 / 1 000 = 660. F2: 500 open in EUR.
  // By currency: USD 600 EUR (660 USD), EUR 500; receivables 1 100: USD 600 / 1 100 = 54.5 %,
  // EUR 500 / 1 100 = 45.5 %.
  it('keeps an invoice\'s currency and its amount in it, open pro rata, and sums the open items by currency', async () => {
    const wh = await sharedWarehouse(fec('currency'), { asOf: '2025-06-30' });
    expect(await wh.query(`select invoice_id, amount, amount_excl_tax, currency, currency_amount, open_amount, currency_open_amount from invoices order by invoice_id`)).toEqual([
      // The revenue line (1 000,00 on 706200) is in EUR too: the amount excl. tax is not converted again.
      { invoice_id: 'F1', amount: 1000, amount_excl_tax: 1000, currency: 'USD', currency_amount: 1100, open_amount: 600, currency_open_amount: 660 },
      { invoice_id: 'F2', amount: 500, amount_excl_tax: 416.67, currency: 'EUR', currency_amount: 500, open_amount: 500, currency_open_amount: 500 },
    ]);
    expect(await wh.query(`select invoice_id, source_id, amount, method from allocations`)).toEqual([
      { invoice_id: 'F1', source_id: 'P1', amount: 400, method: 'lettering' },
    ]);
    const byCurrency = await wh.query(`select currency, is_company_currency, open_amount, currency_open_amount, open_items, round(share_open, 4) as share from receivables_by_currency`);
    expect(byCurrency).toEqual([
      { currency: 'USD', is_company_currency: false, open_amount: 600, currency_open_amount: 660, open_items: 1, share: 0.5455 },
      { currency: 'EUR', is_company_currency: true, open_amount: 500, currency_open_amount: 500, open_items: 1, share: 0.4545 },
    ]);
    expect(await wh.query(`select receivables from run_summary`)).toEqual([{ receivables: 1100 }]);
    expect(await wh.query(`select count(*) as n from quality`)).toEqual([{ n: 0 }]);
  });

  it('counts a line whose Montantdevise is not a number in the company currency, and says so', async () => {
    // F1 as above but Montantdevise 'n/a': the USD amount is unknown, so F1 is 1 000 EUR and in
    // EUR only (600 open); a warning names the line (line 2: the header is line 1) and its PieceRef.
    const text = readFileSync(join(fec('currency'), 'FEC20251231.txt'), 'utf8').replace('1 000,00\t0,00\tAA\t20250510\t20250331\t1 100,00\tUSD', '1 000,00\t0,00\tAA\t20250510\t20250331\tn/a\tUSD');
    const wh = await buildWarehouse(folderWith({ 'FEC20251231.txt': text }), { asOf: '2025-06-30' });
    expect(await wh.query(`select invoice_id, amount, currency, currency_amount, open_amount, currency_open_amount from invoices where invoice_id = 'F1'`)).toEqual([
      { invoice_id: 'F1', amount: 1000, currency: 'EUR', currency_amount: 1000, open_amount: 600, currency_open_amount: 600 },
    ]);
    expect(await wh.query(`select currency, open_amount from receivables_by_currency`)).toEqual([{ currency: 'EUR', open_amount: 1100 }]);
    expect(await wh.query(`select line, severity, record_id, reason_code, reason from quality`)).toEqual([
      { line: 2, severity: 'warning', record_id: 'F1', reason_code: 'fec_currency_amount_unreadable', reason: "Montantdevise 'n/a' is not an amount in USD; the line is counted in the company currency only" },
    ]);
  });
});

describe('encodings and separators', () => {
  // FA-0007: 1,500.00 (zero-padded "0000001500,00") on 31 Jan 2025, no clients file → the default
  // 30 days: 31 Jan + 30 = 2 Mar 2025. VIR-88 pays 500 on 10 Mar. At 30 Apr: 1,000 open, 59 days.
  const expected = { client_id: 'C3', name: "Société Générale d'Électricité", due_date: '2025-03-02', open_amount: 1000, days_past_due: 59 };
  const latin1Bytes = readFileSync(join(fec('latin1'), 'FEC_2025.txt'));
  const query = `select client_id, name, due_date, open_amount, days_past_due from invoices join clients using (client_id)`;

  it('reads Latin-1 with accents, space-padded fields and zero-padded amounts', async () => {
    expect(detectEncoding(latin1Bytes)).toBe('iso-8859-15');
    const wh = await buildWarehouse(fec('latin1'), { asOf: '2025-04-30' });
    expect(await wh.query(query)).toEqual([expected]);
  });

  it('reads the same file written in the DOS code page 850, with CR CR LF line ends', async () => {
    const text = iconv.decode(latin1Bytes, 'latin1');
    const bytes = iconv.encode(text.replaceAll('\r\n', '\r\r\n'), 'cp850');
    expect(detectEncoding(bytes)).toBe('cp850');
    const wh = await buildWarehouse(folderWith({ 'FEC_2025.txt': bytes }), { asOf: '2025-04-30' });
    expect(await wh.query(query)).toEqual([expected]);
    expect(await wh.query(`select count(*) as n from quality`)).toEqual([{ n: 0 }]);
  });

  it('reads Windows-1252 (curly apostrophe at 0x92) and keeps line numbers under CR CR LF', async () => {
    const text = iconv.decode(latin1Bytes, 'latin1').replaceAll("d'Électricité", 'd’Électricité').replace('\t20250310\t51200000', '\t2025-03-10\t51200000');
    const bytes = iconv.encode(text.replaceAll('\r\n', '\r\r\n'), 'windows-1252');
    expect(detectEncoding(bytes)).toBe('windows-1252');
    const wh = await buildWarehouse(folderWith({ 'FEC_2025.txt': bytes }), { asOf: '2025-04-30' });
    expect(await wh.query(`select name from clients`)).toEqual([{ name: 'Société Générale d’Électricité' }]);
    // The bank line of VIR-88 is line 5 (header, three sales lines, then it).
    expect(await wh.query(`select line, severity, reason from quality where severity = 'error'`)).toEqual([
      { line: 5, severity: 'error', reason: "EcritureDate '2025-03-10' is not a date (YYYYMMDD)" },
    ]);
  });

  it('reads a pipe-separated UTF-8 file with a BOM, a trailing separator and EcritureNum 0 on every line', async () => {
    // FV-250 250.00 on 15 Feb, credit note AV-12 50.00 on 20 Feb (a credit in the sales journal, due
    // on its own date),
    // default terms: 15 Feb + 30 = 17 Mar; at 31 Mar 200 open, 14 days. Entries are told apart by
    // date and PieceRef, so both balance.
    const wh = await buildWarehouse(fec('pipe-bom'), { asOf: '2025-03-31' });
    expect(await wh.query(`select invoice_id, kind, due_date, open_amount, days_past_due from invoices order by invoice_id`)).toEqual([
      { invoice_id: 'AV-12', kind: 'credit_note', due_date: '2025-02-20', open_amount: 0, days_past_due: null },
      { invoice_id: 'FV-250', kind: 'invoice', due_date: '2025-03-17', open_amount: 200, days_past_due: 14 },
    ]);
    expect(await wh.query(`select name from clients`)).toEqual([{ name: 'Bücher & Co «Zürich»' }]);
    // Line 8: an impossible date; line 9: a client line without its account. Each is also an
    // entry of one line, which cannot balance.
    expect(await wh.query(`select line, severity, reason from quality order by severity, line`)).toEqual([
      { line: 8, severity: 'error', reason: "EcritureDate '20251345' is not a date (YYYYMMDD)" },
      { line: 9, severity: 'error', reason: 'the line has no account (CompteNum is empty)' },
      { line: 8, severity: 'warning', reason: 'entry VT 0 of 20251345 does not balance: debits 90.00, credits 0.00 (difference 90.00)' },
      { line: 9, severity: 'warning', reason: 'entry VT 0 of 20250301 does not balance: debits 60.00, credits 0.00 (difference 60.00)' },
    ]);
  });

  it('reads Montant + Sens in place of Debit and Credit', async () => {
    const signedHeader = header.replace('Debit\tCredit', 'Montant\tSens');
    const lines = [
      signedHeader,
      'VT\tVentes\t1\t20250110\t411000\tClients\tC9\tGarage Petit\tF9\t20250110\tFacture F9\t100,00\tD\t\t\t20250110\t\t',
      'VT\tVentes\t1\t20250110\t706000\tVentes\t\t\tF9\t20250110\tFacture F9\t100,00\tC\t\t\t20250110\t\t',
      'BQ\tBanque\t1\t20250120\t512000\tBanque\t\t\tR9\t20250120\tRèglement\t40,00\tD\t\t\t20250120\t\t',
      'BQ\tBanque\t1\t20250120\t411000\tClients\tC9\tGarage Petit\tR9\t20250120\tRèglement\t40,00\tC\t\t\t20250120\t\t',
    ];
    const wh = await buildWarehouse(folderWith({ 'grand-livre.txt': fecText(lines) }), { asOf: '2025-01-31' });
    expect(await wh.query(`select invoice_id, amount, open_amount from invoices`)).toEqual([{ invoice_id: 'F9', amount: 100, open_amount: 60 }]);
  });
});

describe('what each client line is', () => {
  // D1, default terms (30 days). F10 1,200 (5 Jan) and F11 600 (10 Jan); on 1 Mar the whole 1,800
  // moves from 411 to 416 (doubtful): a reclassification, neither a payment nor an invoice. P10
  // pays 500 on 416 (1 Apr, unlettered); WO1 writes off 1,200 against 654 on 1 Jun, lettered AB
  // with F11; AV1 credits 40 against revenue in the OD journal on 1 Jul (a credit note by its 706
  // line); F12 is one invoice booked as two 300 instalments under the same PieceRef on 1 Aug.
  // Lettering: WO1 settles F11 (600) and keeps 600. Oldest due first: P10 500, WO1 600, AV1 40
  // all go to F10 → 60 open. Total 1,800 + 600 − 500 − 1,200 − 40 = 660.
  const lines = [
    header,
    fecLine(['VT', 'Ventes', '1', '20250105', '411000', 'Clients', 'D1', 'Durand', 'F10', '20250105', 'F10', '1200,00', '0,00', '', '', '', '', '']),
    fecLine(['VT', 'Ventes', '1', '20250105', '706000', 'Ventes', '', '', 'F10', '20250105', 'F10', '0,00', '1200,00', '', '', '', '', '']),
    fecLine(['VT', 'Ventes', '2', '20250110', '411000', 'Clients', 'D1', 'Durand', 'F11', '20250110', 'F11', '600,00', '0,00', 'AB', '20250601', '', '', '']),
    fecLine(['VT', 'Ventes', '2', '20250110', '706000', 'Ventes', '', '', 'F11', '20250110', 'F11', '0,00', '600,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '3', '20250301', '416000', 'Clients douteux', 'D1', 'Durand', 'RECL', '20250301', 'Douteux', '1800,00', '0,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '3', '20250301', '411000', 'Clients', 'D1', 'Durand', 'RECL', '20250301', 'Douteux', '0,00', '1800,00', '', '', '', '', '']),
    fecLine(['BQ', 'Banque', '4', '20250401', '512000', 'Banque', '', '', 'P10', '20250401', 'P10', '500,00', '0,00', '', '', '', '', '']),
    fecLine(['BQ', 'Banque', '4', '20250401', '416000', 'Clients douteux', 'D1', 'Durand', 'P10', '20250401', 'P10', '0,00', '500,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '5', '20250601', '654000', 'Pertes', '', '', 'WO1', '20250601', 'WO1', '1000,00', '0,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '5', '20250601', '445710', 'TVA', '', '', 'WO1', '20250601', 'WO1', '200,00', '0,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '5', '20250601', '416000', 'Clients douteux', 'D1', 'Durand', 'WO1', '20250601', 'WO1', '0,00', '1200,00', 'AB', '20250601', '', '', '']),
    fecLine(['OD', 'Divers', '6', '20250701', '706000', 'Ventes', '', '', 'AV1', '20250701', 'AV1', '40,00', '0,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '6', '20250701', '411000', 'Clients', 'D1', 'Durand', 'AV1', '20250701', 'AV1', '0,00', '40,00', '', '', '', '', '']),
    fecLine(['VT', 'Ventes', '7', '20250801', '411000', 'Clients', 'D1', 'Durand', 'F12', '20250801', 'F12 1/2', '300,00', '0,00', '', '', '', '', '']),
    fecLine(['VT', 'Ventes', '7', '20250801', '411000', 'Clients', 'D1', 'Durand', 'F12', '20250801', 'F12 2/2', '300,00', '0,00', '', '', '', '', '']),
    fecLine(['VT', 'Ventes', '7', '20250801', '706000', 'Ventes', '', '', 'F12', '20250801', 'F12', '0,00', '600,00', '', '', '', '', '']),
  ];

  it('reads invoices, a reclassification to 416, a payment, a write-off against 654 and a credit note', async () => {
    const wh = await buildWarehouse(folderWith({ 'FEC.txt': fecText(lines) }), { asOf: '2025-12-31' });
    expect(await wh.query(`select invoice_id, kind, amount, open_amount from invoices order by invoice_id`)).toEqual([
      { invoice_id: 'AV1', kind: 'credit_note', amount: -40, open_amount: 0 },
      { invoice_id: 'F10', kind: 'invoice', amount: 1200, open_amount: 60 },
      { invoice_id: 'F11', kind: 'invoice', amount: 600, open_amount: 0 },
      { invoice_id: 'F12/1', kind: 'invoice', amount: 300, open_amount: 300 },
      { invoice_id: 'F12/2', kind: 'invoice', amount: 300, open_amount: 300 },
    ]);
    expect(await wh.query(`select payment_id, amount from payments`)).toEqual([{ payment_id: 'P10', amount: 500 }]);
    expect(await wh.query(`select writeoff_id, amount from writeoffs`)).toEqual([{ writeoff_id: 'WO1', amount: 1200 }]);
    expect(await wh.query(`select invoice_id, source_id, amount, method from allocations order by invoice_id, allocation_date`)).toEqual([
      { invoice_id: 'F10', source_id: 'P10', amount: 500, method: 'oldest_due_first' },
      { invoice_id: 'F10', source_id: 'WO1', amount: 600, method: 'oldest_due_first' },
      { invoice_id: 'F10', source_id: 'AV1', amount: 40, method: 'oldest_due_first' },
      { invoice_id: 'F11', source_id: 'WO1', amount: 600, method: 'lettering' },
    ]);
    expect(await wh.query(`select sum(open_amount) as open from ageing`)).toEqual([{ open: 660 }]);
  });

  it('marks a client whose 416 account holds a balance as doubtful and provisions its open invoices (basis doubtful)', async () => {
    // At 31 Dec the 416 account holds 1,800 − 500 − 1,200 = 100: D1 is doubtful (default rate 50 %).
    // F10: 60 open, excl. tax from its 706 line (1,200 of 1,200) = 60; due 4 Feb, 330 days past due,
    // so beyond 180 days too (overdue, 50 %): a tie, the first basis by name (doubtful) → 30.
    // F12/1 and F12/2: one entry with two client lines, so no revenue per line: 300 / 1.2 = 250
    // each; due 31 Aug, 122 days (91-180), doubtful only → 2 × 125 = 250.
    const wh = await buildWarehouse(folderWith({ 'FEC.txt': fecText(lines) }), { asOf: '2025-12-31' });
    expect(await wh.query(`select bucket, client_id, basis, rate, balance_amount, amount from provisions where method = 'specific' order by bucket_order`)).toEqual([
      { bucket: '91-180', client_id: 'D1', basis: 'doubtful', rate: 0.5, balance_amount: 500, amount: 250 },
      { bucket: '181-365', client_id: 'D1', basis: 'doubtful', rate: 0.5, balance_amount: 60, amount: 30 },
    ]);
    expect(await wh.query(`select client_id, doubtful_amount from clients`)).toEqual([{ client_id: 'D1', doubtful_amount: 100 }]);
    // On 28 Feb nothing has moved to 416 yet and F10, F11 are 24 and 19 days late: no specific provision.
    const before = await buildWarehouse(folderWith({ 'FEC.txt': fecText(lines) }), { asOf: '2025-02-28' });
    expect(await before.query(`select count(*) as n from provisions where method = 'specific'`)).toEqual([{ n: 0 }]);
    expect(await before.query(`select doubtful_amount from clients`)).toEqual([{ doubtful_amount: null }]);
  });
});

describe('two fiscal years and their opening entries', () => {
  // FY2024: F24-01 300 (paid and lettered), F24-10 1,200 (lettered AB with a 2025 payment), F24-11
  // 600. FY2025 opens with à-nouveaux for F24-10 and F24-11, then R25-01 1,200 (AB), R25-02 250
  // (unlettered) and F25-01 900. Either way: F24-11 600 − 250 = 350 open, due 20 Nov + 30 = 20 Dec,
  // 101 days at 31 Mar; F25-01 900, due 1 Feb + 30 = 3 Mar, 28 days. Total 3,000 − 1,750 = 1,250.
  const expected = [
    { invoice_id: 'F24-10', issue_date: '2024-11-05', open_amount: 0, days_past_due: null },
    { invoice_id: 'F24-11', issue_date: '2024-11-20', open_amount: 350, days_past_due: 101 },
    { invoice_id: 'F25-01', issue_date: '2025-02-01', open_amount: 900, days_past_due: 28 },
  ];
  const query = `select invoice_id, issue_date, open_amount, days_past_due from invoices where invoice_id <> 'F24-01' order by invoice_id`;

  it('with both years loaded, the à-nouveaux are not counted twice', async () => {
    const wh = await buildWarehouse(fec('two-years/both'), { asOf: '2025-03-31' });
    expect(await wh.query(query)).toEqual(expected);
    expect(await wh.query(`select sum(amount) as billed, sum(open_amount) as open from invoices`)).toEqual([{ billed: 3000, open: 1250 }]);
    expect(await wh.query(`select source_file, line, severity from quality`)).toEqual([{ source_file: 'FEC20251231.txt', line: 2, severity: 'info' }]);
  });

  it('with the second year alone, the à-nouveaux stand for the items brought forward, at their own dates', async () => {
    const wh = await buildWarehouse(fec('two-years/second-only'), { asOf: '2025-03-31' });
    expect(await wh.query(query)).toEqual(expected);
    expect(await wh.query(`select sum(open_amount) as open from invoices`)).toEqual([{ open: 1250 }]);
  });
});

describe('provisions booked on 491, read for comparison', () => {
  // C5: a 1,000 invoice in March 2024, provisioned 400 on 31 Dec 2024 (6817 / 491), 150 of it
  // reversed on 31 Mar 2025 (491 / 7817). FY2025 opens with the 491 balance brought forward.
  const fy2024 = [
    header,
    fecLine(['VT', 'Ventes', '1', '20240310', '411000', 'Clients', 'C5', 'Roux', 'F50', '20240310', 'F50', '1000,00', '0,00', '', '', '', '', '']),
    fecLine(['VT', 'Ventes', '1', '20240310', '706000', 'Ventes', '', '', 'F50', '20240310', 'F50', '0,00', '1000,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '2', '20241231', '681700', 'Dotations', '', '', 'PR1', '20241231', 'Provision Roux', '400,00', '0,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '2', '20241231', '491000', 'Provisions', 'C5', 'Roux', 'PR1', '20241231', 'Provision Roux', '0,00', '400,00', '', '', '', '', '']),
  ];
  const fy2025 = [
    header,
    fecLine(['AN', 'A nouveaux', '1', '20250101', '411000', 'Clients', 'C5', 'Roux', 'F50', '20240310', 'F50', '1000,00', '0,00', '', '', '', '', '']),
    fecLine(['AN', 'A nouveaux', '1', '20250101', '491000', 'Provisions', 'C5', 'Roux', 'PR1', '20241231', 'Provision Roux', '0,00', '400,00', '', '', '', '', '']),
    fecLine(['AN', 'A nouveaux', '1', '20250101', '890000', 'Bilan', '', '', 'AN', '20250101', 'A nouveaux', '0,00', '600,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '1', '20250331', '491000', 'Provisions', 'C5', 'Roux', 'RP1', '20250331', 'Reprise Roux', '150,00', '0,00', '', '', '', '', '']),
    fecLine(['OD', 'Divers', '1', '20250331', '781700', 'Reprises', '', '', 'RP1', '20250331', 'Reprise Roux', '0,00', '150,00', '', '', '', '', '']),
  ];
  const booked = `select month_end, client_id, amount from provisions where method = 'booked' and month_end >= '2024-11-30' order by month_end`;
  // 400 from 31 Dec 2024, 250 from 31 Mar 2025: the à-nouveau is not added again when 2024 is loaded …
  const expected = [
    { month_end: '2024-12-31', client_id: 'C5', amount: 400 },
    { month_end: '2025-01-31', client_id: 'C5', amount: 400 },
    { month_end: '2025-02-28', client_id: 'C5', amount: 400 },
    { month_end: '2025-03-31', client_id: 'C5', amount: 250 },
    { month_end: '2025-04-30', client_id: 'C5', amount: 250 },
  ];

  it('gives the 491 balance at each month end, once when both years are loaded', async () => {
    const dir = folderWith({ 'FEC2024.txt': fecText(fy2024), 'FEC2025.txt': fecText(fy2025) });
    const wh = await buildWarehouse(dir, { asOf: '2025-04-30' });
    expect(await wh.query(booked)).toEqual(expected);
  });

  it('takes the à-nouveau as the balance brought forward when the year is alone', async () => {
    const wh = await buildWarehouse(folderWith({ 'FEC2025.txt': fecText(fy2025) }), { asOf: '2025-04-30' });
    // … and stands for it when 2024 is not: the months from January on are the same.
    expect(await wh.query(booked)).toEqual(expected.slice(1));
  });
});

describe('payment terms encours does not understand', () => {
  it('are a warning on the client, and its invoices get the default terms', async () => {
    const lines = [
      header,
      'VT\tVentes\t1\t20250115\t411000\tClients\tC7\tLefèvre\tF70\t20250115\tF70\t100,00\t0,00\t\t\t\t\t',
      'VT\tVentes\t1\t20250115\t706000\tVentes\t\t\tF70\t20250115\tF70\t0,00\t100,00\t\t\t\t\t',
    ];
    const dir = folderWith({ 'FEC.txt': fecText(lines), 'clients.csv': 'client_id,name,payment_terms\nC7,Lefèvre SA,selon contrat\n' });
    const wh = await buildWarehouse(dir, { asOf: '2025-03-31' });
    // 15 Jan + 30 days (defaultTermsDays) = 14 Feb.
    expect(await wh.query(`select due_date, due_date_source from invoices`)).toEqual([{ due_date: '2025-02-14', due_date_source: 'default_terms' }]);
    expect(await wh.query(`select source_file, line, severity, reason from quality`)).toEqual([
      { source_file: 'clients.csv', line: 2, severity: 'warning', reason: "payment terms 'selon contrat' are not understood; invoices without a due date get the default of 30 days" },
    ]);
    // The clients file names the client; the FEC's CompAuxLib is only a fallback.
    expect(await wh.query(`select name from clients`)).toEqual([{ name: 'Lefèvre SA' }]);
  });
});

describe('a file that looks like a FEC but lacks columns', () => {
  it('stops the run and names the missing columns', async () => {
    const partial = header.replace('\tEcritureLet\tDateLet', '');
    const dir = folderWith({ 'FEC.txt': `${partial}\nVT\tVentes\t1\t20250101\t411\tClients\tC1\tX\tF1\t20250101\tF\t1,00\t0,00\t20250101\t\t\n` });
    const run = buildWarehouse(dir);
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(/FEC\.txt, line 1: looks like a FEC \(it has 16 of its 18 columns\) but lacks EcritureLet, DateLet/);
  });
});

describe('lettering codes are scoped to a client and a fiscal year', () => {
  // test/fixtures/fec-lettering: two yearly files, default terms (30 days), as of 31 Mar 2025.
  // C1: AA letters F1 1,200 (15 Jan 2024) with P1 (20 Mar 2024), and AA again, in 2025, F9 900
  // (10 Jan 2025) with P9 (10 Mar 2025). C2: AA letters F2 1,000 (15 Oct 2024) with P2 600 only
  // (20 Nov 2024); the 400 left is brought forward by an unlettered à-nouveau; in 2025 AA letters
  // F8 500 (20 Jan) with P8 500 (25 Feb). C3: AB letters F3 1,500 (5 Nov 2024) with P3 500
  // (10 Dec 2024); the à-nouveau carries F3's 1,000 with its code AB, lettered with P4 1,000 on
  // 14 Feb 2025.
  const dir = join(fixturesDir, 'fec-lettering');
  const [fy2024, fy2025] = ['123456789FEC20241231.txt', '123456789FEC20251231.txt'].map((name) => readFileSync(join(dir, name), 'utf8'));
  const clients = readFileSync(join(dir, 'clients.csv'), 'utf8');
  const invoices = `select invoice_id, amount, due_date, open_amount, days_past_due, bucket, settled_date from invoices order by invoice_id`;
  // Due dates: issue + 30 days. F2: due 14 Nov 2024; 31 Mar 2025 − 14 Nov 2024 = 16 + 31 + 31 + 28
  // + 31 = 137 days. (Grouped by code alone, C2's AA would take P8 for F2's 400 and leave F8 400
  // open, 40 days past due.)
  const expected = [
    { invoice_id: 'F1', amount: 1200, due_date: '2024-02-14', open_amount: 0, days_past_due: null, bucket: null, settled_date: '2024-03-20' },
    { invoice_id: 'F2', amount: 1000, due_date: '2024-11-14', open_amount: 400, days_past_due: 137, bucket: '91-180', settled_date: null },
    { invoice_id: 'F3', amount: 1500, due_date: '2024-12-05', open_amount: 0, days_past_due: null, bucket: null, settled_date: '2025-02-14' },
    { invoice_id: 'F8', amount: 500, due_date: '2025-02-19', open_amount: 0, days_past_due: null, bucket: null, settled_date: '2025-02-25' },
    { invoice_id: 'F9', amount: 900, due_date: '2025-02-09', open_amount: 0, days_past_due: null, bucket: null, settled_date: '2025-03-10' },
  ];
  // Only the 2024 group of C2 is left open, and 2024 is over: one warning, on F2's line (line 6).
  const warning = 'lettering group AA of client C2 (fiscal year ending 2024-12-31) does not net to zero: debits exceed credits by 400.00; what it does not settle is matched oldest due first';

  it('settles each year\'s invoices with that year\'s payments when a code is used again', async () => {
    const wh = await buildWarehouse(dir, { asOf: '2025-03-31' });
    expect(await wh.query(invoices)).toEqual(expected);
    expect(await wh.query(`select invoice_id, source_id, allocation_date, amount, method from allocations order by invoice_id, allocation_date`)).toEqual([
      { invoice_id: 'F1', source_id: 'P1', allocation_date: '2024-03-20', amount: 1200, method: 'lettering' },
      { invoice_id: 'F2', source_id: 'P2', allocation_date: '2024-11-20', amount: 600, method: 'lettering' },
      { invoice_id: 'F3', source_id: 'P3', allocation_date: '2024-12-10', amount: 500, method: 'lettering' },
      // The partial lettering AB goes on into 2025: the à-nouveau is left out, F3 itself takes P4.
      { invoice_id: 'F3', source_id: 'P4', allocation_date: '2025-02-14', amount: 1000, method: 'lettering' },
      { invoice_id: 'F8', source_id: 'P8', allocation_date: '2025-02-25', amount: 500, method: 'lettering' },
      { invoice_id: 'F9', source_id: 'P9', allocation_date: '2025-03-10', amount: 900, method: 'lettering' },
    ]);
    expect(await wh.query(`select source_file, line, severity, reason from quality where input = 'fec' order by severity, line`)).toEqual([
      { source_file: '123456789FEC20251231.txt', line: 2, severity: 'info', reason: expect.stringMatching(/^2 opening lines/) },
      { source_file: '123456789FEC20241231.txt', line: 6, severity: 'warning', reason: warning },
    ]);
  });

  it('with 2025 alone, the à-nouveaux carry F2 and F3 (with its code AB) into the year', async () => {
    const wh = await buildWarehouse(folderWith({ '123456789FEC20251231.txt': fy2025!, 'clients.csv': clients }), { asOf: '2025-03-31' });
    // The brought-forward items are their open part at their own dates: F2 400, F3 1,000.
    expect(await wh.query(invoices)).toEqual([
      { ...expected[1], amount: 400 },
      { ...expected[2], amount: 1000 },
      expected[3],
      expected[4],
    ]);
    expect(await wh.query(`select count(*) as n from quality where input = 'fec'`)).toEqual([{ n: 0 }]);
  });

  it('cuts a single file spanning both years at the closing date of its name', async () => {
    // The same lines in one file: the 2025 à-nouveaux start on line 14 (header + 12 lines of 2024).
    const both = fy2024! + fy2025!.slice(fy2025!.indexOf('\n') + 1);
    const wh = await buildWarehouse(folderWith({ '123456789FEC20251231.txt': both, 'clients.csv': clients }), { asOf: '2025-03-31' });
    expect(await wh.query(invoices)).toEqual(expected);
    expect(await wh.query(`select line, severity, reason from quality where input = 'fec' order by severity, line`)).toEqual([
      { line: 14, severity: 'info', reason: expect.stringMatching(/^2 opening lines/) },
      { line: 6, severity: 'warning', reason: warning },
    ]);
  });

  it('follows a fiscal year closing on 30 June, and warns only once the year is over', async () => {
    // C5, closing 30 June (file name), default terms, as of 30 Sep 2024. AC letters F5 1,000 (1 Mar
    // 2024) with P5 400 (10 Apr): fiscal year ending 30 Jun 2024. AC again in the next year: F6 300
    // (1 Aug 2024) with P6 300 (1 Sep). AD letters F7 800 (5 Sep) with P7 200 (20 Sep), in a year
    // not over. F5: 600 open, due 31 Mar, 183 days; F6 settled; F7 600 open, due 5 Oct, not due.
    // (Read as calendar years, AC would give P6 to F5: F5 300 and F6 300 open.)
    const line = (j: string, n: number, date: string, account: string, ref: string, debit: string, credit: string, code = '') =>
      fecLine([j, j, String(n), date, account, 'Compte', account.startsWith('411') ? 'C5' : '', account.startsWith('411') ? 'Moreau' : '', ref, date, ref, debit, credit, code, code ? date : '', '', '', '']);
    const lines = [
      header,
      line('VT', 1, '20240301', '411000', 'F5', '1000,00', '0,00', 'AC'), line('VT', 1, '20240301', '706000', 'F5', '0,00', '1000,00'),
      line('BQ', 1, '20240410', '512000', 'P5', '400,00', '0,00'), line('BQ', 1, '20240410', '411000', 'P5', '0,00', '400,00', 'AC'),
      line('VT', 2, '20240801', '411000', 'F6', '300,00', '0,00', 'AC'), line('VT', 2, '20240801', '706000', 'F6', '0,00', '300,00'),
      line('BQ', 2, '20240901', '512000', 'P6', '300,00', '0,00'), line('BQ', 2, '20240901', '411000', 'P6', '0,00', '300,00', 'AC'),
      line('VT', 3, '20240905', '411000', 'F7', '800,00', '0,00', 'AD'), line('VT', 3, '20240905', '706000', 'F7', '0,00', '800,00'),
      line('BQ', 3, '20240920', '512000', 'P7', '200,00', '0,00'), line('BQ', 3, '20240920', '411000', 'P7', '0,00', '200,00', 'AD'),
    ];
    const wh = await buildWarehouse(folderWith({ '987654321FEC20250630.txt': fecText(lines) }), { asOf: '2024-09-30' });
    expect(await wh.query(`select invoice_id, due_date, open_amount, days_past_due, bucket from invoices order by invoice_id`)).toEqual([
      { invoice_id: 'F5', due_date: '2024-03-31', open_amount: 600, days_past_due: 183, bucket: '181-365' },
      { invoice_id: 'F6', due_date: '2024-08-31', open_amount: 0, days_past_due: null, bucket: null },
      { invoice_id: 'F7', due_date: '2024-10-05', open_amount: 600, days_past_due: 0, bucket: 'not_due' },
    ]);
    expect(await wh.query(`select line, severity, reason from quality where input = 'fec'`)).toEqual([
      { line: 2, severity: 'warning', reason: 'lettering group AC of client C5 (fiscal year ending 2024-06-30) does not net to zero: debits exceed credits by 600.00; what it does not settle is matched oldest due first' },
    ]);
  });
});
