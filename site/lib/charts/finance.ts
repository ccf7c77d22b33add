// Charts of the KPI, provisions and forecast pages. Pure: rows + options → SVG text; labels and
// number formats come in the options so the same function draws French and English pages.
import * as Plot from '@observablehq/plot';

import { bucketColor, chartStyle, renderSvg } from './render.ts';

export interface TrendPoint {
  monthEnd: string;
  value: number;
}

interface ChartText {
  width?: number;
  height?: number;
  yLabel: string;
  description: string;
}

/** A KPI month by month: a line with a dot per month end and the latest value written at its end. */
export function kpiTrend(points: TrendPoint[], { width = 640, height = 200, yLabel, description, valueFormat, monthLabel, ticks = 6 }: ChartText & { valueFormat: (v: number) => string; monthLabel: (iso: string) => string; ticks?: number }): string {
  const rows = points.map((p) => ({ ...p, date: new Date(`${p.monthEnd}T00:00:00Z`) }));
  const last = rows.at(-1);
  return renderSvg(
    {
      width,
      height,
      marginLeft: 48,
      marginRight: 48,
      style: chartStyle,
      // A short history (a few month ends) spans too few months for Plot's own ticks, which fall
      // on days and repeat the month's label ('févr. 24' four times): tick each month end drawn.
      x: { type: 'utc', label: null, tickFormat: (d: Date) => monthLabel(d.toISOString().slice(0, 10)), ticks: rows.length <= ticks ? rows.map((r) => r.date) : ticks },
      y: { label: yLabel, grid: true, nice: true, zero: true, ticks: 4 },
      marks: [
        Plot.lineY(rows, { x: 'date', y: 'value', stroke: '#1f3a5f', strokeWidth: 2 }),
        Plot.dot(rows, { x: 'date', y: 'value', r: 2.5, fill: '#1f3a5f', title: (r: TrendPoint) => `${monthLabel(r.monthEnd)} · ${valueFormat(r.value)}` }),
        Plot.text(last ? [last] : [], { x: 'date', y: 'value', text: (r: TrendPoint) => valueFormat(r.value), dx: 8, textAnchor: 'start', fontWeight: 'bold' }),
        Plot.ruleY([0]),
      ],
    },
    description,
  );
}

export interface ForecastBar {
  label: string;
  expected: number;
  low: number;
  high: number;
}

/** Weekly expected collections as bars, with the low–high band as a whisker on each. */
export function forecastBars(weeks: ForecastBar[], { width = 900, height = 260, yLabel, description, compact, tickEvery = 1 }: ChartText & { compact: (v: number) => string; tickEvery?: number }): string {
  return renderSvg(
    {
      width,
      height,
      marginLeft: 56,
      marginBottom: 40,
      style: chartStyle,
      x: { label: null, domain: weeks.map((w) => w.label), padding: 0.3, ticks: weeks.filter((_, i) => i % tickEvery === 0).map((w) => w.label) },
      y: { label: yLabel, grid: true, nice: true, tickFormat: compact, ticks: 5 },
      marks: [
        Plot.barY(weeks, { x: 'label', y: 'expected', fill: '#8fb3d3' }),
        Plot.ruleX(weeks, { x: 'label', y1: 'low', y2: 'high', stroke: '#1f3a5f', strokeWidth: 1.5 }),
        Plot.tickY(weeks, { x: 'label', y: 'low', stroke: '#1f3a5f' }),
        Plot.tickY(weeks, { x: 'label', y: 'high', stroke: '#1f3a5f' }),
        Plot.ruleY([0]),
      ],
    },
    description,
  );
}

export interface RateBar {
  label: string;
  order: number;
  rate: number;
}

/** One bar per ageing bucket: a rate (loss rate, flow rate), coloured like the ageing. */
export function rateBars(rows: RateBar[], { width = 560, height = 220, yLabel, description, percent }: ChartText & { percent: (v: number) => string }): string {
  const bars = [...rows].sort((a, b) => a.order - b.order);
  return renderSvg(
    {
      width,
      height,
      marginTop: 24,
      marginLeft: 48,
      style: chartStyle,
      x: { label: null, domain: bars.map((r) => r.label), padding: 0.25 },
      y: { label: yLabel, grid: true, domain: [0, Math.max(0.05, ...bars.map((r) => r.rate))], tickFormat: percent, ticks: 4 },
      marks: [
        Plot.barY(bars, { x: 'label', y: 'rate', fill: (r: RateBar) => bucketColor(r.order) }),
        Plot.text(bars, { x: 'label', y: 'rate', text: (r: RateBar) => percent(r.rate), dy: -8, fill: 'currentColor' }),
        Plot.ruleY([0]),
      ],
    },
    description,
  );
}
