// The quality page's reasons in the page's language: every code the ETL emits is worded in French
// and in English (site/lib/i18n/quality-reasons.ts), the French page shows no English reason, and
// the by-reason table words a kind of problem with its fixed parts.

import { describe, expect, it } from 'vitest';

import { formatIn } from '../../site/lib/format.ts';
import { en } from '../../site/lib/i18n/en.ts';
import { fr } from '../../site/lib/i18n/fr.ts';
import { kindPattern, reasonWords, wordedReason, type CodedReason, type ReasonKind } from '../../site/lib/quality.ts';
import { sqlNamedFields, sqlReasonCodes, sqlWordedCodes } from './quality-reason-codes.ts';

// Words that are English and not French (a French sentence never holds them; the values a
// reason quotes are kept out of the sample below).
const englishWords = /\b(the|is|are|not|of|and|does|with|without|names|missing|duplicate|amount|left|out|kept|before|after|outside|dropped|match|late|file|lines?)\b/i;

describe('quality reason wording', () => {
  const worded = sqlWordedCodes();

  it('finds the codes the SQL words (the list is not empty, it holds the staging codes)', () => {
    // A handful the staging models emit, named by hand: the collection must at least find them.
    for (const code of ['missing_client_id', 'duplicate_id', 'date_unreadable', 'amount_not_a_number', 'fec_entry_unbalanced', 'email_invalid']) {
      expect(worded).toContain(code);
    }
  });

  it('words in English every code a model emits', () => {
    expect(sqlReasonCodes().filter((code) => !worded.includes(code))).toEqual([]);
  });

  it('names in words every input column a reason names (a duplicate id, a bad date or amount), never by its code', () => {
    // The collection finds the columns of payments, clients and actions at least.
    expect(sqlNamedFields()).toEqual(expect.arrayContaining(['payment_date', 'credit_limit', 'promise_amount', 'client_id']));
    for (const field of sqlNamedFields()) {
      expect(fr.quality.reasons('not_positive', '', null, [], field)).not.toContain('_');
      expect(en.quality.reasons('not_positive', '', null, [], field)).not.toContain('_');
    }
  });

  it.each(sqlWordedCodes())('words %s in French and in English, and the French has no English word', (code) => {
    const field = code.startsWith('amount_') ? 'credit_limit' : 'payment_date';
    const frText = fr.quality.reasons(code, '12', 'X1', ['USD', 'Y2', 'Z3', 'W4'], field);
    const enText = en.quality.reasons(code, '12', 'X1', ['USD', 'Y2', 'Z3', 'W4'], field);
    expect(frText).toBeTypeOf('string');
    expect(enText).toBeTypeOf('string');
    expect(frText).not.toBe(enText);
    expect(frText).not.toMatch(englishWords);
  });
});

