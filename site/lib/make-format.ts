// The site's Intl formatter (site/lib/format.ts builds the build's own from it): money, numbers,
// shares and dates for a locale and a currency. Apart from format.ts so that the browser's list
// script (site/scripts/list.ts) formats the rows it draws with the same code as the server, without
// pulling the warehouse reader into the browser.
import { csvDate } from '../scripts/csv.ts';
import type { Labels } from './i18n/index.ts';

export type Format = ReturnType<typeof makeFormat>;

export function makeFormat(locale: string, currency: string, labels: Pick<Labels, 'points'>) {
  // signDisplay 'negative': −0.40 € rounds to '0 €', not '-0 €' (a sign on nothing reads as a debt).
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0, signDisplay: 'negative' });
  const moneyCents = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'negative' });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'negative' });
  const cardinal = new Intl.PluralRules(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const wholePercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const statistic = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const percentPlain = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const pointOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
  const points = new Intl.NumberFormat(locale, pointOptions);
  const pointPlural = new Intl.PluralRules(locale, pointOptions);
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 });
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const longDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const ratio = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const conjunction = new Intl.ListFormat(locale, { type: 'conjunction' });
  const regions = new Intl.DisplayNames(locale, { type: 'region' });
  const currencies = new Intl.DisplayNames(locale, { type: 'currency' });
  const decimalSign = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const symbol = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
    .formatToParts(0)
    .find((part) => part.type === 'currency')?.value ?? currency;
  return {
    locale,
    currency,
    /** The currency's short sign ('€', '$', 'CHF'), for axis titles. */
    currencySymbol: symbol,
    money: blank((v) => money.format(v)),
    moneyCents: blank((v) => moneyCents.format(v)),
    integer: blank((v) => integer.format(v)),
    /** A setting's number as it was written, up to two decimals: 10 → '10', 12.5 → '12,5' (the ECB points). */
    decimal: blank((v) => decimal.format(v)),
    percent: blank((v) => percent.format(v)),
    /** A 0–1 share as a whole percentage ('85 %', '85%'): a ratio read to the point, e.g. write-offs / provision. */
    wholePercent: blank((v) => wholePercent.format(v)),
    /** A statistic with three decimals ('0,812'): AUC, Gini, KS. */
    statistic: blank((v) => statistic.format(v)),
    /** A share as a setting or a band edge is written: no trailing zero ('25 %', '2,5 %'). */
    percentPlain: blank((v) => percentPlain.format(v)),
    /** A ratio with two decimals ('1,40'). */
    ratio: blank((v) => ratio.format(v)),
    /** A change of a rate, in percentage points: 0.044 → '4,4 pts' ('1,0 pt', '0,5 pt' in French; '1.0 pts' in English). */
    points: blank((v) => labels.points(points.format(v * 100), pointPlural.select(Math.abs(v * 100)))),
    /** Formatted values joined as the language lists them: ['500,00 €', '2 000,00 CHF'] → '500,00 € et 2 000,00 CHF' ('€500.00 and CHF 2,000.00'). */
    list: (parts: string[]) => conjunction.format(parts),
    /** A count with its noun, singular or plural by Intl.PluralRules: (1, {one: 'ligne', other: 'lignes'}) → '1 ligne'. */
    plural: (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) => `${integer.format(n)}\u00a0${forms[cardinal.select(n)] ?? forms.other}`,
    /** The plural category of a count ('one', 'other'), for labels that word the whole phrase. */
    pluralOf: (n: number) => cardinal.select(n),
    /** Short amounts for axis ticks and bar labels, three significant digits: '9,54 M', '985 k', '11.3M'. */
    // en-GB writes millions with a small m ('11.3m'), which on an axis beside '€' reads as metres or
    // thousandths: a capital M, as the French 'M' and every other English locale write it.
    compact: blank((v) => compact.formatToParts(v).map((part) => (part.type === 'compact' && part.value === 'm' ? 'M' : part.value)).join('')),
    date: (iso: string | null | undefined) => (iso ? date.format(utcDate(iso)) : '–'),
    /** '1er décembre 2026' (French writes the first of the month as an ordinal), '1 December 2026'. */
    longDate: (iso: string | null | undefined) => (iso ? ordinalFirst(locale, longDate, utcDate(iso)) : '–'),
    monthYear: (iso: string) => monthYear.format(utcDate(iso)),
    /** A month's short name ('janv.', 'Jan'). */
    month: (iso: string) => month.format(utcDate(iso)),
    /** A number for a CSV cell (data-csv): full precision, no grouping, the locale's decimal sign ('-1234,5'). */
    csvNumber: (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '' : String(value).replace('.', decimalSign)),
    /** A date for a CSV cell: '11/06/2024' in French (what French Excel reads as a date), ISO in English. */
    csvDate: (iso: string | null | undefined) => csvDate(iso, locale),
    /** A moment (ISO timestamp), in UTC and said so. */
    dateTime: (iso: string) => `${ordinalFirst(locale, dateTime, new Date(iso))} UTC`,
    /**
     * A SIREN as INSEE writes it, three groups of three digits ('552100554' → '552 100 554'), a
     * SIRET the same with its five-digit establishment number last; the warehouse keeps the
     * digits alone (the setting's spaces stripped), anything else shows as it is. No-break spaces:
     * the number never wraps on a letterhead.
     */
    /** A country's name from its ISO code ('DE' → 'Allemagne', 'Germany'); a name already written, as it is. */
    country: (code: string) => {
      const iso = code.trim().toUpperCase();
      return /^[A-Z]{2}$/.test(iso) ? (regions.of(iso) ?? code) : code;
    },
    /** A currency's name from its ISO code ('USD' → 'dollar des États-Unis', 'US Dollar'); anything else, as it is. */
    currencyName: (code: string) => {
      const iso = code.trim().toUpperCase();
      return /^[A-Z]{3}$/.test(iso) ? (currencies.of(iso) ?? code) : code;
    },
    siren: (digits: string) =>
      /^\d{9}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1\u00a0$2\u00a0$3')
      : /^\d{14}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1\u00a0$2\u00a0$3\u00a0$4')
      : digits,
  };
}

function blank(f: (value: number) => string) {
  return (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '–' : f(value));
}

/** A date in words, with French's '1er' for the first of the month (Intl writes '1 décembre'). */
function ordinalFirst(locale: string, formatter: Intl.DateTimeFormat, date: Date): string {
  if (!locale.startsWith('fr')) return formatter.format(date);
  return formatter.formatToParts(date).map((part) => (part.type === 'day' && Number(part.value) === 1 ? `${part.value.replace(/^0/, '')}er` : part.value)).join('');
}

/** A warehouse date ('YYYY-MM-DD') as midnight UTC, so no time zone can move it to the day before. */
function utcDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}
