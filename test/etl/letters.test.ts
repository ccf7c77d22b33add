// Letters that can be sent, on a hand-made ledger (test/fixtures/letters) at 2024-08-30 with an
// ECB table that stops at the first half of 2024 (a table nobody brought up to date): an interest
// the table cannot price is unknown, never 0, while the days it prices are claimed; each letter is in its client's language and law and
// knows whether it can be posted (a postal address); every client with open items has a statement.
// Every figure is worked out by hand below.
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { fixturesDir, sharedWarehouse, type Warehouse } from '../helpers.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await sharedWarehouse(join(fixturesDir, 'letters'), { asOf: '2024-08-30' });
});

const byId = async (sql: string, key: string) => Object.fromEntries((await wh.query(sql)).map((r) => [r[key], r]));

describe('an interest the ECB table cannot price', () => {
  it('is priced up to the last half-year the table has, and the first day without a rate is named', async () => {
    const penalties = await byId(`select invoice_id, interest_amount, days_without_rate, rate_missing_from_date from penalties`, 'invoice_id');
    // A1: 1,000 € due 31 May, late 1 June – 30 August. June (30 days) at 4.50 + 10 = 14.5 %:
    // 1000 × 14.5 × 30 / 36500 = 11.917… → 11.92; July and August (31 + 30 = 61 days) have no rate.
    expect(penalties.A1).toEqual({ invoice_id: 'A1', interest_amount: 11.92, days_without_rate: 61, rate_missing_from_date: '2024-07-01' });
    // B1: due 20 July, late from 21 July (11 + 30 = 41 days), all in the missing half-year.
    expect(penalties.B1).toMatchObject({ days_without_rate: 41, rate_missing_from_date: '2024-07-21' });
  });

  it('is claimed in the letter for the days the table prices, and said unknown from the first day it does not', async () => {
    const lines = await byId(`select invoice_id, interest_amount, interest_known_amount, interest_unknown_from_date, indemnity_amount from letter_lines`, 'invoice_id');
    // A1: its whole interest is unknown (NULL, never 0), but June's 11.92 € (worked out above) can
    // be calculated and is claimed; from 1 July it cannot.
    expect(lines.A1).toEqual({ invoice_id: 'A1', interest_amount: null, interest_known_amount: 11.92, interest_unknown_from_date: '2024-07-01', indemnity_amount: 40 });
    // B1 (DEU): late only in the missing half-year: nothing can be calculated (0 known, said unknown).
    expect(lines.B1).toMatchObject({ interest_amount: null, interest_known_amount: 0, interest_unknown_from_date: '2024-07-21' });
    const letters = await byId(`select * from letters`, 'client_id');
    // FRA: A1 (1,000) in the letter; A3 (400, disputed) paused, left out. Claimed: 1,000 + 11.92 of
    // June's interest + 40 = 1,051.92; the rest of the interest said unknown from 1 July.
    expect(letters.FRA).toMatchObject({
      letter: 'formal_notice', invoice_count: 1, open_amount: 1000, interest_amount: null, interest_known_amount: 11.92,
      interest_unknown_invoice_count: 1, interest_unknown_from_date: '2024-07-01', indemnity_amount: 40, claimed_amount: 1051.92,
      left_out_invoice_count: 1, left_out_open_amount: 400,
    });
    // DEU: B1 only, nothing calculable: principal + indemnity.
    expect(letters.DEU).toMatchObject({ interest_amount: null, interest_known_amount: 0, interest_unknown_from_date: '2024-07-21' });
  });

  it('is said on the client’s penalties too, from the same first day, with what can be calculated', async () => {
    // FRA's open late invoices: A1 (11.92 € for June, unknown from 1 July) and A3 (late from
    // 1 July: nothing priced): indemnities 2 × 40 = 80, claimable 80 + 11.92 = 91.92.
    const [owed] = await wh.query(`select interest_claimable_amount, indemnity_claimable_amount, claimable_amount, rate_missing_from_date from penalties_by_client where client_id = 'FRA'`);
    expect(owed).toEqual({ interest_claimable_amount: 11.92, indemnity_claimable_amount: 80, claimable_amount: 91.92, rate_missing_from_date: '2024-07-01' });
  });
});

