// The charts are drawn in the site's own small DOM (site/lib/charts/dom.ts): each must come out
// byte for byte as Plot drew it in linkedom, a full DOM, which the site used before.
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';

import { ageingBars, ageingHistory, type BucketBar, type MonthBucketBar } from '../../site/lib/charts/ageing.ts';
import { latenessBars } from '../../site/lib/charts/behaviour.ts';
import { DomDocument } from '../../site/lib/charts/dom.ts';
import { forecastBars, kpiTrend, rateBars } from '../../site/lib/charts/finance.ts';
import { calibrationChart, rocChart } from '../../site/lib/charts/scores.ts';
import { makeFormat } from '../../site/lib/format.ts';

// Plot.plot as the charts call it, drawing in linkedom instead while `inLinkedom` is set.
const drawing = vi.hoisted(() => ({ inLinkedom: false, inLinkedomCount: 0 }));
vi.mock('@observablehq/plot', async (importOriginal) => {
  const Plot = await importOriginal<typeof import('@observablehq/plot')>();
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return {
    ...Plot,
    plot: (options: Parameters<typeof Plot.plot>[0]) => {
      if (!drawing.inLinkedom) return Plot.plot(options);
      drawing.inLinkedomCount += 1;
      return Plot.plot({ ...options, document: document as unknown as Document });
    },
  };
});

/** The chart drawn in the site's DOM, and in linkedom. */
function bothWays(draw: () => string): [string, string] {
  const ours = draw();
  const before = drawing.inLinkedomCount;
  drawing.inLinkedom = true;
  try {
    const theirs = draw();
    expect(drawing.inLinkedomCount).toBeGreaterThan(before);
    return [ours, theirs];
  } finally {
    drawing.inLinkedom = false;
  }
}

const format = makeFormat('fr-FR', 'EUR');
const en = makeFormat('en-GB', 'USD');
// Text that must stay text: markup, an ampersand, quotes, a no-break space (linkedom writes &#160;).
const evil = '<img src=x onerror=alert(1)> & "Co" l\'a\u00a0dit';
const bars: BucketBar[] = [
  { label: 'Non échu', order: 0, amount: 300 },
  { label: '1–30 j', order: 1, amount: 250 },
  { label: evil, order: 2, amount: -400 },
  { label: '61–90 j', order: 3, amount: 0 },
  { label: '> 365 j', order: 6, amount: 1_234_567.89 },
];
const ageing = { yLabel: 'Montant (€)', compact: format.compact, money: format.money, description: `Balance âgée de ${evil}` };
const history: MonthBucketBar[] = ['2026-01-31', '2026-02-28', '2026-03-31'].flatMap((monthEnd, m) =>
  bars.map((b) => ({ ...b, monthEnd, amount: b.amount * (m + 1), monthTotal: 9_999 * (m + 1) })));
const months = ['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31'];

const charts: Record<string, () => string> = {
  'ageingBars': () => ageingBars(bars, ageing),
  'ageingBars horizontal': () => ageingBars(bars, { ...ageing, horizontal: true, width: 360 }),
  'ageingBars, nothing owed': () => ageingBars(bars.map((b) => ({ ...b, amount: 0 })), { ...ageing, horizontal: true }),
  'ageingHistory (a figure: the legend in HTML, then the svg)': () =>
    ageingHistory(history, { ...ageing, monthLabel: (m, i) => (i === 0 ? `${format.month(m)}\n2026` : format.month(m)), tickEvery: 2 }),
  'ageingHistory without totals, in English': () =>
    ageingHistory(history, { ...ageing, compact: en.compact, money: en.money, monthLabel: en.month, totals: false, width: 360 }),
  'latenessBars': () =>
    latenessBars(months.map((monthEnd, i) => ({ monthEnd, daysLate: i % 3 === 1 ? null : (i - 5) * 4.3 })), { yLabel: 'Jours', monthLabel: format.month, days: (v) => format.integer(v), description: evil }),
  'latenessBars, one month': () => latenessBars([{ monthEnd: '2026-10-31', daysLate: 0 }], { yLabel: 'Days', monthLabel: en.month, days: (v) => en.integer(v), description: 'Late' }),
  'kpiTrend': () =>
    kpiTrend(months.map((monthEnd, i) => ({ monthEnd, value: 40 + Math.sin(i) * 9 })), { yLabel: 'DSO (j)', description: 'DSO', valueFormat: (v) => `${format.integer(v)} j`, monthLabel: format.monthYear }),
  'forecastBars': () =>
    forecastBars(months.slice(0, 9).map((label, i) => ({ label, expected: 1000 * i, low: 800 * i, high: 1300 * i })), { yLabel: 'Encaissements', description: 'Prévision', compact: format.compact, tickEvery: 2 }),
  'rateBars': () => rateBars(bars.map((b) => ({ label: b.label, order: b.order, rate: Math.abs(b.amount) / 2e6 })), { yLabel: 'Taux', description: 'Pertes', percent: format.percent }),
  'calibrationChart': () =>
    calibrationChart(['A', 'B', 'C&D'].map((grade, i) => ({ grade, predicted: 0.02 * (i + 1), observed: 0.025 * (i + 1), low: 0.01 * i, high: 0.04 * (i + 1) })), { description: 'Calibration', xLabel: 'Prédite', yLabel: 'Observée', percent: format.percent }),
  'rocChart (with its legend)': () =>
    rocChart([[0, 0], [0.1, 0.4], [1, 1]].flatMap(([x, y]) => ['naive', 'score'].map((rule) => ({ rule, falsePositive: x!, truePositive: rule === 'naive' ? x! : y! }))), { description: 'ROC', xLabel: 'FP', yLabel: 'VP', ruleLabel: (r) => (r === 'naive' ? 'Règle <naïve>' : 'Score'), percent: format.percent }),
};

describe('the chart DOM', () => {
  for (const [name, draw] of Object.entries(charts)) {
    it(`draws ${name} as linkedom did`, () => {
      const [ours, linkedom] = bothWays(draw);
      expect(ours).toContain('<svg role="img"');
      expect(ours).toBe(linkedom);
    });
  }

  it('writes attributes last set first, an empty class or style not at all, and an HTML <style> as raw text, as linkedom did', () => {
    const draw = (document: Pick<DomDocument, 'createElement' | 'createElementNS'>) => {
      const div = document.createElement('div');
      div.setAttribute('class', ' a  b a ');
      div.setAttribute('data-x', 'say "hi" & <bye>');
      div.style.setProperty('max-width', '10px');
      div.style.removeProperty('max-width');
      const style = div.appendChild(document.createElement('style'));
      style.textContent = '.a > svg { fill: red }';
      const svg = div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
      svg.setAttribute('style', 'fill: red ; stroke:blue');
      svg.style.setProperty('fill', 'green');
      svg.append(document.createElementNS('http://www.w3.org/2000/svg', 'g'), '1 < 2 &\u00a03');
      return div.outerHTML;
    };
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    expect(draw(new DomDocument())).toBe(draw(document as unknown as DomDocument));
    expect(draw(new DomDocument())).toBe('<div data-x="say &quot;hi&quot; & <bye>" class="a b"><style>.a > svg { fill: red }</style><svg style="fill:green;stroke:blue"><g />1 &lt; 2 &amp;&#160;3</svg></div>');
  });

  it('refuses what it does not do rather than drawing something else', () => {
    expect(() => new DomDocument().createElement('div').querySelector('.tick')).toThrow(/no selector \.tick/);
  });
});
