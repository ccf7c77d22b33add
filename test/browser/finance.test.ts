// The collections, provisions and forecast pages and the overview's KPIs, built from the sample
// and opened in Chromium: they load cleanly, show their figures, the worklist filters and its CSV
// download works with the page's separators.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';

import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { buildSite, launchBrowser, noProblems, removeSite, serve, watch } from './harness.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
let browser: Browser;
let server: Server;
let url: string;
let siteDir: string;

beforeAll(async () => {
  siteDir = await buildSite(inject('sampleWarehouse'));
  ({ url, server } = await serve(siteDir));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (siteDir) removeSite(siteDir);
});

describe('finance and collections pages', () => {
  it.each([
    ['/collections/', 'collections.png'],
    ['/provisions/', 'provisions.png'],
    ['/forecast/', 'forecast.png'],
    ['/scores/', 'scores.png'],
  ])('%s loads with no console error, no failed or third-party request', async (path, screenshot) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, url);
    const response = await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await page.screenshot({ path: join(screenshots, screenshot) });
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('the overview shows the DSO, ADD, CEI, overdue and bad-debt rates with their definitions, and a 24-month DSO trend', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    const panel = page.locator('.kpi-panel');
    await expect(panel.locator('.kpi-label').allTextContents()).resolves.toEqual(['DSO (épuisement du CA)', 'Retard moyen (ADD)', 'Efficacité du recouvrement (CEI)', 'Part échue', 'Créances irrécouvrables (12 mois)']);
    await expect(panel.locator('.kpi').first().getAttribute('title')).resolves.toMatch(/^DSO par épuisement du chiffre d'affaires/);
    // The trend is drawn wide and narrow (for phones); at the default width the wide one shows.
    await expect(panel.locator('figure .chart-wide svg > title').textContent()).resolves.toMatch(/DSO par épuisement/);
    await page.close();
  });

  it('the worklist has one row per client and /collections.csv holds every invoice action, with rep and segment', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/collections/`, { waitUntil: 'networkidle' });
    // Tiles: clients to chase, then invoice actions (all of them in the CSV).
    const [clientsTile, actionsTile] = (await page.locator('.kpi-value').allTextContents()).map((v) => Number(v.replace(/\D/g, '')));
    expect(clientsTile).toBeGreaterThan(300);
    expect(actionsTile).toBeGreaterThan(1000);
    expect(await page.locator('#worklist tbody tr').count()).toBe(clientsTile);
    // One row per client: each client page is linked once (names may repeat, ids do not).
    const links = await page.locator('#worklist tbody tr td:nth-child(2) a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(links).size).toBe(links.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.download-link')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);
    expect(rows[0]).toEqual(['Priorité', 'Code client', 'Client', 'Commercial', 'Segment', 'Facture', 'Échéance', 'Étape', 'Motif', 'Reste dû', 'Jours / échéance', 'Note', 'Perte attendue']);
    expect(rows).toHaveLength(actionsTile! + 1);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(Array.from({ length: actionsTile! }, (_, i) => i + 1));
    expect(rows[1]![9]).toMatch(/^\d+(,\d+)?$/);
    await page.close();
  });

  it('the worklist filters by stage and downloads what is shown as CSV with ";"', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/collections/`);
    // The page holds the worklist's first 100 clients; the script then loads all of them.
    await page.waitForSelector('#worklist[data-loaded="true"]');
    const all = await page.locator('#worklist tbody tr').count();
    expect(all).toBeGreaterThan(100);
    await page.selectOption('select[data-filter="stage"]', 'litigation');
    const shown = await page.locator('#worklist tbody tr:visible').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="worklist"]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);
    expect(rows[0]!.slice(0, 4)).toEqual(['Priorité', 'Client', 'Étape la plus avancée', 'Montant concerné']);
    expect(rows).toHaveLength(shown + 1);
    expect(rows.slice(1).every((r) => r[2] === 'litigation')).toBe(true);
    await page.close();
  });

  it('the scores page publishes the validation beside the naive rule, with a plain verdict', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/scores/`);
    await expect(page.locator('.verdict').textContent()).resolves.toBe('Le score classe mieux les défauts que le seul retard maximal.');
    await expect(page.locator('main').textContent()).resolves.toMatch(/Grille ajustée sur l’historique/);
    await page.close();
  });

  it('the provisions page shows both methods side by side and the forecast page its measured accuracy', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/provisions/`);
    await expect(page.locator('.kpi-label').allTextContents()).resolves.toEqual(['Matrice de provisionnement (IFRS 9)', 'Provisions spécifiques']);
    for (const value of await page.locator('.kpi-value').allTextContents()) expect(value).toMatch(/\d.*€/);
    await page.goto(`${url}/forecast/`);
    await expect(page.locator('#forecast-table tbody tr').count()).resolves.toBe(13);
    await expect(page.locator('main').textContent()).resolves.toMatch(/contre \d+,\d\s% pour la prévision naïve/);
    await page.close();
  });
});