describe('each letter', () => {
  it('is in its client’s language and cites its client’s law', async () => {
    const letters = await byId(`select client_id, letter_language, legal_basis from letters`, 'client_id');
    // France: the Code de commerce in French; Germany (EU): the directive 2011/7/EU, in English;
    // Switzerland (outside the EU, French-speaking Geneva): the terms of sale, in French; no
    // country: the company's own, France.
    expect(letters.FRA).toMatchObject({ letter_language: 'fr', legal_basis: 'fr_commercial_code' });
    expect(letters.DEU).toMatchObject({ letter_language: 'en', legal_basis: 'eu_directive' });
    expect(letters.CHE).toMatchObject({ letter_language: 'fr', legal_basis: 'terms_of_sale' });
    expect(letters.NOAD).toMatchObject({ letter_language: 'fr', legal_basis: 'fr_commercial_code' });
  });

  it('is ready to post only with a postal address', async () => {
    const letters = await byId(`select client_id, is_ready, is_address_missing from letters`, 'client_id');
    expect(letters.NOAD).toMatchObject({ is_ready: false, is_address_missing: true });
    expect(letters.FRA).toMatchObject({ is_ready: true, is_address_missing: false });
    const [fra] = await wh.query(`select address_line_1, address_line_2, postcode, city from clients where client_id = 'FRA'`);
    expect(fra).toEqual({ address_line_1: '12 rue des Lilas', address_line_2: 'Bâtiment B', postcode: '69003', city: 'Lyon' });
  });
});

describe('the overdue invoices a letter leaves out', () => {
  it('are counted in the currency each is in, as the letter states its principal', async () => {
    const letters = await byId(`select client_id, has_foreign_currency, open_amount, left_out_invoice_count, left_out_open_amount, left_out_currencies, left_out_currency_amounts from letters`, 'client_id');
    // CHD (Geneva): D1, 1,000.00 € due 31 May, in the letter (a formal notice, 91 days late); D2,
    // 800.00 CHF (840.00 € in the export's company-currency column) and D3, 100.00 €, both due
    // 30 June and disputed: paused, left out. The letter names euros only; what it leaves out is
    // 100.00 € and 800.00 CHF (940.00 € in the books), not "940,00 €".
    expect(letters.CHD).toEqual({
      client_id: 'CHD', has_foreign_currency: false, open_amount: 1000, left_out_invoice_count: 2, left_out_open_amount: 940,
      left_out_currencies: ['EUR', 'CHF'], left_out_currency_amounts: [100, 800],
    });
    // FRA: A3 (400 €, disputed) left out: one item in the company currency.
    expect(letters.FRA).toMatchObject({ left_out_currencies: ['EUR'], left_out_currency_amounts: [400] });
    // CHX leaves nothing out: empty lists, not NULL.
    expect(letters.CHX).toMatchObject({ left_out_invoice_count: 0, left_out_currencies: [], left_out_currency_amounts: [] });
  });
});