describe('wordedReason on the French page', () => {
  const word = reasonWords(fr.quality, formatIn('fr'));
  const row = (reason: string, coded: Omit<CodedReason, 'reason'>) => ({ reason, reason_number: null, reason_ref: null, reason_field: null, reason_parts: [], ...coded });

  it('words a bad payment date in French, the offending text as written and the format in force', () => {
    const r = row("payment date '31/02/2024' does not match the date format %d/%m/%Y", {
      reason_code: 'date_unreadable', reason_field: 'payment_date', reason_ref: '31/02/2024', reason_parts: ['%d/%m/%Y'],
    });
    expect(wordedReason(r, word)).toBe('Date de paiement « 31/02/2024 » : ne suit pas le format de date %d/%m/%Y');
  });

  it('keeps an offending text that looks like an ISO date as written (it may not be a date at all)', () => {
    const r = row("action date '2024-02-30' does not match the date format %d/%m/%Y", {
      reason_code: 'date_unreadable', reason_field: 'action_date', reason_ref: '2024-02-30', reason_parts: ['%d/%m/%Y'],
    });
    expect(wordedReason(r, word)).toBe('Date de l’action « 2024-02-30 » : ne suit pas le format de date %d/%m/%Y');
  });

  it("words an amount in a foreign currency, with the currency the export wrote", () => {
    const r = row("credit limit '1 200 USD' is in USD, not the company currency EUR", {
      reason_code: 'amount_foreign_currency', reason_field: 'credit_limit', reason_ref: '1 200 USD', reason_parts: ['USD'],
    });
    expect(wordedReason(r, word)).toBe('Limite de crédit « 1 200 USD » est en USD, pas dans la devise de l’entreprise');
  });

  it('words a paid amount that does not read with its problem and the currency written beside it', () => {
    const r = row("paid amount '12,00 USD' is in USD, not the company currency EUR; the settlement is ignored", {
      reason_code: 'paid_amount_unreadable', reason_field: 'paid_amount', reason_ref: '12,00 USD', reason_parts: ['USD', 'foreign_currency'],
    });
    expect(wordedReason(r, word)).toBe('Montant réglé « 12,00 USD » est en USD, pas dans la devise de l’entreprise ; le règlement est ignoré');
  });

  it('writes an unbalanced entry’s amounts as French money', () => {
    // debits 1234.50 and credits 1200.00: 1 234,50 € (U+202F between thousands, U+00A0 before €), 1 200,00 €, écart 34,50 €.
    const r = row('entry VE 12 of 20240131 does not balance: debits 1234.50, credits 1200.00 (difference 34.50)', {
      reason_code: 'fec_entry_unbalanced', reason_ref: 'VE 12', reason_parts: ['20240131', '1234.50', '1200.00', '34.50'],
    });
    expect(wordedReason(r, word)).toBe(
      'Écriture VE 12 du 20240131 déséquilibrée : débits 1\u202f234,50\u00a0€, crédits 1\u202f200,00\u00a0€ (écart 34,50\u00a0€)',
    );
  });

  it('writes a real date in words: a promise dated before its action', () => {
    const r = row('promise date 2024-03-01 is before the action date 2024-03-05', {
      reason_code: 'promise_before_action', reason_field: 'promise_date', reason_ref: '2024-03-01', reason_parts: ['2024-03-05'],
    });
    expect(wordedReason(r, word)).toBe('Date de promesse 1er mars 2024 antérieure à la date de l’action (5 mars 2024)');
  });

  it('writes a balance the export gives that differs from the open amount with both figures as French money and the date in words', () => {
    const r = row("the export says invoice FA0002 still owes 386.55, and its amount less its payments and credit notes leaves 586.55 open at 2024-03-31: …", {
      reason_code: 'balance_differs', reason_field: 'open_amount', reason_ref: 'FA0002', reason_parts: ['386.55', '586.55', '2024-03-31'],
    });
    expect(wordedReason(r, word)).toBe(
      'L’export dit que la facture FA0002 doit encore 386,55\u00a0€, et son montant moins ses paiements et ses avoirs laisse 586,55\u00a0€ à payer au 31 mars 2024 : un paiement ou un avoir manque aux exports, ou est daté après le solde de l’export',
    );
  });

  it('shows a reason with no code as the run wrote it (a reader’s text it does not code)', () => {
    expect(wordedReason(row('due date before the issue date', { reason_code: null }), word)).toBe('due date before the issue date');
  });
});

describe('a kind of problem in the page’s language (kindPattern)', () => {
  // Kinds as the quality_reasons mart gives them: the code, the column, the fixed parts and the
  // first row's parts (test/etl/quality-reasons.test.ts groups and counts them).
  const kind = (k: Omit<ReasonKind, 'reason'>): ReasonKind => ({ reason: 'as the run wrote it', ...k });

  it('words two kinds of bad dates apart by their format', () => {
    const dates = (format: string) => kind({ reason_code: 'date_unreadable', reason_field: 'payment_date', kind_parts: [format], reason_parts: [format] });
    expect([kindPattern(dates('%d/%m/%Y'), fr.quality.reasons), kindPattern(dates('%Y-%m-%d'), fr.quality.reasons)]).toEqual([
      'Date de paiement « … » : ne suit pas le format de date %d/%m/%Y',
      'Date de paiement « … » : ne suit pas le format de date %Y-%m-%d',
    ]);
  });

  it('words paid amounts that do not read by their problem, whatever their text', () => {
    const paid = (problem: string) => kind({ reason_code: 'paid_amount_unreadable', reason_field: 'paid_amount', kind_parts: ['', problem], reason_parts: ['', problem] });
    expect([kindPattern(paid('decimals_comma'), fr.quality.reasons), kindPattern(paid('not_a_number'), fr.quality.reasons)]).toEqual([
      'Montant réglé « … » a plus de deux décimales (lu avec une virgule décimale) ; le règlement est ignoré',
      'Montant réglé « … » n’est pas un nombre ; le règlement est ignoré',
    ]);
  });

  it('words entries that do not balance as one kind, whatever their amounts', () => {
    const entries = kind({ reason_code: 'fec_entry_unbalanced', reason_field: null, kind_parts: [], reason_parts: ['20240101', '10.00', '9.00', '1.00'] });
    expect(kindPattern(entries, fr.quality.reasons)).toBe('Écriture … du … déséquilibrée : débits …, crédits … (écart …)');
  });

  it('words a balance that differs from the open amount, its figures blanked', () => {
    const balances = kind({ reason_code: 'balance_differs', reason_field: 'open_amount', kind_parts: [], reason_parts: ['386.55', '586.55', '2024-03-31'] });
    expect(kindPattern(balances, fr.quality.reasons)).toBe(
      'L’export dit que la facture … doit encore …, et son montant moins ses paiements et ses avoirs laisse … à payer au … : un paiement ou un avoir manque aux exports, ou est daté après le solde de l’export',
    );
  });
});
