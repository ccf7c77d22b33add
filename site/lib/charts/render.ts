// Plot renders at build time into a server-side DOM (dom.ts, serialised as linkedom did); a chart
// is then plain SVG text, readable without JavaScript, whose text alternative is the <title> the
// svg opens with. Text from the inputs only ever reaches the chart as text nodes (ticks, legend,
// <title>), which the serializer escapes. Never as an attribute: the serializer escapes '"' in
// attributes but not '&', so a name like 'A&amp;B' would be read back as 'A&B' there. Hence no
// aria-label here.
import * as Plot from '@observablehq/plot';

import { DomDocument } from './dom.ts';

const document = new DomDocument();
const svgNs = 'http://www.w3.org/2000/svg';

export function renderSvg(options: Plot.PlotOptions, description: string): string {
  const chart = Plot.plot({ ...options, document: document as unknown as Document });
  // With a legend Plot returns a <figure>: the legend (whose swatches are small <svg>s too), then
  // the chart's <svg> as a direct child. Describe that one.
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : [...chart.children].find((child) => child.tagName.toLowerCase() === 'svg');
  if (!svg) throw new Error('Plot returned no <svg>');
  const title = svg.ownerDocument.createElementNS(svgNs, 'title');
  title.textContent = description;
  svg.insertBefore(title, svg.firstChild);
  svg.setAttribute('role', 'img');
  return roundCoordinates(chart.outerHTML);
}

/**
 * Coordinates to one decimal (a tenth of a pixel is below what a screen shows): Plot writes
 * '136.81818181818184', and a page with three charts carried kilobytes of such digits. Only inside
 * attribute values, so a number in a text or a <title> is never touched.
 */
export function roundCoordinates(svg: string): string {
  return svg.replace(/="[^"]*"/g, (attribute) => (attribute.includes('.') ? attribute.replace(/(\d+\.\d)\d+/g, '$1') : attribute));
}

/** Bucket colours from calm (not due) to alarming (the oldest), by bucket order. */
export const bucketColors = ['#8fb3d3', '#f3d98b', '#f0b35a', '#e58a45', '#d4603b', '#b13a2f', '#6e1b1b'];

export function bucketColor(order: number): string {
  return bucketColors[Math.max(0, Math.min(order, bucketColors.length - 1))]!;
}

/** The text style every chart shares: the page's font, a size that reads at 100 % zoom. */
export const chartStyle = { fontFamily: 'inherit', fontSize: '12px', overflow: 'visible' } as const;

/** The width of a chart's narrow drawing: fits a phone's card (~350 px) without scaling its text down. */
export const narrowWidth = 360;
