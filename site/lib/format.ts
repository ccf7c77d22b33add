// The site's only formatter: numbers, money, shares and dates with Intl for the build's locale.
import { t } from './i18n/index.ts';

const currency = process.env.ENCOURS_CURRENCY ?? 'EUR';

export function makeFormat(locale: string, currencyCode = currency) {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode, maximumFractionDigits: 0 });
  const moneyCents = new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const longDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const blank = (f: (v: number) => string) => (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '–' : f(value));
  const asDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return {
    money: blank((v) => money.format(v)),
    moneyCents: blank((v) => moneyCents.format(v)),
    integer: blank((v) => integer.format(v)),
    percent: blank((v) => percent.format(v)),
    compact: blank((v) => compact.format(v)),
    date: (iso: string | null) => (iso ? date.format(asDate(iso)) : '–'),
    longDate: (iso: string | null) => (iso ? longDate.format(asDate(iso)) : '–'),
    monthYear: (iso: string) => monthYear.format(asDate(iso)),
    dateTime: (iso: string) => `${dateTime.format(new Date(iso))} UTC`,
  };
}

export const format = makeFormat(t.locale);

/** A bucket's label in the build's language: 'not_due', '1-30' → '1–30 j', '>365' → '> 365 j'. */
export function bucketLabel(bucket: string, labels = t): string {
  if (bucket === 'not_due') return labels.buckets.not_due;
  if (bucket.startsWith('>')) return labels.buckets.over(bucket.slice(1));
  const [from = '', to = ''] = bucket.split('-');
  return labels.buckets.range(from, to);
}
