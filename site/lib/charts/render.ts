// Plot renders at build time into a server-side DOM (linkedom); a chart is then plain SVG text,
// readable without JavaScript, with its text alternative in <title> and aria-label.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export function renderSvg(options: Plot.PlotOptions, description: string): string {
  const chart = Plot.plot({ ...options, document: document as unknown as Document, ariaDescription: description });
  // With a legend Plot returns a <figure> holding the legend and the <svg>: describe the svg.
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg')!;
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = description;
  svg.insertBefore(title, svg.firstChild);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', description);
  return chart.outerHTML;
}

/** Bucket colours from calm (not due) to alarming (> 365 days), by bucket order. */
export const bucketColors = ['#7fa7c9', '#f2d479', '#f0b35a', '#e98a45', '#d9603b', '#b53a2f', '#7d1f1f'];

export function bucketColor(order: number): string {
  return bucketColors[Math.min(order, bucketColors.length - 1)]!;
}