describe('a letter to a client invoiced in two currencies', () => {
  // CHX (Geneva): X1, 2,000.00 CHF (2,100.00 € in the export's company-currency column), and X2,
  // 500.00 €, both due 31 May, nothing paid: late 91 days at 30 August, a formal notice.
  it('names each invoice in its own currency, beside its company-currency amount', async () => {
    const lines = await byId(`select invoice_id, currency, amount, open_amount, currency_amount, currency_open_amount from letter_lines where client_id = 'CHX'`, 'invoice_id');
    expect(lines.X1).toEqual({ invoice_id: 'X1', currency: 'CHF', amount: 2100, open_amount: 2100, currency_amount: 2000, currency_open_amount: 2000 });
    expect(lines.X2).toEqual({ invoice_id: 'X2', currency: 'EUR', amount: 500, open_amount: 500, currency_amount: 500, currency_open_amount: 500 });
  });

  it('states its principal per currency, the euros first, and claims interest and indemnities in euros', async () => {
    const [chx] = await wh.query(`select * from letters where client_id = 'CHX'`);
    // Interest is computed on the euro amounts for June only (the table stops there), 30 days at
    // 4.50 + 10 = 14.5 %: X1 2100 × 14.5 × 30 / 36500 = 25.027… → 25.03; X2 500 × 14.5 × 30 / 36500
    // = 5.958… → 5.96; 30.99 in all. Indemnities 2 × 40 € = 80 €.
    // In euros: 2,100 + 500 = 2,600 open, claimed 2,600 + 30.99 + 80 = 2,710.99 (the equivalent).
    // What the letter states: 500.00 € and 2,000.00 CHF of principal; it claims 500 + 30.99 + 80
    // = 610.99 € and 2,000.00 CHF.
    expect(chx).toMatchObject({
      letter: 'formal_notice', invoice_count: 2, open_amount: 2600, interest_known_amount: 30.99, indemnity_amount: 80, claimed_amount: 2710.99,
      has_foreign_currency: true,
      open_currencies: ['EUR', 'CHF'], open_currency_amounts: [500, 2000],
      claimed_currencies: ['EUR', 'CHF'], claimed_currency_amounts: [610.99, 2000],
    });
  });

  it('leaves a letter in euros alone: its one currency and its amounts as they were', async () => {
    const [fra] = await wh.query(`select has_foreign_currency, open_currencies, open_currency_amounts, claimed_currencies, claimed_currency_amounts from letters where client_id = 'FRA'`);
    // FRA: A1, 1,000 € open, claimed 1,051.92 € (worked out above).
    expect(fra).toEqual({ has_foreign_currency: false, open_currencies: ['EUR'], open_currency_amounts: [1000], claimed_currencies: ['EUR'], claimed_currency_amounts: [1051.92] });
  });
});

describe('account statements', () => {
  it('exist for every client with open items, chased today or not', async () => {
    const statements = await byId(`select client_id, total_open_amount, balance_amount from statements`, 'client_id');
    // FRA 1,000 + 400; QUIET's invoice is due in two months (not in the worklist); CASH has only a
    // payment of 150 allocated to nothing (balance −150).
    expect(Object.keys(statements).sort()).toEqual(['CASH', 'CHD', 'CHE', 'CHP', 'CHX', 'DEU', 'FRA', 'NOAD', 'QUIET']);
    expect(statements.FRA).toMatchObject({ total_open_amount: 1400, balance_amount: 1400 });
    expect(statements.QUIET).toMatchObject({ total_open_amount: 250 });
    expect(statements.CASH).toMatchObject({ total_open_amount: 0, balance_amount: -150 });
    const [worklist] = await wh.query(`select count(*)::integer as n from worklist where client_id in ('QUIET', 'CASH')`);
    expect(worklist!.n).toBe(0);
  });
});

