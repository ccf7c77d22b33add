// The site built on exports encours did not write, read as their company's credit manager would,
// in a real Chromium: a QuickBooks company in dollars whose A/R Aging Detail is read as an invoice
// list (its open invoices, no payments), and a Xero company in pounds whose Aged Receivables Detail
// is an open-balance snapshot on its first night. Neither shows a DSO, a forecast or a "never
// paid" the exports cannot support, nor French published figures or French law pressed on it.

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, detectInto, exportShape, exportsOf } from '../helpers.ts';
import { browserSession, noProblems, watch } from './harness.ts';

const session = browserSession();

async function siteOf(inputDir: string, asOf?: string): Promise<string> {
  const warehouse = await buildWarehouse(inputDir, asOf ? { asOf } : {});
  return session.buildAndServe(warehouse.dir, { ENCOURS_LANG: 'en' });
}

async function open(url: string, path: string): Promise<{ page: Page; problems: ReturnType<typeof watch> }> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watch(page, url);
  await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** A tile's value and note, by its label, Intl's no-break spaces as plain ones. */
async function tile(page: Page, label: string): Promise<string[]> {
  const kpi = page.locator('.kpi').filter({ has: page.locator('.kpi-label', { hasText: label }) }).first();
  const texts = [await kpi.locator('.kpi-value').textContent(), await kpi.locator('.kpi-note').count() ? await kpi.locator('.kpi-note').textContent() : null];
  return texts.map((t) => (t ?? '').replace(/[\u00a0\u202f]/g, ' ').trim());
}

