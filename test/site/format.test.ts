// The site's formatter: amounts, shares and dates as a French (or British) finance reader expects.
import { describe, expect, it } from 'vitest';

import { bucketLabel, makeFormat } from '../../site/lib/format.ts';
import { en } from '../../site/lib/i18n/en.ts';
import { fr } from '../../site/lib/i18n/fr.ts';

// fr-FR groups thousands with U+202F (narrow no-break space) and puts U+00A0 before the sign.
const nnbsp = '\u202f';
const nbsp = '\u00a0';
const frEur = makeFormat('fr-FR', 'EUR');
const enEur = makeFormat('en-GB', 'EUR');

describe('makeFormat().money', () => {
  it('writes whole euros the French way: 1 234 567 €', () => {
    expect(frEur.money(1234567)).toBe(`1${nnbsp}234${nnbsp}567${nbsp}€`);
    expect(enEur.money(1234567)).toBe('€1,234,567');
  });

  it('rounds to the euro, half away from zero as accountants do', () => {
    expect(frEur.money(1234.5)).toBe(`1${nnbsp}235${nbsp}€`);
    expect(frEur.money(-1234.5)).toBe(`-1${nnbsp}235${nbsp}€`);
  });

  it('never prints a minus sign on nothing (−0.40 € rounds to 0 €, not -0 €)', () => {
    expect(frEur.money(-0.4)).toBe(`0${nbsp}€`);
  });

  it('shows a missing amount as a dash, not as zero', () => {
    expect(frEur.money(null)).toBe('–');
    expect(frEur.money(undefined)).toBe('–');
    expect(frEur.money(Number.NaN)).toBe('–');
  });

  it('uses the company currency it is given', () => {
    expect(makeFormat('fr-FR', 'CHF').money(1500)).toBe(`1${nnbsp}500${nbsp}CHF`);
    expect(makeFormat('en-GB', 'USD').money(1500)).toBe('US$1,500');
  });
});

describe('makeFormat().moneyCents', () => {
  it('keeps the cents of an invoice line, credit notes negative', () => {
    expect(frEur.moneyCents(4825.19)).toBe(`4${nnbsp}825,19${nbsp}€`);
    expect(frEur.moneyCents(-100)).toBe(`-100,00${nbsp}€`);
    expect(enEur.moneyCents(4825.19)).toBe('€4,825.19');
  });
});

describe('makeFormat().currencySymbol', () => {
  it('is the short sign for axis titles', () => {
    expect(frEur.currencySymbol).toBe('€');
    expect(makeFormat('en-GB', 'GBP').currencySymbol).toBe('£');
  });
});

describe('makeFormat().percent', () => {
  it('shows a share with one decimal: 1100 / 1400 = 78.57 % → 78,6 %', () => {
    expect(frEur.percent(1100 / 1400)).toBe(`78,6${nbsp}%`);
    expect(enEur.percent(1100 / 1400)).toBe('78.6%');
    expect(frEur.percent(null)).toBe('–');
  });
});

describe('makeFormat().compact', () => {
  it('keeps three significant digits for chart labels', () => {
    expect(frEur.compact(9542094)).toBe(`9,54${nbsp}M`);
    expect(frEur.compact(985187)).toBe(`985${nbsp}k`);
    expect(enEur.compact(985187)).toBe('985k');
  });
});

describe('makeFormat() dates', () => {
  it('reads a warehouse date as that calendar day whatever the time zone', () => {
    expect(frEur.date('2024-03-31')).toBe('31/03/2024');
    expect(frEur.longDate('2024-03-31')).toBe('31 mars 2024');
    expect(enEur.longDate('2024-03-31')).toBe('31 March 2024');
    expect(frEur.date(null)).toBe('–');
  });

  it('names months short, for chart axes', () => {
    expect(frEur.month('2026-02-28')).toBe('févr.');
    expect(frEur.monthYear('2026-02-28')).toBe('févr. 26');
    expect(enEur.month('2026-02-28')).toBe('Feb');
  });

  it('states the time zone of a run time', () => {
    expect(frEur.dateTime('2026-11-25T02:48:36.839Z')).toBe('25 novembre 2026 à 02:48 UTC');
  });
});

describe('bucketLabel', () => {
  it('translates the warehouse bucket names', () => {
    expect(['not_due', '1-30', '181-365', '>365'].map((b) => bucketLabel(b, fr))).toEqual(['Non échu', '1–30 j', '181–365 j', '> 365 j']);
    expect(['not_due', '1-30', '>365'].map((b) => bucketLabel(b, en))).toEqual(['Not due', '1–30 d', '> 365 d']);
  });

  it('follows a configured scale, whatever its bounds', () => {
    expect(bucketLabel('1-15', fr)).toBe('1–15 j');
    expect(bucketLabel('>120', en)).toBe('> 120 d');
  });

  it('shows an unknown bucket name as it is rather than inventing a label', () => {
    expect(bucketLabel('doubtful', fr)).toBe('doubtful');
  });
});

describe('makeFormat().longDate and dateTime in French', () => {
  it('write the first of the month as an ordinal: 1er décembre, not 1 décembre', () => {
    expect(frEur.longDate('2026-12-01')).toBe('1er décembre 2026');
    expect(frEur.longDate('2026-12-11')).toBe('11 décembre 2026');
    expect(frEur.dateTime('2026-12-01T21:09:00Z')).toBe('1er décembre 2026 à 21:09 UTC');
    expect(enEur.longDate('2026-12-01')).toBe('1 December 2026');
  });
});

describe('makeFormat().points', () => {
  it('shows a change of a rate in points, singular below 2 in French: 0.044 → 4,4 pts, 0.007 → 0,7 pt', () => {
    // 0.280 − 0.324 = −0.044, a fall of 4.4 points; 0.012 − 0.005 = 0.007, a rise of 0.7 point.
    expect(frEur.points(0.044)).toBe(`4,4${nbsp}pts`);
    expect(frEur.points(0.007)).toBe(`0,7${nbsp}pt`);
    expect(frEur.points(0.015)).toBe(`1,5${nbsp}pt`);
    expect(frEur.points(0.02)).toBe(`2,0${nbsp}pts`);
    expect(makeFormat('en-GB', 'EUR', en).points(0.01)).toBe(`1.0${nbsp}pts`);
    expect(frEur.points(null)).toBe('–');
  });
});

describe('makeFormat().plural', () => {
  it('agrees the noun with the count by Intl.PluralRules', () => {
    const lines = { one: 'ligne', other: 'lignes' };
    expect(frEur.plural(1, lines)).toBe(`1${nbsp}ligne`);
    expect(frEur.plural(0, lines)).toBe(`0${nbsp}ligne`);
    expect(frEur.plural(1500, lines)).toBe(`1${nnbsp}500${nbsp}lignes`);
    expect(enEur.pluralOf(1)).toBe('one');
    expect(enEur.pluralOf(0)).toBe('other');
  });
});

describe('the quality download link', () => {
  it('says "la ligne" for one line and "les 2 lignes" for two', () => {
    expect(fr.quality.downloadAll('1', frEur.pluralOf(1))).toBe('Télécharger la ligne (CSV)');
    expect(fr.quality.downloadAll('2', frEur.pluralOf(2))).toBe('Télécharger les 2 lignes (CSV)');
    expect(en.quality.downloadAll('1', enEur.pluralOf(1))).toBe('Download the line (CSV)');
  });
});
