// Charts are pure functions: rows + options → SVG text with its text alternative, drawn by Plot.
import { describe, expect, it } from 'vitest';

import { ageingBars, ageingHistory, type BucketBar, type MonthBucketBar } from '../../site/lib/charts/ageing.ts';
import { latenessBars } from '../../site/lib/charts/behaviour.ts';
import { kpiTrend } from '../../site/lib/charts/finance.ts';
import { bucketColor, bucketColors, roundCoordinates } from '../../site/lib/charts/render.ts';
import { rocChart } from '../../site/lib/charts/scores.ts';
import { makeFormat } from '../../site/lib/format.ts';

const format = makeFormat('fr-FR', 'EUR');
const options = { yLabel: 'Montant (€)', compact: format.compact, money: format.money, description: 'Balance âgée : Non échu 300 €, 1–30 j 250 €.' };
// The fixture company of test/fixtures/site-escaping: not due 300, 1–30 250, 31–60 400, 91–180 450.
const bars: BucketBar[] = [
  { label: 'Non échu', order: 0, amount: 300 },
  { label: '1–30 j', order: 1, amount: 250 },
  { label: '31–60 j', order: 2, amount: 400 },
  { label: '61–90 j', order: 3, amount: 0 },
  { label: '91–180 j', order: 4, amount: 450 },
];

/** The bar rectangles of a chart: fill and height, in drawing order. */
function rects(svg: string): { fill: string; height: number }[] {
  return [...svg.matchAll(/<rect fill="([^"]+)"[^>]*?height="([\d.]+)"/g)].map((m) => ({ fill: m[1]!, height: Number(m[2]) }));
}

describe('ageingBars', () => {
  const svg = ageingBars(bars, options);

  it('opens with its text alternative as the svg <title>', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*><title>Balance âgée : Non échu 300 €, 1–30 j 250 €\.<\/title>/);
  });

  it('draws one bar per bucket, in bucket order, coloured from calm to alarming', () => {
    const drawn = rects(svg);
    expect(drawn.map((r) => r.fill)).toEqual([0, 1, 2, 3, 4].map(bucketColor));
    // Heights in proportion to the amounts: 450 / 300 = 1.5, 250 / 300, 400 / 300; the empty bucket
    // flat. Coordinates are rounded to a tenth of a pixel (roundCoordinates), hence 2 decimals.
    const [notDue, d30, d60, d90, d180] = drawn.map((r) => r.height);
    expect(d180! / notDue!).toBeCloseTo(1.5, 2);
    expect(d30! / notDue!).toBeCloseTo(250 / 300, 2);
    expect(d60! / notDue!).toBeCloseTo(400 / 300, 2);
    expect(d90).toBe(0);
  });

  it('labels each non-empty bar with its amount, and gives the exact amount on hover', () => {
    expect(svg).toContain('<title>91–180 j · 450&#160;€</title>');
    expect([...svg.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['300', '250', '400', '450']));
  });

  it('keeps text from the inputs as text: < and & are escaped wherever they appear', () => {
    const evil = '<img src=x onerror=alert(1)> & "Co"';
    const chart = ageingBars([{ label: evil, order: 0, amount: 10 }], { ...options, description: `Balance âgée de ${evil}` });
    expect(chart).not.toContain('<img');
    expect(chart).toContain('<title>Balance âgée de &lt;img src=x onerror=alert(1)&gt; &amp; "Co"</title>');
    expect(chart).toContain('>&lt;img src=x onerror=alert(1)&gt; &amp; "Co"</text>');
  });

  it('matches its snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/ageing-bars.svg');
  });
});

describe('roundCoordinates', () => {
  it('keeps one decimal of a coordinate in an attribute, and leaves text alone', () => {
    expect(roundCoordinates('<line y1="136.81818181818184" x1="40"><title>1.23456 €</title></line>')).toBe('<line y1="136.8" x1="40"><title>1.23456 €</title></line>');
  });
});

