// Charts of the scores page. Pure: rows + options → SVG text; labels come in the options so the
// same function draws French and English pages.
import * as Plot from '@observablehq/plot';

import { chartStyle, renderSvg } from './render.ts';

export interface CalibrationPoint {
  grade: string;
  predicted: number;
  observed: number;
  low: number;
  high: number;
}

interface ChartText {
  width?: number;
  height?: number;
  description: string;
}

/** Per grade, the mean predicted PD (x) against the observed default rate (y) with its interval; the diagonal is perfect calibration. */
export function calibrationChart(points: CalibrationPoint[], { width = 420, height = 320, description, xLabel, yLabel, percent }: ChartText & { xLabel: string; yLabel: string; percent: (v: number) => string }): string {
  const top = Math.min(1, Math.max(0.05, ...points.flatMap((p) => [p.predicted, p.high])) * 1.1);
  return renderSvg(
    {
      width,
      height,
      marginLeft: 52,
      marginBottom: 40,
      style: chartStyle,
      x: { label: xLabel, domain: [0, top], tickFormat: percent, ticks: 5, grid: true },
      y: { label: yLabel, domain: [0, top], tickFormat: percent, ticks: 5, grid: true },
      marks: [
        Plot.line([[0, 0], [top, top]], { stroke: '#999', strokeDasharray: '4 3' }),
        Plot.ruleX(points, { x: 'predicted', y1: 'low', y2: 'high', stroke: '#1f3a5f', strokeOpacity: 0.6 }),
        Plot.dot(points, { x: 'predicted', y: 'observed', r: 4, fill: '#1f3a5f', title: (p: CalibrationPoint) => `${p.grade} · ${percent(p.predicted)} → ${percent(p.observed)}` }),
        Plot.text(points, { x: 'predicted', y: 'observed', text: 'grade', dx: 9, textAnchor: 'start', fontWeight: 'bold' }),
      ],
    },
    description,
  );
}

export interface RocPoint {
  rule: string;
  falsePositive: number;
  truePositive: number;
}

/**
 * ROC curves, one line per rule, with the diagonal of a random ranking. Points are score_roc's, one
 * per distinct threshold, joined by straight segments: a step would draw clients ranked alike as if
 * their defaulters came first, and a coarse rule (days past due, with many ties) would look better
 * than its published AUC.
 */
export function rocChart(points: RocPoint[], { width = 420, height = 320, description, xLabel, yLabel, ruleLabel, percent }: ChartText & { xLabel: string; yLabel: string; ruleLabel: (rule: string) => string; percent: (v: number) => string }): string {
  const rows = points.map((p) => ({ ...p, label: ruleLabel(p.rule) }));
  return renderSvg(
    {
      width,
      height,
      marginLeft: 52,
      marginBottom: 40,
      style: chartStyle,
      x: { label: xLabel, domain: [0, 1], tickFormat: percent, ticks: 5, grid: true },
      y: { label: yLabel, domain: [0, 1], tickFormat: percent, ticks: 5, grid: true },
      color: { legend: true, range: ['#1f3a5f', '#d4603b'] },
      marks: [
        Plot.line([[0, 0], [1, 1]], { stroke: '#999', strokeDasharray: '4 3' }),
        Plot.line(rows, { x: 'falsePositive', y: 'truePositive', stroke: 'label', strokeWidth: 2, curve: 'linear' }),
      ],
    },
    description,
  );
}
