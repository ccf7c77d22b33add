// The data-quality page's kinds of problem in words: the quality_reasons mart counts, groups and
// orders them (test/etl/quality-reasons.test.ts); the page words each kind from its code and fixed
// parts, the parts that vary from line to line blanked (site/lib/quality.ts kindPattern).
import { describe, expect, it } from 'vitest';

import { en } from '../../site/lib/i18n/en.ts';
import { fr } from '../../site/lib/i18n/fr.ts';
import { kindPattern, type ReasonKind } from '../../site/lib/quality.ts';

const kind = (k: Partial<ReasonKind> & { reason_code: string | null }): ReasonKind => ({
  reason: 'as the run wrote it', reason_field: null, kind_parts: [], reason_parts: null, ...k,
});

describe('kindPattern', () => {
  it('words an unreadable date with its format kept and the text as written blanked', () => {
    const dates = kind({ reason_code: 'date_unreadable', reason_field: 'issue_date', kind_parts: ['%Y-%m-%d'], reason_parts: ['%Y-%m-%d'] });
    expect(kindPattern(dates, en.quality.reasons)).toBe("Issue date '…' does not match the date format %Y-%m-%d");
    expect(kindPattern(dates, fr.quality.reasons)).toBe('Date de facture « … » : ne suit pas le format de date %Y-%m-%d');
  });

  it('blanks the parts after the kind’s own: an unbalanced entry’s date and amounts', () => {
    const entries = kind({ reason_code: 'fec_entry_unbalanced', reason_parts: ['20240101', '10.00', '9.00', '1.00'] });
    expect(kindPattern(entries, fr.quality.reasons)).toBe('Écriture … du … déséquilibrée : débits …, crédits … (écart …)');
  });

  it('keeps a paid amount’s problem, the kind’s second fixed part', () => {
    const paid = kind({ reason_code: 'paid_amount_unreadable', reason_field: 'paid_amount', kind_parts: ['', 'not_a_number'], reason_parts: ['', 'not_a_number'] });
    expect(kindPattern(paid, fr.quality.reasons)).toBe('Montant réglé « … » n’est pas un nombre ; le règlement est ignoré');
  });

  it('says a rejected e-invoice’s reason is blanked, not absent, when its first row has one', () => {
    const rejected = kind({ reason_code: 'einvoice_rejected', reason_parts: ['2026-01-05', ''] });
    expect(kindPattern(rejected, en.quality.reasons)).toBe(
      'Invoice … was rejected by the e-invoicing platform on … (status 213 Rejected: …): never validly issued, it is left out of the receivables',
    );
  });

  it('reads a reason with no code, or a code the site does not word, as the run wrote it', () => {
    expect(kindPattern(kind({ reason_code: null, reason: 'UNKNOWN: a' }), fr.quality.reasons)).toBe('UNKNOWN: a');
    expect(kindPattern(kind({ reason_code: 'not_a_code_yet', reason: 'something new' }), fr.quality.reasons)).toBe('something new');
  });
});