describe('ageingBars horizontal', () => {
  it('draws one bar per bucket across, the bucket names down the side', () => {
    const svg = ageingBars(bars, { ...options, horizontal: true, width: 360 });
    expect(svg).toContain('viewBox="0 0 360 ');
    expect([...svg.matchAll(/<rect fill="([^"]+)"/g)].map((m) => m[1])).toEqual([0, 1, 2, 3, 4].map(bucketColor));
    expect(svg).toContain('>Non échu</text>');
  });
});

describe('ageingBars, nothing owed', () => {
  // A client with nothing open (C00601 on the sample): every bucket 0. Plot stretched the empty
  // domain [0, 0] over the whole drawing, so each bucket was a full bar (240 px across at 360 px,
  // 182 px tall at 240 px) around the 0 axis, as if the client owed in every bucket.
  const zero = bars.map((b) => ({ ...b, amount: 0 }));
  const widths = (svg: string) => [...svg.matchAll(/<rect fill="[^"]+"[^>]*?width="([\d.]+)"/g)].map((m) => Number(m[1]));

  it('draws every bucket flat across, on a phone-width chart', () => {
    const svg = ageingBars(zero, { ...options, horizontal: true, width: 360 });
    expect(widths(svg)).toEqual([0, 0, 0, 0, 0]);
  });

  it('draws every bucket flat upright', () => {
    expect(rects(ageingBars(zero, options)).map((r) => r.height)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('ageingHistory', () => {
  // Two month ends, two buckets: Jan 100 not due + 50 overdue; Feb 120 not due + 30 overdue; each
  // month's total (150) as the mart gives it (ageing_history.month_total_amount).
  const rows: MonthBucketBar[] = [
    { monthEnd: '2026-01-31', label: 'Non échu', order: 0, amount: 100, monthTotal: 150 },
    { monthEnd: '2026-01-31', label: '1–30 j', order: 1, amount: 50, monthTotal: 150 },
    { monthEnd: '2026-02-28', label: 'Non échu', order: 0, amount: 120, monthTotal: 150 },
    { monthEnd: '2026-02-28', label: '1–30 j', order: 1, amount: 30, monthTotal: 150 },
  ];
  const svg = ageingHistory(rows, { ...options, description: 'Historique', monthLabel: (m, i) => (i === 0 ? `${format.month(m)}\n2026` : format.month(m)) });

  it('is a figure: the legend (HTML) then the described svg', () => {
    expect(svg).toMatch(/^<figure/);
    expect(svg.match(/<title>/g)).toHaveLength(1 + rows.length);
    const chart = svg.search(/<svg role="img"[^>]*><title>Historique<\/title>/);
    expect(chart).toBeGreaterThan(svg.lastIndexOf('-swatch"'));
    expect(svg.indexOf('Non échu')).toBeLessThan(chart);
  });

  it('stacks the buckets of each month, not-due at the bottom', () => {
    const drawn = rects(svg);
    expect(drawn.map((r) => r.fill)).toEqual([bucketColors[0], bucketColors[1], bucketColors[0], bucketColors[1]]);
    // Both months total 150, so the stacks are the same height: 100 + 50 and 120 + 30.
    const [jan0, jan1, feb0, feb1] = drawn.map((r) => r.height);
    expect(jan0! + jan1!).toBeCloseTo(feb0! + feb1!, 5);
    expect(jan0! / jan1!).toBeCloseTo(2, 5);
  });

  it('writes each month total above its bar and the month names on the axis, the year under the first', () => {
    const totals = svg.slice(svg.indexOf('aria-label="text"'));
    expect(totals.match(/>150<\/text>/g)).toHaveLength(2);
    expect(svg).toMatch(/<tspan[^>]*>janv\.<\/tspan><tspan[^>]*>2026<\/tspan>/);
    expect(svg).toContain('>févr.</text>');
    expect(svg).toContain('<title>févr. · 1–30 j · 30&#160;€</title>');
  });
});

describe('latenessBars', () => {
  const months = [
    { monthEnd: '2026-08-31', daysLate: 12.4 },
    { monthEnd: '2026-09-30', daysLate: null },
    { monthEnd: '2026-10-31', daysLate: -3 },
  ];
  const svg = latenessBars(months, { yLabel: 'Jours de retard', monthLabel: format.month, days: (v) => format.integer(v), description: 'Retards' });

  it('draws a bar for each month with settlements, late in orange and early in blue, the month without any left empty', () => {
    expect([...svg.matchAll(/<rect fill="([^"]+)"/g)].map((m) => m[1])).toEqual(['#e58a45', '#8fb3d3']);
    // 12.4 days rounds to 12; −3 stays −3.
    expect([...svg.matchAll(/<text[^>]*>(-?\d+)<\/text>/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['12', '-3']));
  });

  it('names every other month, counting back from the latest, so the names never run into each other', () => {
    // Three months: October (latest) and August are named, September (no settlements) is not.
    expect(svg).toContain('>oct.</text>');
    expect(svg).toContain('>août</text>');
    expect(svg).not.toContain('>sept.</text>');
    // Twelve months, November to October: the six named are Dec, Feb, Apr, Jun, Aug, Oct.
    const year = ['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31'];
    const full = latenessBars(year.map((monthEnd) => ({ monthEnd, daysLate: 5 })), { yLabel: 'Jours', monthLabel: format.month, days: (v) => format.integer(v), description: 'Retards' });
    const named = [...full.matchAll(/<text[^>]*>([a-zéû.]+)<\/text>/g)].map((m) => m[1]);
    expect(named).toEqual(['déc.', 'févr.', 'avr.', 'juin', 'août', 'oct.']);
  });
});

describe('rocChart', () => {
  // The naive rule of the score validation's hand-made set (test/etl/scores.test.ts): one point per
  // distinct max DPD, (0, 0), (0, 1/4), (1/6, 1/4), (2/6, 3/4), (1, 1); at 30 days a defaulter pair
  // and a non-defaulter tie.
  const points = [[0, 0], [0, 0.25], [1 / 6, 0.25], [2 / 6, 0.75], [1, 1]].map(([falsePositive, truePositive]) => ({ rule: 'naive', falsePositive: falsePositive!, truePositive: truePositive! }));
  const svg = rocChart(points, { description: 'ROC', xLabel: 'Faux positifs', yLabel: 'Vrais positifs', ruleLabel: () => 'Règle naïve', percent: format.percent });

  it('joins the points with straight segments, so a tie is drawn as likely to rank a defaulter first as not', () => {
    // Plot area 420 × 320 less margins (left 52, right 20, top 20, bottom 40): x = 52 + 348 × share,
    // y = 280 − 260 × share. (1/6, 1/4) → (110, 215); (2/6, 3/4) → (168, 85). A step would add a
    // corner at (110, 85) — the tie drawn as if its defaulters came first.
    const curve = svg.match(/<path d="([^"]+)" stroke="#1f3a5f"/)![1]!;
    expect(curve).toBe('M52,280L52,215L110,215L168,85L400,20');
  });
});

describe('kpiTrend', () => {
  /** The x axis's tick labels, in order. */
  const xTicks = (svg: string) => [...(svg.match(/aria-label="x-axis tick label"[^>]*>(.*?)<\/g>/s)?.[1] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

  it('labels each month of a short history once (SAP FBL5N at 31 March 2024: three month ends)', () => {
    // Plot's own ticks over a 60-day span fall every week or so: 'févr. 24' four times,
    // 'mars 24' five. One tick per month end drawn: janv., févr., mars.
    const svg = kpiTrend(['2024-01-31', '2024-02-29', '2024-03-31'].map((monthEnd, i) => ({ monthEnd, value: 31 - i })), {
      yLabel: 'Jours', description: 'DSO', valueFormat: (v) => `${format.integer(v)} j`, monthLabel: format.monthYear,
    });
    expect(xTicks(svg)).toEqual(['janv. 24', 'févr. 24', 'mars 24']);
  });
});
