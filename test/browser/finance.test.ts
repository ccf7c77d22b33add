// The collections, provisions and forecast pages and the overview's KPIs, built from the sample
// and opened in Chromium: they load cleanly, show their figures, the worklist filters and its CSV
// download works with the page's separators.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';

import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { integer } from '../french.ts';
import { queryWarehouse } from '../helpers.ts';
import { launchBrowser, noProblems, sampleSite, serve, watch } from './harness.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
let browser: Browser;
let server: Server;
let url: string;
let siteDir: string;

beforeAll(async () => {
  siteDir = await sampleSite();
  ({ url, server } = await serve(siteDir));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
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
    await expect(panel.locator('.kpi-label').allTextContents()).resolves.toEqual(['DSO (épuisement du CA)', 'Retard de l’encours (ADD)', 'Efficacité du recouvrement (CEI)', 'Part échue', 'Créances irrécouvrables (12 mois)']);
    await expect(panel.locator('.kpi').first().getAttribute('title')).resolves.toMatch(/^DSO par épuisement du chiffre d'affaires/);
    // The trend is drawn wide and narrow (for phones); at the default width the wide one shows.
    await expect(panel.locator('figure .chart-wide svg > title').textContent()).resolves.toMatch(/DSO par épuisement/);
    await page.close();
  });

  it('the worklist has one row per client and /collections.csv holds every invoice action, with rep and segment', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/collections/`, { waitUntil: 'networkidle' });
    // The list says how many clients it holds ("Lignes 1 à 100 sur 537", its pager) and the link to
    // the CSV how many invoice actions ("Télécharger les 1 404 actions (CSV)": all of them in the CSV).
    const pager = await page.locator('nav[data-pager-for="worklist"] p').textContent();
    const clientsTile = Number(/sur ([\d\s\u202f]+)$/.exec(pager!.trim())![1]!.replace(/\D/g, ''));
    const link = await page.locator('a.download-link').textContent();
    const actionsTile = Number(/([\d\s\u202f]+) actions?/.exec(link!)![1]!.replace(/\D/g, ''));
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
    // The stage in the page's words, as every French CSV writes a code.
    // (A client under a collective procedure has its parts to declare and to chase after it: "Contentieux · à relancer …".)
    const stagesShown = rows.slice(1).map((r) => r[2]!.split(' · ')[0]);
    expect(stagesShown.filter((s) => s === 'Contentieux').length).toBeGreaterThan(0);
    // A client whose claim is to declare and whose invoices born after the judgment are in
    // litigation (C00512 on the sample) is found under "Contentieux" too: those invoices are chased there.
    expect(rows.some((r) => /^Déclarer la créance · .* · à relancer /.test(r[2]!))).toBe(true);
    expect(stagesShown.every((s) => s === 'Contentieux' || s === 'Déclarer la créance')).toBe(true);
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
    // Both books on one base, named on the page: the sample's amounts excluding recoverable VAT.
    await expect(page.locator('.provision-base').textContent()).resolves.toMatch(/^Les deux méthodes portent sur les montants hors TVA récupérable/);
    await page.goto(`${url}/forecast/`);
    await expect(page.locator('#forecast-table tbody tr').count()).resolves.toBe(13);
    await expect(page.locator('main').textContent()).resolves.toMatch(/contre \d+,\d\s% pour la prévision naïve/);
    await page.close();
  });
});

/** Mann–Whitney AUC: the chance a defaulter ranks riskier than a non-defaulter, ties counting half. */
function mannWhitneyAuc(rows: { risk: number; defaulted: boolean }[]): number {
  const sorted = [...rows].sort((a, b) => a.risk - b.risk);
  let rankSumOfDefaulters = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.risk === sorted[i]!.risk) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i+1 … j share their mean
    for (let k = i; k < j; k++) if (sorted[k]!.defaulted) rankSumOfDefaulters += averageRank;
    i = j;
  }
  const defaulters = rows.filter((r) => r.defaulted).length;
  const others = rows.length - defaulters;
  return (rankSumOfDefaulters - (defaulters * (defaulters + 1)) / 2) / (defaulters * others);
}

// Figures a user reads, worked out here from the warehouse's detail rows by another route than
// the page's (the validation sample ranked in TypeScript; the matrix provision from the ageing
// and the loss rates, the specific one from its lines' bases and rates), and written in French
// by hand (test/french.ts), not with the site's formatter.
describe('figures on the finance pages, recomputed', () => {
  const french = (n: number, decimals: number) => n.toFixed(decimals).replace('.', ',');
  const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

  it('the scores page shows the AUC of the score and of the naive rule on the validation sample', async () => {
    const sample = await queryWarehouse<{ pd_12m: number; max_days_past_due: number; defaults_within_12m: boolean }>(
      inject('sampleWarehouse'),
      'select pd_12m, max_days_past_due, defaults_within_12m from score_validation_sample',
    );
    expect(sample.length).toBeGreaterThan(100);
    const defaults = sample.filter((r) => r.defaults_within_12m).length;
    expect(defaults).toBeGreaterThan(0);
    const model = mannWhitneyAuc(sample.map((r) => ({ risk: r.pd_12m, defaulted: r.defaults_within_12m })));
    const naive = mannWhitneyAuc(sample.map((r) => ({ risk: r.max_days_past_due, defaulted: r.defaults_within_12m })));
    const page = await browser.newPage();
    await page.goto(`${url}/scores/`);
    const cells = async (rule: string) => (await page.locator('#score-validation tbody tr', { has: page.locator(`th:text-is("${rule}")`) }).locator('td').allTextContents()).map(plain);
    const [observations, defaulters, auc] = await cells('Score');
    expect([observations, defaulters, auc]).toEqual([plain(integer(sample.length)), plain(integer(defaults)), french(model, 3)]);
    expect((await cells('Règle naïve : retard maximal actuel'))[2]).toBe(french(naive, 3));
    await page.close();
  });

  it('the provisions page shows the matrix and specific totals of the provision lines at the as-of date', async () => {
    const sampleWarehouse = inject('sampleWarehouse');
    // Matrix (IFRS 9): at the sample's last month end, 2026-10-31 (its as-of date), each client's
    // positive open balance in a bucket, excluding recoverable VAT (the provisions' one base: an
    // open item's open amount × its amount excl. tax / amount incl. tax, or / 1.20 when the export
    // gives no amount excl. tax), × that bucket's loss rate (forward-looking factor 1, the default).
    // Balances from the invoices' open amounts, not from the provision lines the page's total sums.
    const items = await queryWarehouse<{ client_id: string; bucket: string; open: number; amount: number; excl: number | null }>(
      sampleWarehouse,
      `select client_id, bucket, open_amount::double as open, amount::double as amount, amount_excl_tax::double as excl from invoices where bucket is not null`,
    );
    const byClientBucket = new Map<string, { bucket: string; open: number }>();
    for (const item of items) {
      const base = item.excl === null ? item.open / 1.2 : (item.open * item.excl) / item.amount;
      const key = `${item.client_id}\u0000${item.bucket}`;
      const entry = byClientBucket.get(key) ?? { bucket: item.bucket, open: 0 };
      entry.open += base;
      byClientBucket.set(key, entry);
    }
    const balances = [...byClientBucket.values()].filter((b) => b.open > 0);
    const rates = new Map((await queryWarehouse<{ bucket: string; rate: number | null }>(sampleWarehouse, 'select bucket, rate from provision_matrix')).map((r) => [r.bucket, r.rate]));
    // Every bucket holding a balance has its rate (a missing one would make the sum NaN, not 0).
    expect(balances.filter((b) => typeof rates.get(b.bucket) !== 'number')).toEqual([]);
    const matrix = balances.reduce((sum, b) => sum + b.open * rates.get(b.bucket)!, 0);
    // Specific (French practice): each line's base excl. tax × the rate of its basis.
    const lines = await queryWarehouse<{ base: number; rate: number }>(sampleWarehouse, 'select balance_amount::double as base, rate from provision_specific');
    const specific = lines.reduce((sum, l) => sum + l.base * l.rate, 0);
    expect(matrix).toBeGreaterThan(0);
    expect(specific).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(`${url}/provisions/`);
    const shown = (await page.locator('.kpi-value').allTextContents()).map(plain);
    expect(shown).toHaveLength(2);
    // Whole euros in French; the page's totals sum lines rounded to the cent, so they may differ
    // from these sums of unrounded products by a few cents: within a euro.
    for (const [text, expected] of [[shown[0]!, matrix], [shown[1]!, specific]] as const) {
      expect(text).toMatch(/^\d{1,3}( \d{3})* €$/);
      expect(Math.abs(Number(text.replace(/\D/g, '')) - expected)).toBeLessThanOrEqual(1);
    }
    await page.close();
  });
});
