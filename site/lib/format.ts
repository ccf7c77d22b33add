// The site's only formatter: money, numbers, shares and dates with Intl, for the build's language
// and the company currency. fr-FR gives '1 234 567 €' (narrow no-break spaces between thousands, a
// no-break space before the sign), en-GB '€1,234,567'. A missing value shows as '–', never as 0.
import { finance, type FinanceLabels } from './i18n/finance.ts';
import { language, languages, t, type Labels, type Language } from './i18n/index.ts';
import { makeFormat as makeIntlFormat, type Format } from './make-format.ts';
import { companyCurrency } from './read.ts';

export type { Format };

/**
 * The formatter of `locale` and `currency`; its words ('pts') from `labels`, the build's language by
 * default. Its dates are remembered by their text: a build writes the same few thousand dates over
 * and over (the as-of date on every page), and Intl takes a few microseconds each time. (Here, not
 * in make-format.ts, which the browser's list script carries too.)
 */
export function makeFormat(locale: string, currency: string, labels: Pick<Labels, 'points'> = t): Format {
  const intl = makeIntlFormat(locale, currency, labels);
  const date = remembered(intl.date);
  const longDate = remembered(intl.longDate);
  return {
    ...intl,
    date: (iso) => (iso ? date(iso) : intl.date(iso)),
    longDate: (iso) => (iso ? longDate(iso) : intl.longDate(iso)),
    monthYear: remembered(intl.monthYear),
    month: remembered(intl.month),
  };
}

function remembered(f: (iso: string) => string): (iso: string) => string {
  const seen = new Map<string, string>();
  return (iso) => {
    let text = seen.get(iso);
    if (text === undefined) seen.set(iso, (text = f(iso)));
    return text;
  };
}

export const format = makeFormat(t.locale, companyCurrency());

const formats = new Map<Language, Format>();

/** The formatter of another language than the build's: a letter written in its client's language (made once per language: some twenty Intl formatters). */
export function formatIn(lang: Language): Format {
  if (lang === language()) return format;
  let other = formats.get(lang);
  if (!other) formats.set(lang, (other = makeFormat(languages[lang].locale, companyCurrency(), languages[lang])));
  return other;
}

const currencyFormats = new Map<string, Format>();

/**
 * The formatter of an amount in `currency` (an invoice's own, not the company's), in `lang`: a
 * letter states each invoice in its currency. Made once per language and currency (some twenty Intl
 * formatters each); the company currency's is `formatIn(lang)` itself.
 */
export function formatInCurrency(currency: string, lang: Language = language()): Format {
  const base = formatIn(lang);
  if (currency === base.currency) return base;
  const key = `${lang} ${currency}`;
  let other = currencyFormats.get(key);
  if (!other) currencyFormats.set(key, (other = makeFormat(languages[lang].locale, currency, languages[lang])));
  return other;
}

/** A bucket's label in the build's language: 'not_due' → 'Non échu', '1-30' → '1–30 j', '>365' → '> 365 j'. */
export function bucketLabel(bucket: string, labels: Labels = t): string {
  if (bucket === 'not_due') return labels.buckets.not_due;
  if (bucket.startsWith('>')) return labels.buckets.over(bucket.slice(1));
  const [from, to] = bucket.split('-');
  return from && to ? labels.buckets.range(from, to) : bucket;
}

/** A band of the scorecard (a score_model row): its edges, its unit and, for band 0, its feature. */
export interface ScoreBand {
  feature: string;
  band_order: number;
  band_unit: string | null;
  band_above: number | null;
  band_up_to: number | null;
}

/**
 * A band of the scorecard in the build's language, from its edges (score_model, written once in
 * int_score_band_edges): '16 à 30 jours' for days past due above 15 and up to 30 (whole days: the
 * first is the edge below + 1), 'jusqu’à 25 %', 'plus de 90 jours', '24 mois ou plus'.
 */
export function scoreBandLabel(band: ScoreBand, words: FinanceLabels['scores']['bandWords'] = finance.scores.bandWords, fmt: Format = format): string {
  const { band_unit: unit, band_above: above, band_up_to: upTo } = band;
  if (band.band_order === 0 || unit === null) return words.missing[band.feature] ?? words.noValue;
  if (above === null && upTo === 0) return words.none[unit] ?? words.noValue;
  if (unit === 'share') {
    if (upTo === null) return words.over(fmt.percentPlain(above));
    return above === null || above === 0 ? words.upTo(fmt.percentPlain(upTo)) : words.range(fmt.percentPlain(above), fmt.percentPlain(upTo));
  }
  if (unit === 'months') {
    if (upTo === null) return words.orMore(words.months(fmt.integer(above! + 1)));
    return above === null ? words.under(words.months(fmt.integer(upTo + 1))) : words.months(words.range(fmt.integer(above + 1), fmt.integer(upTo)));
  }
  // Days past due, days late, and a change of days late (with its sign).
  const days = (v: number) => `${unit === 'days_late_change' ? '+' : ''}${fmt.integer(v)}`;
  if (upTo === null) return words.over(words.days(days(above!)));
  return above === null ? words.upTo(words.days(days(upTo))) : words.days(words.range(days(above + 1), days(upTo)));
}

