// The built site in a real Chromium: pages load with no console error, no failed request and no
// request leaving localhost; text from the inputs stays text; figures are the hand-computed ones;
// the overview prints on one page; screenshots go to test-output/screenshots/ for a person to look at.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clientSlug } from '../../site/lib/slug.ts';
import { fixturesDir, sharedWarehouse } from '../helpers.ts';
import { buildSite, launchBrowser, sampleSite, noProblems, pdfPageCount, projectDir, removeSite, serve, watch } from './harness.ts';

const screenshots = join(projectDir, 'test-output', 'screenshots');
const evil = '<img src=x onerror=alert(1)>';
const ampersand = 'Dupont & Fils "Négoce" <SARL>';
let browser: Browser;
const servers: Server[] = [];
const sites: string[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  for (const site of sites) removeSite(site);
});

async function serveSite(siteDir: string): Promise<string> {
  sites.push(siteDir);
  const { url, server } = await serve(siteDir);
  servers.push(server);
  return url;
}

/** Intl puts no-break spaces in numbers ('1 400 €'); compare with plain spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map(plain);
}

/** Each table row's cells, space-separated. */
async function rows(page: Page, selector: string): Promise<string[]> {
  const cells = await page.locator(selector).evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent).join(' ')));
  return cells.map(plain);
}

describe('the site built from a hand-made ledger (test/fixtures/site-escaping, as of 2024-03-31)', () => {
  let url: string;
  let page: Page;
  let problems: ReturnType<typeof watch>;
  beforeAll(async () => {
    const warehouse = await sharedWarehouse(join(fixturesDir, 'site-escaping'), { asOf: '2024-03-31' });
    url = await serveSite(await buildSite(warehouse.dir));
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    problems = watch(page, url);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('the overview shows the figures worked out by hand (fixture README)', async () => {
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    // Receivables 700 + 250 + 450; overdue 400 + 250 + 450, 1100 / 1400 = 78.57 %; U's 80 unapplied; A, X&1, D&F/2 open.
    expect(await texts(page, 'main > section.kpis .kpi-value')).toEqual(['1 400 €', '1 100 €', '80 €', '3']);
    expect(await texts(page, 'main > section.kpis .kpi-note')).toEqual(["78,6 % de l'encours"]);
    // Ageing: not due A2 300; 1–30 X1 250; 31–60 A1 400; 91–180 F1 450; total 1 400.
    expect(await texts(page, 'table.ageing tbody td:nth-child(2)')).toEqual(['300 €', '250 €', '400 €', '0 €', '450 €', '0 €', '0 €']);
    expect(await texts(page, 'table.ageing tfoot td:nth-child(2)')).toEqual(['1 400 €']);
    // Largest overdue first: D&F/2 450, A 400, X&1 250 (U and Z owe nothing).
    expect(await texts(page, 'table.clients tbody th a')).toEqual([ampersand, 'Alpha SAS', evil]);
    expect(await page.locator('.as-of').textContent()).toContain('31 mars 2024');
    expect(problems).toEqual(noProblems);
  });

  it(`shows a client named ${evil} as text on every page, tables and chart text alike`, async () => {
    const clientPage = `/clients/${clientSlug('X&1')}/`;
    for (const path of ['/', '/clients/', clientPage]) {
      await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
      expect(await page.locator('img').count(), path).toBe(0);
      await expect(page.getByText(evil, { exact: true }).first().isVisible(), path).resolves.toBe(true);
    }
    expect(await page.locator('h1').textContent()).toBe(evil);
    expect(await page.title()).toBe(`${evil} · encours`);
    expect(plain(await page.locator('svg[role="img"] > title').first().textContent())).toBe(`Balance âgée de ${evil} : 1–30 j 250 €.`);
    expect(await page.locator('.facts dt:text-is("Commercial") + dd').textContent()).toBe('<b>Martin</b>');
    await page.screenshot({ path: join(screenshots, 'client-escaping.png'), fullPage: true });
    expect(problems).toEqual(noProblems);
  });

  it('gives an id with "&" and "/" a URL of its own, and keeps "&", quotes and "<" in a name', async () => {
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: ampersand }).first().click();
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(`${url}/clients/D_26F_2f2/`);
    expect(await page.locator('h1').textContent()).toBe(ampersand);
    expect(await page.locator('svg[role="img"] > title').first().textContent()).toContain(`Balance âgée de ${ampersand} :`);
    expect(problems).toEqual(noProblems);
  });

  it("a client page lists its open items, the disputed one marked, and what it owes by bucket", async () => {
    await page.goto(`${url}/clients/${clientSlug('X&1')}/`, { waitUntil: 'networkidle' });
    // Expected payment: due 2024-03-02 + 0 days late (no history) has passed: the day after the as-of date.
    expect(await rows(page, 'table.invoices tbody tr')).toEqual(['X1 01/02/2024 02/03/2024 250,00 € 250,00 € 29 01/04/2024 En litige']);
    // After the risk tiles (grade, stage, limit, insured limit, last payment): receivables, overdue, max days late, unapplied cash.
    expect((await texts(page, 'main > section.kpis .kpi-value')).slice(-4)).toEqual(['250 €', '250 €', '29', '0 €']);
    // D&F/2: the credit note F2 is spent on F1, so only F1 remains: 700 − 100 − 150 = 450, 112 days.
    await page.goto(`${url}/clients/${clientSlug('D&F/2')}/`, { waitUntil: 'networkidle' });
    expect(await rows(page, 'table.invoices tbody tr')).toEqual(['F1 10/11/2023 10/12/2023 700,00 € 450,00 € 112 01/04/2024']);
    expect(problems).toEqual(noProblems);
  });

  it('a client with nothing open still has its page, with its unapplied cash', async () => {
    await page.goto(`${url}/clients/U/`, { waitUntil: 'networkidle' });
    await expect(page.getByText('Aucune facture ouverte.').isVisible()).resolves.toBe(true);
    expect(await rows(page, 'table.unapplied tbody tr')).toEqual(['P6 25/03/2024 80,00 € 80,00 €']);
    expect(problems).toEqual(noProblems);
  });

  it('reads without JavaScript: every client is listed, and the search box (which needs it) is hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${url}/clients/`);
    // All five clients of the file: the three with open items, and U and Z with nothing open (their pages are reachable too).
    expect(await noScript.locator('#clients-table tbody tr').count()).toBe(5);
    expect(await noScript.locator('form.search').isVisible()).toBe(false);
    await context.close();
  });
});

