// A client's payment behaviour month by month. Pure: rows + options → SVG text.
import * as Plot from '@observablehq/plot';

import { chartStyle, narrowWidth, renderSvg } from './render.ts';

export interface LatenessMonth {
  /** 'YYYY-MM-DD' of the month end. */
  monthEnd: string;
  /** Amount-weighted average days late of the invoices settled that month; null when none was. */
  daysLate: number | null;
}

export interface LatenessOptions {
  width?: number;
  height?: number;
  yLabel: string;
  /** A month's tick label ('nov.', 'Nov'). */
  monthLabel: (monthEnd: string) => string;
  /** Days as written above a bar ('12 j'). */
  days: (value: number) => string;
  description: string;
}

/**
 * One bar per month: how late the invoices settled that month were paid (negative: early), the
 * value above each bar, a month without settlements left empty. Drawn once at the narrow width: it
 * reads on a phone without shrinking, and in a half-width card on a desktop.
 */
export function latenessBars(months: LatenessMonth[], { width = narrowWidth, height = 200, yLabel, monthLabel, days, description }: LatenessOptions): string {
  const settled = months.filter((m): m is LatenessMonth & { daysLate: number } => m.daysLate !== null);
  return renderSvg(
    {
      width,
      height,
      marginTop: 24,
      marginLeft: 40,
      style: chartStyle,
      x: { label: null, domain: months.map((m) => m.monthEnd), padding: 0.2, tickFormat: monthLabel, ticks: everyOtherMonth(months) },
      y: { label: yLabel, grid: true, nice: true, ticks: 4, domain: [Math.min(0, ...settled.map((m) => m.daysLate)), Math.max(10, ...settled.map((m) => m.daysLate))] },
      marks: [
        Plot.barY(settled, { x: 'monthEnd', y: 'daysLate', fill: (m: LatenessMonth) => ((m.daysLate ?? 0) > 0 ? '#e58a45' : '#8fb3d3') }),
        Plot.text(settled, { x: 'monthEnd', y: 'daysLate', text: (m: LatenessMonth & { daysLate: number }) => days(Math.round(m.daysLate)), dy: -7, fill: 'currentColor', fontSize: 10 }),
        Plot.ruleY([0]),
      ],
    },
    description,
  );
}

/** Every other month end, the latest always among them: twelve month names side by side do not fit
 * the narrow width (they ran into each other: "nov.déc.janv."). */
function everyOtherMonth(months: LatenessMonth[]): string[] {
  return months.filter((_, i) => (months.length - 1 - i) % 2 === 0).map((m) => m.monthEnd);
}
