// Ageing charts: receivables by days-past-due bucket at the as-of date, and at each month end.
// Pure: rows + options → SVG text. Labels and number formats come in the options, so the same
// function draws French and English pages.
import * as Plot from '@observablehq/plot';

import { bucketColor, chartStyle, renderSvg } from './render.ts';

export interface BucketBar {
  /** The bucket's label in the page's language ('Non échu', '1–30 j'). */
  label: string;
  /** 0 for not due, then older and older: sets the position and the colour. */
  order: number;
  amount: number;
}

export interface MonthBucketBar extends BucketBar {
  /** 'YYYY-MM-DD' of the month end. */
  monthEnd: string;
  /** The month end's total over every bucket (ageing_history.month_total_amount), written above its bar. */
  monthTotal: number;
}

export interface AgeingOptions {
  width?: number;
  height?: number;
  /** The y axis title, e.g. 'Montant (€)'. */
  yLabel: string;
  /** Short amounts for ticks and bar labels ('8 M'). */
  compact: (value: number) => string;
  /** Full amounts for the hover text of each bar ('1 234 567 €'). */
  money: (value: number) => string;
  /** The text alternative, written in the page's words. */
  description: string;
}

export interface BarsOptions extends AgeingOptions {
  /** One bar per line, labels on the left: reads on a phone where seven labels side by side would not. */
  horizontal?: boolean;
}

export interface HistoryOptions extends AgeingOptions {
  /** A month end's tick label; may hold a '\n' (month over year). */
  monthLabel: (monthEnd: string, index: number) => string;
  /** Label every n-th month only (counting back from the latest), for a narrow drawing. Default 1. */
  tickEvery?: number;
  /** Write each month's total above its bar (default true; too crowded on a phone). */
  totals?: boolean;
}

/** One bar per bucket, in bucket order, coloured from calm to alarming, its amount above it. */
export function ageingBars(rows: BucketBar[], { width = 560, height = 240, yLabel, compact, money, description, horizontal = false }: BarsOptions): string {
  const bars = [...rows].sort((a, b) => a.order - b.order);
  // With nothing owed every amount is 0, and Plot stretches the scale's empty domain [0, 0] across
  // the whole drawing: each bucket became a full bar around the 0 axis. A domain of [0, 1] keeps the
  // bars flat, an honest empty chart (pages say so in words instead: AgeingBars.astro).
  const domain = bars.some((r) => r.amount !== 0) ? undefined : [0, 1];
  if (horizontal) {
    return renderSvg(
      {
        width,
        height: Math.max(height, 28 * bars.length + 40),
        marginLeft: 72,
        marginRight: 48,
        style: chartStyle,
        y: { label: null, domain: bars.map((r) => r.label), padding: 0.2 },
        x: { label: yLabel, grid: true, nice: true, tickFormat: compact, ticks: 3, domain },
        marks: [
          Plot.barX(bars, { y: 'label', x: 'amount', fill: (r: BucketBar) => bucketColor(r.order), title: (r: BucketBar) => `${r.label} · ${money(r.amount)}` }),
          Plot.text(bars.filter((r) => r.amount !== 0), { y: 'label', x: 'amount', text: (r: BucketBar) => compact(r.amount), dx: 6, textAnchor: 'start', fill: 'currentColor' }),
          Plot.ruleX([0]),
        ],
      },
      description,
    );
  }
  return renderSvg(
    {
      width,
      height,
      marginTop: 28,
      marginLeft: 56,
      style: chartStyle,
      x: { label: null, domain: bars.map((r) => r.label), padding: 0.25 },
      y: { label: yLabel, grid: true, nice: true, tickFormat: compact, ticks: 4, domain },
      marks: [
        Plot.barY(bars, { x: 'label', y: 'amount', fill: (r: BucketBar) => bucketColor(r.order), title: (r: BucketBar) => `${r.label} · ${money(r.amount)}` }),
        Plot.text(bars.filter((r) => r.amount !== 0), { x: 'label', y: 'amount', text: (r: BucketBar) => compact(r.amount), dy: -8, fill: 'currentColor' }),
        Plot.ruleY([0]),
      ],
    },
    description,
  );
}

/** Stacked bars, one per month end, not-due at the bottom, the month's total above each bar. */
export function ageingHistory(rows: MonthBucketBar[], { width = 1160, height = 300, yLabel, compact, money, monthLabel, description, tickEvery = 1, totals: withTotals = true }: HistoryOptions): string {
  const legend = [...new Map(rows.map((r) => [r.order, r.label])).entries()].sort((a, b) => a[0] - b[0]);
  const months = [...new Set(rows.map((r) => r.monthEnd))].sort();
  const totals = months.map((monthEnd) => ({ monthEnd, amount: rows.find((r) => r.monthEnd === monthEnd)?.monthTotal ?? 0 }));
  const tickLabels = new Map(months.map((m, i) => [m, monthLabel(m, i)]));
  return renderSvg(
    {
      width,
      height,
      marginTop: 28,
      marginLeft: 56,
      marginBottom: 40,
      style: chartStyle,
      x: { label: null, domain: months, padding: 0.2, ticks: months.filter((_, i) => (months.length - 1 - i) % tickEvery === 0), tickFormat: (m: string) => tickLabels.get(m) ?? m },
      y: { label: yLabel, grid: true, nice: true, tickFormat: compact, ticks: 5 },
      color: { domain: legend.map(([, label]) => label), range: legend.map(([order]) => bucketColor(order)), legend: true },
      marks: [
        Plot.barY(rows, {
          x: 'monthEnd',
          y: 'amount',
          fill: 'label',
          order: legend.map(([, label]) => label),
          title: (r: MonthBucketBar) => `${tickLabels.get(r.monthEnd)?.replace('\n', ' ')} · ${r.label} · ${money(r.amount)}`,
        }),
        Plot.text(withTotals ? totals : [], { x: 'monthEnd', y: 'amount', text: (r: { amount: number }) => compact(r.amount), dy: -8, fill: 'currentColor' }),
        Plot.ruleY([0]),
      ],
    },
    description,
  );
}