describe('the site in English (ENCOURS_LANG=en)', () => {
  it('labels, amounts and dates follow the language', async () => {
    const warehouse = await sharedWarehouse(join(fixturesDir, 'site-escaping'), { asOf: '2024-03-31' });
    const url = await serveSite(await buildSite(warehouse.dir, { ENCOURS_LANG: 'en' }));
    const page = await browser.newPage();
    const problems = watch(page, url);
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await texts(page, 'main > section.kpis .kpi-value')).toEqual(['€1,400', '€1,100', '€80', '3']);
    expect(await texts(page, 'table.ageing tbody th')).toEqual(['Not due', '1–30 d', '31–60 d', '61–90 d', '91–180 d', '181–365 d', '> 365 d']);
    expect(await page.locator('.as-of').textContent()).toContain('31 March 2024');
    expect(problems).toEqual(noProblems);
    await page.close();
  });
});

describe('the site built from the bundled sample', () => {
  let url: string;
  let siteDir: string;
  beforeAll(async () => {
    siteDir = await sampleSite();
    const { url: sampleUrl, server } = await serve(siteDir);
    servers.push(server);
    url = sampleUrl;
  });

  it.each([
    ['overview', '/', 'overview.png'],
    ['clients index', '/clients/', null],
    ['client page', '/clients/C00007/', 'client.png'],
  ])('the %s loads with no error and no request leaving localhost', async (_name, path, screenshot) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, url);
    const response = await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    if (screenshot) await page.screenshot({ path: join(screenshots, screenshot), fullPage: true });
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('the overview has its two ageing charts, the DSO trend, and links to the largest overdue clients', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    // Each chart is drawn wide and narrow; at 1280 px the wide drawings show.
    expect(await page.locator('svg[role="img"]:visible').count()).toBe(3);
    expect(await page.locator('.ageing-now svg[role="img"] > title').first().textContent()).toMatch(/Non échu/);
    expect(await page.locator('table.clients tbody tr').count()).toBe(20);
    await page.locator('table.clients tbody th a').first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/clients\/[A-Za-z0-9_-]+\/$/);
    await page.close();
  });

  it('the clients search filters the table as you type', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/clients/`);
    // The page holds the first 200 clients; the script then loads all of them.
    await page.waitForSelector('#clients-table[data-loaded="true"]');
    const all = await page.locator('#clients-table tbody tr:visible').count();
    expect(all).toBeGreaterThan(500);
    await page.fill('#client-search', 'c00007');
    await expect.poll(() => page.locator('#clients-table tbody tr:visible').count()).toBe(1);
    await page.fill('#client-search', '');
    await expect.poll(() => page.locator('#clients-table tbody tr:visible').count()).toBe(all);
    await page.close();
  });

  it('the overview prints on one A4 page', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    expect(pdfPageCount(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).toBe(1);
    // The page counter itself: the clients index (1,093 rows) cannot fit on one page.
    await page.goto(`${url}/clients/`, { waitUntil: 'networkidle' });
    expect(pdfPageCount(await page.pdf({ preferCSSPageSize: true }))).toBeGreaterThan(10);
    await page.close();
  });

  it('keeps crawlers out, loads nothing from elsewhere, and keeps client pages small', () => {
    expect(readFileSync(join(siteDir, 'robots.txt'), 'utf8')).toMatch(/User-agent: \*\s+Disallow: \//);
    // One folder per client, beside the clients list's later pages (clients/page/<n>/).
    const clientDirs = readdirSync(join(siteDir, 'clients'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'page');
    expect(clientDirs.length).toBe(1500);
    const pages = ['index.html', join('clients', 'index.html'), ...clientDirs.map((d) => join('clients', d.name, 'index.html'))];
    for (const file of pages) {
      const html = readFileSync(join(siteDir, file), 'utf8');
      expect(html, file).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(html, file).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self';/);
      expect(html, file).not.toMatch(/(src|href|action)="(https?:)?\/\//);
      expect(html, file).not.toMatch(/@import|url\(\s*['"]?https?:/);
    }
    const largest = Math.max(...clientDirs.map((d) => statSync(join(siteDir, 'clients', d.name, 'index.html')).size));
    expect(largest).toBeLessThan(60 * 1024);
  });
});
