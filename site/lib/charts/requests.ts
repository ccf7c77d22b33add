// A chart asked for as data: its rows and words, and the locale and currency its numbers and
// dates are written in, so that a worker thread can draw it (pool.ts) — a function such as a
// formatter cannot cross to another thread, its locale and currency can. Pure: request → SVG text,
// the very drawing the chart function makes when called with the site's own formatter.
import type { Format } from '../make-format.ts';
import { ageingBars, type BarsOptions, type BucketBar } from './ageing.ts';
import { latenessBars, type LatenessMonth, type LatenessOptions } from './behaviour.ts';

export type ChartRequest = { locale: string; currency: string } & (
  | { chart: 'ageingBars'; rows: BucketBar[]; options: Omit<BarsOptions, 'compact' | 'money'> }
  | { chart: 'latenessBars'; rows: LatenessMonth[]; options: Omit<LatenessOptions, 'monthLabel' | 'days'> }
);

/** Draws a request with `intl`, the formatter of its locale and currency. */
export function drawRequest(request: ChartRequest, intl: Format): string {
  switch (request.chart) {
    case 'ageingBars':
      return ageingBars(request.rows, { ...request.options, compact: intl.compact, money: intl.money });
    case 'latenessBars':
      return latenessBars(request.rows, { ...request.options, monthLabel: intl.month, days: (value) => intl.integer(value) });
    default:
      throw new Error(`no chart named ${JSON.stringify((request as { chart: unknown }).chart)}`);
  }
}
