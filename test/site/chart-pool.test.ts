// The client pages' charts are drawn in a worker thread (site/lib/charts/pool.ts): each must come
// out exactly as the chart function draws it in the build's own thread with the site's formatter,
// in the page's language and currency, and a chart the worker cannot draw must fail the page.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ageingBars, type BucketBar } from '../../site/lib/charts/ageing.ts';
import { latenessBars, type LatenessMonth } from '../../site/lib/charts/behaviour.ts';
import { drawChart } from '../../site/lib/charts/pool.ts';
import type { ChartRequest } from '../../site/lib/charts/requests.ts';
import { makeFormat } from '../../site/lib/format.ts';

const bars: BucketBar[] = [
  { label: 'Non échu', order: 0, amount: 0 },
  { label: '1–30 j', order: 1, amount: 1_250 },
  { label: '181–365 j', order: 5, amount: 95_162 },
  { label: '> 365 j', order: 6, amount: 73_382 },
];
const months: LatenessMonth[] = [
  { monthEnd: '2026-01-31', daysLate: 12.4 },
  { monthEnd: '2026-02-28', daysLate: null },
  { monthEnd: '2026-03-31', daysLate: -3 },
];

describe('charts drawn in the worker', () => {
  const before = process.env.ENCOURS_CHART_WORKER;
  beforeAll(() => {
    // What astro.config.mjs writes into the build.
    process.env.ENCOURS_CHART_WORKER = fileURLToPath(new URL('../../site/lib/charts/chart-worker.ts', import.meta.url));
  });
  afterAll(() => {
    if (before === undefined) delete process.env.ENCOURS_CHART_WORKER;
    else process.env.ENCOURS_CHART_WORKER = before;
  });

  it('draws a client ageing in French euros as the build would, amounts in the locale', async () => {
    const intl = makeFormat('fr-FR', 'EUR');
    const options = { width: 360, height: 220, horizontal: true, yLabel: 'Montant (€)', description: 'Balance âgée de A&B' };
    const svg = await drawChart({ chart: 'ageingBars', locale: 'fr-FR', currency: 'EUR', rows: bars, options });
    expect(svg).toBe(ageingBars(bars, { ...options, compact: intl.compact, money: intl.money }));
    // 95,162 → '95,2 k' above its bar, '95 162 €' in its hover text (French spaces: a narrow no-break
    // one between thousands, a no-break one before the unit, which the SVG writes as &#160;).
    expect(svg).toContain('95,2&#160;k');
    expect(svg).toContain('181–365 j · 95\u202f162&#160;€');
    expect(svg).toContain('<title>Balance âgée de A&amp;B</title>');
  });

  it('draws the months of lateness in English dollars with English month names', async () => {
    const intl = makeFormat('en-GB', 'USD');
    const options = { yLabel: 'Days late', description: 'How Amy pays' };
    const svg = await drawChart({ chart: 'latenessBars', locale: 'en-GB', currency: 'USD', rows: months, options });
    expect(svg).toBe(latenessBars(months, { ...options, monthLabel: intl.month, days: (v) => intl.integer(v) }));
    expect(svg).toContain('>Jan<');
    expect(svg).toContain('>12<');
    expect(svg).toContain('>-3<');
  });

  it('draws many charts at once, each answer to its own request', async () => {
    const requests = Array.from({ length: 40 }, (_, i): ChartRequest => ({
      chart: 'ageingBars', locale: 'fr-FR', currency: 'EUR', rows: [{ label: 'Non échu', order: 0, amount: 1_000 * (i + 1) }], options: { description: `client ${i}`, yLabel: 'Montant (€)' },
    }));
    const svgs = await Promise.all(requests.map(drawChart));
    svgs.forEach((svg, i) => expect(svg).toContain(`<title>client ${i}</title>`));
  });

  it('fails a chart it cannot draw with the reason the worker gave', async () => {
    const unknown = { chart: 'pieChart', locale: 'fr-FR', currency: 'EUR', rows: [], options: {} } as unknown as ChartRequest;
    await expect(drawChart(unknown)).rejects.toThrow(/chart worker: .*no chart named "pieChart"/);
    // The worker lives on: the next chart is drawn.
    await expect(drawChart({ chart: 'latenessBars', locale: 'fr-FR', currency: 'EUR', rows: months, options: { yLabel: 'jours', description: 'x' } })).resolves.toContain('janv.');
  });
});