describe('the account statement of a client invoiced or paying in Swiss francs', () => {
  it('states each open invoice in its own currency beside its company-currency amount, and the totals per currency', async () => {
    // CHX (Geneva): X1, 2,000.00 CHF (2,100.00 € in the export's company-currency column), and X2,
    // 500.00 €, both due 31 May, nothing paid: both open in full and overdue at 30 August.
    const lines = await byId(`select document_id, currency, amount, open_amount, currency_amount, currency_open_amount from statement_lines where client_id = 'CHX'`, 'document_id');
    expect(lines.X1).toEqual({ document_id: 'X1', currency: 'CHF', amount: 2100, open_amount: 2100, currency_amount: 2000, currency_open_amount: 2000 });
    expect(lines.X2).toEqual({ document_id: 'X2', currency: 'EUR', amount: 500, open_amount: 500, currency_amount: 500, currency_open_amount: 500 });
    const [chx] = await wh.query(`select * from statements where client_id = 'CHX'`);
    // In the company's books: 2,100 + 500 = 2,600 € open, all overdue, no unapplied cash. Told to the
    // client: 500.00 € and 2,000.00 CHF (the euros first), all overdue, balance the same.
    expect(chx).toMatchObject({
      item_count: 2, total_open_amount: 2600, overdue_amount: 2600, unapplied_cash_amount: 0, balance_amount: 2600,
      has_foreign_currency: true, currencies: ['EUR', 'CHF'],
      invoices_currency_amounts: [500, 2000], credits_currency_amounts: [0, 0], total_currency_amounts: [500, 2000],
      overdue_currency_amounts: [500, 2000], unapplied_currency_amounts: [0, 0], balance_currency_amounts: [500, 2000],
    });
  });

  it('states unapplied cash received in francs in francs', async () => {
    // CHP (Geneva): Y1, 1,000.00 CHF (1,050.00 €: the invoice's rate is 1.05 € a franc), and Y2,
    // 200.00 €, both due 31 July. On 10 August it pays 1,500.00 CHF naming Y1 (1,560.00 € at that
    // day's rate, but a payment in an invoice's currency counts at that invoice's rate):
    // 1,500 × 1.05 = 1,575.00 €. Y1 takes 1,050.00 €, the rest (525.00) goes to the oldest due
    // first, Y2, 200.00 €: both invoices are settled, 325.00 € unapplied. In francs, the same share
    // of the payment: 325 × 1,500 / 1,575 = 309.523… → 309.52 CHF (the 1,000 CHF of Y1 and the
    // 200 € of Y2, 190.48 CHF at 1.05, make up the rest: 1,000 + 190.48 + 309.52 = 1,500).
    const [payment] = await wh.query(`select amount, unapplied_amount, currency, currency_amount, currency_unapplied_amount from payments where payment_id = 'R2'`);
    expect(payment).toEqual({ amount: 1575, unapplied_amount: 325, currency: 'CHF', currency_amount: 1500, currency_unapplied_amount: 309.52 });
    const lines = await wh.query(`select line_kind, document_id, amount, open_amount, currency, currency_amount, currency_open_amount from statement_lines where client_id = 'CHP'`);
    expect(lines).toEqual([{ line_kind: 'unapplied_payment', document_id: 'R2', amount: 1575, open_amount: -325, currency: 'CHF', currency_amount: 1500, currency_open_amount: -309.52 }]);
    const [chp] = await wh.query(`select * from statements where client_id = 'CHP'`);
    // Nothing open: a credit of 325.00 € in the books, 309.52 CHF to the client (its only currency).
    expect(chp).toMatchObject({
      item_count: 0, total_open_amount: 0, unapplied_cash_amount: -325, balance_amount: -325,
      has_foreign_currency: true, currencies: ['CHF'], total_currency_amounts: [0], unapplied_currency_amounts: [-309.52], balance_currency_amounts: [-309.52],
    });
  });

  it('leaves a statement in euros alone: one currency, its amounts as they were', async () => {
    const [fra] = await wh.query(`select has_foreign_currency, currencies, total_currency_amounts, balance_currency_amounts from statements where client_id = 'FRA'`);
    // FRA: A1 1,000 € + A3 400 € (worked out above).
    expect(fra).toEqual({ has_foreign_currency: false, currencies: ['EUR'], total_currency_amounts: [1400], balance_currency_amounts: [1400] });
    // CASH: a payment of 150 € with no currency given: the company's.
    const [cash] = await wh.query(`select currency, currency_open_amount from statement_lines where client_id = 'CASH'`);
    expect(cash).toEqual({ currency: 'EUR', currency_open_amount: -150 });
  });
});
