// Ageing charts: receivables by days-past-due bucket now, and month by month.
import * as Plot from '@observablehq/plot';

import { bucketColor, renderSvg } from './render.ts';

export interface BucketAmount {
  label: string;
  order: number;
  amount: number;
}

export interface MonthBucketAmount extends BucketAmount {
  monthEnd: string;
  monthLabel: string;
}

interface Options {
  width?: number;
  height?: number;
  yLabel: string;
  tickFormat: (value: number) => string;
  description: string;
}

/** One bar per bucket, in bucket order, coloured from calm to alarming. */
export function ageingBars(rows: BucketAmount[], { width = 640, height = 220, yLabel, tickFormat, description }: Options): string {
  return renderSvg(
    {
      width,
      height,
      marginLeft: 64,
      x: { label: null, domain: rows.map((r) => r.label) },
      y: { label: yLabel, grid: true, tickFormat },
      marks: [
        Plot.barY(rows, { x: 'label', y: 'amount', fill: (r: BucketAmount) => bucketColor(r.order) }),
        Plot.ruleY([0]),
      ],
    },
    description,
  );
}

/** Stacked bars: one per month end, stacked by bucket, not-due at the bottom. */
export function ageingHistory(rows: MonthBucketAmount[], { width = 960, height = 280, yLabel, tickFormat, description }: Options): string {
  const labels = [...new Map(rows.map((r) => [r.order, r.label])).entries()].sort((a, b) => a[0] - b[0]);
  return renderSvg(
    {
      width,
      height,
      marginLeft: 64,
      marginBottom: 48,
      x: { label: null, domain: [...new Set(rows.map((r) => r.monthLabel))], tickRotate: -45 },
      y: { label: yLabel, grid: true, tickFormat },
      color: { domain: labels.map(([, label]) => label), range: labels.map(([order]) => bucketColor(order)), legend: true },
      marks: [
        Plot.barY(rows, { x: 'monthLabel', y: 'amount', fill: 'label', order: labels.map(([, label]) => label) }),
        Plot.ruleY([0]),
      ],
    },
    description,
  );
}