describe('QuickBooks A/R Aging Detail read as an invoice list, a company in dollars (as of 31 March 2024)', () => {
  let url: string;
  beforeAll(async () => {
    url = await siteOf(exportShape('quickbooks-ar-aging-detail'), '2024-03-31');
  });

  it('states no DSO, ADD or CEI from exports that hold no payment, and says why', async () => {
    // The five open documents are every sale the exports hold (8,418.17 open of 8,418.17 sold):
    // the countback would read 31 + 29 + 31 = 91 days, the ADD 91, the CEI 0.
    const { page, problems } = await open(url, '/');
    const why = 'The exports date no settlement: this needs the payments (or several open-balance snapshots in a row).';
    expect(await tile(page, 'DSO (countback)')).toEqual(['Not computed', why]);
    expect(await tile(page, 'Days delinquent (ADD)')).toEqual(['Not computed', why]);
    expect(await tile(page, 'Collection effectiveness (CEI)')).toEqual(['Not computed', why]);
    expect(await page.locator('.kpi-panel figure.chart').count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('sets no French published figures beside a company outside France', async () => {
    const { page } = await open(url, '/');
    expect(await page.locator('section.benchmarks [data-not-french]').textContent()).toBe(
      'The published figures (Banque de France, Altares) are about companies in France: they are not set beside a company outside France (setting company.country: not set).',
    );
    expect(await page.locator('#benchmarks-company').count()).toBe(0);
    await page.close();
  });

  it('forecasts nothing rather than every open invoice, 46 days late or not, in the first week', async () => {
    const { page, problems } = await open(url, '/forecast/');
    expect(await page.locator('[data-not-computed]').textContent()).toMatch(/^Not computed: the exports date no settlement/);
    expect(await page.locator('#forecast-table').count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it("gives Amy's last payment as unknown, not never (1001 owes 1,585.03 of 1,705.03)", async () => {
    const { page } = await open(url, "/clients/Amy_27s_20Bird_20Sanctuary/");
    expect(await tile(page, 'Last payment')).toEqual(['unknown', 'the exports date no settlement (an open-balance snapshot)']);
    expect(await page.locator('[data-none-settled]').textContent()).toBe('The exports date no settlement (an open-balance snapshot): what was collected, and when, is not in them.');
    // Collected each month: unknown ('–'), not 0.00 — the 120.00 of 1001 was paid or credited some day.
    const paid = await page.locator('#client-months tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(paid)).toEqual(new Set(['–']));
    // Graded B from three month ends of an aged-balance report: the grade says it is the expert
    // scorecard's, the history too short to fit one.
    expect(await page.locator('.score-grade').textContent()).toBe('B · 84/100');
    expect(await page.locator('[data-expert-grade]').textContent()).toBe('Expert scorecard: the history is still too short to fit the grade on your clients’ defaults (Scores page). Weigh it against what you know of the client.');
    // The formal notice's summary: the principal alone, no "0.00 of fixed indemnities".
    expect((await page.locator('[data-letter-claim]').textContent())!.replace(/[\u00a0\u202f]/g, ' ').trim()).toBe('The formal notice claims US$2,071.58 principal (French late-payment penalties not applied).');
    await page.close();
  });

  it("sends Amy a formal notice in English for its principal, without French law's interest and 40 indemnity at 0.00", async () => {
    // 1001 1,585.03 (46 days) + 1002 486.55 (29 days) = 2,071.58. Before: "Conformément à
    // l'article L441-10 …, soit 0,00 $US … une indemnité forfaitaire … de 40 $US …, soit 0,00 $US".
    // Neither Amy nor the company has a country: the letter is in English, on the terms of sale,
    // not in French under the Code de commerce.
    const { page, problems } = await open(url, "/clients/Amy_27s_20Bird_20Sanctuary/letter/");
    const body = (await page.locator('body').textContent())!.replace(/[\u00a0\u202f]/g, ' ');
    expect(body).toContain('We hereby give you formal notice to pay us the principal sum of US$2,071.58');
    expect(body).not.toMatch(/mise en demeure|Code de commerce/i);
    expect(body).not.toMatch(/L441-10|D441-5|indemnit/i);
    expect(await page.locator('[data-indemnity], [data-interest]').count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('says the grades are not yet checked against defaults, instead of a calibration table with no row', async () => {
    // Three month ends, none outside the training period: no grade row in score_validation.
    const { page, problems } = await open(url, '/scores/');
    expect(await page.locator('[data-no-calibration]').textContent()).toBe('No month end outside the training period to compare with: the grades are not yet checked against observed defaults.');
    expect(await page.locator('#default-rates').count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('says the D441-6 table is French law, the company not set in France', async () => {
    const { page } = await open(url, '/d441/');
    expect(await page.locator('[data-not-french]').textContent()).toMatch(/^This table is required by French law; the company is not set as being in France/);
    await page.close();
  });
});

describe('Xero Aged Receivables Detail, a company in pounds in the United Kingdom, first night', () => {
  let url: string;
  beforeAll(async () => {
    const dir = exportsOf('xero-aged-receivables');
    await detectInto(dir, (config) => ({ ...config, currency: 'GBP', company: { country: 'GB' } }));
    url = await siteOf(dir);
  });

  it('shows its receivables in pounds, and no DSO: the snapshot holds only the invoices still unpaid', async () => {
    // TRUTH.md: 11,246.95 at 31 March 2025; March's sales in the snapshot, 886.55 − 250.00 =
    // 636.55, do not consume it (the countback would have read March's 31 days).
    const { page, problems } = await open(url, '/');
    expect(await tile(page, 'Receivables')).toEqual(['£11,247', '']);
    expect(await tile(page, 'DSO (countback)')).toEqual([
      'Not computed', 'The receivables exceed every sale in the exports: the months to count back are not in them (an open-balance snapshot, or a balance brought forward).',
    ]);
    expect(problems).toEqual(noProblems);
    await page.close();
  });
});

describe('Stripe Invoices export, an open-balance snapshot dated within its month (25 March 2025)', () => {
  let url: string;
  beforeAll(async () => {
    const dir = exportsOf('stripe-invoices');
    await detectInto(dir);
    url = await siteOf(dir);
  });

  it('says there is no month end yet, not "No receivables" beside 9,340 open, and keeps the indicators panel', async () => {
    // TRUTH.md: 1,800 + 490 + 1,350 + 2,100 + 3,600 = 9,340 open at 25 March 2025, the snapshot's
    // date; the first month end on or after it, 31 March, is after the as-of date: none yet.
    const { page, problems } = await open(url, '/');
    const noMonthEnd = 'No month end in the history yet (the exports start after the last month end): the monthly figures begin with the next one.';
    expect(await tile(page, 'Receivables')).toEqual(['€9,340', '']);
    expect(await page.locator('.kpi-panel [data-no-month-end]').textContent()).toBe(noMonthEnd);
    expect(await page.locator('[data-no-history]').textContent()).toBe(noMonthEnd);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('states no provision of 0 on 9,340 open: the matrix waits for its first month end', async () => {
    const { page, problems } = await open(url, '/provisions/');
    expect(await page.locator('[data-no-month-end]').textContent()).toBe('No month end in the history yet (the exports start after the last month end): the monthly figures begin with the next one.');
    expect(await page.locator('#provision-verdict, #provision-matrix').count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.close();
  });
});
