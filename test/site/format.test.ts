// The site's formatter: amounts, shares and dates as a French (or British) finance reader expects.
import { describe, expect, it } from 'vitest';

import { bucketLabel, formatIn, formatInCurrency, makeFormat, scoreBandLabel } from '../../site/lib/format.ts';
import { en } from '../../site/lib/i18n/en.ts';
import { financeLanguages } from '../../site/lib/i18n/finance.ts';
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

describe('makeFormat().list', () => {
  it('states a sum in two currencies as a letter says it: "500,00 € et 2 000,00 CHF", "€500.00 and CHF 2,000.00"', () => {
    // Each amount in its own currency's formatter, joined the language's way.
    const chfFr = makeFormat('fr-FR', 'CHF');
    expect(frEur.list([frEur.moneyCents(500), chfFr.moneyCents(2000)])).toBe(`500,00${nbsp}€ et 2${nnbsp}000,00${nbsp}CHF`);
    expect(enEur.list([enEur.moneyCents(500), makeFormat('en-GB', 'CHF').moneyCents(2000)])).toBe(`€500.00 and CHF${nbsp}2,000.00`);
    // Three: a comma, then the conjunction (no Oxford comma in British English).
    expect(enEur.list(['A', 'B', 'C'])).toBe('A, B and C');
    expect(frEur.list(['A', 'B', 'C'])).toBe('A, B et C');
  });
});

describe('formatInCurrency', () => {
  it('formats an invoice in its own currency in the letter’s language, one formatter per language and currency', () => {
    expect(formatInCurrency('CHF', 'fr').moneyCents(2000)).toBe(`2${nnbsp}000,00${nbsp}CHF`);
    expect(formatInCurrency('CHF', 'en').moneyCents(2000)).toBe(`CHF${nbsp}2,000.00`);
    // Made once: a letter of forty lines in francs does not build forty sets of Intl formatters.
    expect(formatInCurrency('CHF', 'fr')).toBe(formatInCurrency('CHF', 'fr'));
    // The company currency's is the language's own formatter.
    expect(formatInCurrency(formatIn('en').currency, 'en')).toBe(formatIn('en'));
  });
});

describe('makeFormat().siren', () => {
  it('writes a SIREN in three groups of three digits with no-break spaces, a SIRET with its five last', () => {
    expect(makeFormat('fr-FR', 'EUR').siren('552100554')).toBe('552\u00a0100\u00a0554');
    expect(makeFormat('en-GB', 'EUR').siren('55210055400013')).toBe('552\u00a0100\u00a0554\u00a000013');
    // Anything else as it is: the setting was not a SIREN.
    expect(makeFormat('fr-FR', 'EUR').siren('B 552 100 554')).toBe('B 552 100 554');
  });
});

describe('makeFormat().country', () => {
  it('names a country from its ISO code in the language, and leaves a name as it is', () => {
    expect(makeFormat('fr-FR', 'EUR').country('DE')).toBe('Allemagne');
    expect(makeFormat('en-GB', 'EUR').country('ch')).toBe('Switzerland');
    expect(makeFormat('fr-FR', 'EUR').country('Belgique')).toBe('Belgique');
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

  it('writes millions with a capital M in English too (en-GB’s own is a small m: “11.3m”)', () => {
    // 11,312,000 → three significant digits 11.3, millions.
    expect(enEur.compact(11_312_000)).toBe('11.3M');
    expect(enEur.compact(-2_000_000)).toBe('-2M');
    expect(frEur.compact(11_312_000)).toBe(`11,3${nbsp}M`);
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

describe('makeFormat().decimal', () => {
  it('shows a setting as written: 10 points → 10, 12.5 points → 12,5 (never rounded to 13)', () => {
    expect(frEur.decimal(10)).toBe('10');
    expect(frEur.decimal(12.5)).toBe('12,5');
    expect(enEur.decimal(12.5)).toBe('12.5');
  });
});

describe('scoreBandLabel', () => {
  const frWords = financeLanguages.fr.scores.bandWords;
  const enWords = financeLanguages.en.scores.bandWords;
  const band = (feature: string, band_order: number, band_unit: string | null, band_above: number | null, band_up_to: number | null) =>
    ({ feature, band_order, band_unit, band_above, band_up_to });

  it('words days past due from the band edges: above 15 and up to 30 is 16 to 30 whole days', () => {
    expect(scoreBandLabel(band('max_days_past_due', 3, 'days_past_due', 15, 30), frWords, frEur)).toBe('16 à 30 jours');
    expect(scoreBandLabel(band('max_days_past_due', 3, 'days_past_due', 15, 30), enWords, enEur)).toBe('16–30 days');
    expect(scoreBandLabel(band('max_days_past_due', 6, 'days_past_due', 90, null), frWords, frEur)).toBe('plus de 90 jours');
    expect(scoreBandLabel(band('max_days_past_due', 1, 'days_past_due', null, 0), enWords, enEur)).toBe('not overdue');
  });

  it('follows other edges: a band above 45 and up to 120 days reads 46 to 120', () => {
    expect(scoreBandLabel(band('max_days_past_due', 4, 'days_past_due', 45, 120), frWords, frEur)).toBe('46 à 120 jours');
  });

  it('words shares as percentages: up to 25 %, 50 to 80 %, over 100 %', () => {
    // 0.25 → 25 %, no decimal: an edge is a round share.
    expect(scoreBandLabel(band('share_over_60', 2, 'share', 0, 0.25), frWords, frEur)).toBe(`jusqu’à 25${nbsp}%`);
    expect(scoreBandLabel(band('limit_usage', 2, 'share', 0.5, 0.8), frWords, frEur)).toBe(`50${nbsp}% à 80${nbsp}%`);
    expect(scoreBandLabel(band('limit_usage', 4, 'share', 1, null), enWords, enEur)).toBe('over 100%');
  });

  it('words tenure in whole months: above 23 is 24 months or more, up to 5 is under 6 months', () => {
    expect(scoreBandLabel(band('tenure', 1, 'months', 23, null), frWords, frEur)).toBe('24 mois ou plus');
    expect(scoreBandLabel(band('tenure', 2, 'months', 5, 23), enWords, enEur)).toBe('6–23 months');
    expect(scoreBandLabel(band('tenure', 3, 'months', null, 5), frWords, frEur)).toBe('moins de 6 mois');
  });

  it('gives a change of days late its sign, and band 0 the words of its missing value', () => {
    expect(scoreBandLabel(band('days_late_trend', 4, 'days_late_change', 15, null), enWords, enEur)).toBe('over +15 days');
    expect(scoreBandLabel(band('days_late_trend', 1, 'days_late_change', null, 0), frWords, frEur)).toBe('stable ou en mieux');
    expect(scoreBandLabel(band('limit_usage', 0, null, null, null), frWords, frEur)).toBe('pas de limite');
    expect(scoreBandLabel(band('days_late_12m', 0, null, null, null), enWords, enEur)).toBe('no history');
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
