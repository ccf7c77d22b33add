// The ageing balance, segments, data-quality and about pages in Chromium, and the clients index
// filters: pages load cleanly, the ageing table sorts by a click, the quality report shows the
// bad lines of test/fixtures/site-quality as text and downloads them as a safe CSV, the filters
// hide rows. Expected values come from the fixture's README, worked out by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { buildWarehouse, fixturesDir } from '../helpers.ts';
import { browserSession, noProblems, projectDir, sampleSite as sharedSampleSite, watch } from './harness.ts';

const screenshots = join(projectDir, 'test-output', 'screenshots');
const session = browserSession();
const { buildAndServe } = session;

let sample: Promise<string> | undefined;
/** The bundled sample's site (built once per test run, see harness.ts), served for this file. */
function sampleSiteUrl(): Promise<string> {
  sample ??= sharedSampleSite().then(session.serveSite);
  return sample;
}

/** Intl puts no-break spaces in numbers ('1 400 €'); compare with plain spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map(plain);
}

/** The CSV a click on `selector` downloads, BOM checked and removed, parsed with `delimiter`. */
async function downloadCsv(page: Page, selector: string, delimiter: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { delimiter }).data.filter((r) => r.length > 1);
}

describe('the new pages built from test/fixtures/site-quality (as of 2024-03-31)', () => {
  let url: string;
  let page: Page;
  let problems: ReturnType<typeof watch>;
  beforeAll(async () => {
    const warehouse = await buildWarehouse(join(fixturesDir, 'site-quality'), { asOf: '2024-03-31' });
    url = await buildAndServe(warehouse.dir);
    page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    problems = watch(page, url);
  });
  afterAll(async () => {
    await page?.close();
  });

  const names = () => texts(page, '#ageing-balance tbody th');

  it('the ageing balance lists each client by bucket, largest total first, with a totals row', async () => {
    await page.goto(`${url}/ageing/`, { waitUntil: 'networkidle' });
    // A 300 not due + 400 at 31–60 = 700; D&F/2 450 at 91–180; X&1 250 at 1–30.
    expect(await names()).toEqual(['Alpha SAS', 'Dupont & Fils "Négoce" <SARL>', '<img src=x onerror=alert(1)>']);
    expect(await texts(page, '#ageing-balance tbody tr:first-child td')).toEqual(['300 €', '0 €', '400 €', '0 €', '0 €', '0 €', '0 €', '700 €', '400 €']);
    // Columns: not due, 1–30, 31–60, 61–90, 91–180, 181–365, > 365, total, overdue (1 400 − 300).
    expect(await texts(page, '#ageing-balance tfoot td')).toEqual(['300 €', '250 €', '400 €', '0 €', '450 €', '0 €', '0 €', '1 400 €', '1 100 €']);
    await expect(page.getByRole('link', { name: 'Alpha SAS' }).getAttribute('href')).resolves.toBe('/clients/A/');
    expect(problems).toEqual(noProblems);
  });

  it('sorts the ageing balance by the column header clicked, and back', async () => {
    await page.goto(`${url}/ageing/`, { waitUntil: 'networkidle' });
    const header = (name: string) => page.locator('#ageing-balance thead th', { hasText: name }).getByRole('button');
    await header('Total').click();
    // Smallest total first: 250, 450, 700.
    expect(await names()).toEqual(['<img src=x onerror=alert(1)>', 'Dupont & Fils "Négoce" <SARL>', 'Alpha SAS']);
    await expect(page.locator('#ageing-balance thead th', { hasText: 'Total' }).getAttribute('aria-sort')).resolves.toBe('ascending');
    await header('91–180 j').click();
    // Largest 91–180 first: D&F/2 450, then the two with 0 in the order they had.
    expect(await names()).toEqual(['Dupont & Fils "Négoce" <SARL>', '<img src=x onerror=alert(1)>', 'Alpha SAS']);
    await header('Client').click();
    // A to Z; the name starting with '<' sorts before the letters.
    expect(await names()).toEqual(['<img src=x onerror=alert(1)>', 'Alpha SAS', 'Dupont & Fils "Négoce" <SARL>']);
    // The totals row stays at the bottom, unchanged.
    expect(await texts(page, '#ageing-balance tfoot td:nth-last-child(2)')).toEqual(['1 400 €']);
    expect(problems).toEqual(noProblems);
  });

  it('reads without JavaScript: the ageing balance already sorted, the clients filters hidden', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${url}/ageing/`);
    expect(await noScript.locator('#ageing-balance tbody th').allTextContents()).toEqual(['Alpha SAS', 'Dupont & Fils "Négoce" <SARL>', '<img src=x onerror=alert(1)>']);
    expect(await noScript.locator('#ageing-balance thead button').count()).toBe(0);
    await noScript.goto(`${url}/clients/`);
    expect(await noScript.locator('form.filters').isVisible()).toBe(false);
    // Without JavaScript every client of the file is listed: the three with open items, and U and Z with nothing open.
    expect(await noScript.locator('#clients-table tbody tr:visible').count()).toBe(5);
    await context.close();
  });

  it('the ageing CSV has the table header and plain numbers with a decimal comma', async () => {
    await page.goto(`${url}/ageing/`, { waitUntil: 'networkidle' });
    const rows = await downloadCsv(page, 'button[data-download="ageing-balance"]', ';');
    expect(rows[0]).toEqual(['Client', 'Non échu', '1–30 j', '31–60 j', '61–90 j', '91–180 j', '181–365 j', '> 365 j', 'Total', 'Dont échu']);
    expect(rows[1]).toEqual(['Alpha SAS', '300', '0', '400', '0', '0', '0', '0', '700', '400']);
    expect(rows).toHaveLength(4);
  });

  it('the quality page counts the bad lines by severity and groups them by reason', async () => {
    await page.goto(`${url}/quality/`, { waitUntil: 'networkidle' });
    // Fixture README: lines 8, 9, 10, 11, 12, 14 rejected; line 13 after the as-of date.
    expect(await texts(page, '.kpi-value')).toEqual(['6', '0', '1']);
    expect(await texts(page, '#quality-reasons tbody td:nth-child(3)')).toEqual([
      'Date de facture « … » : ne suit pas le format de date %Y-%m-%d',
      // A line DuckDB could not split keeps its message in the warehouse; the page words its code.
      'Ligne illisible : plus de valeurs que les … colonnes de l’en-tête (un séparateur dans une valeur sans guillemets ?)',
      // Kinds of one line each, in one input, follow their code (quality_reasons.report_order):
      // amount_not_a_number, duplicate_id, missing_client_id, in every language.
      'Montant « … » n’est pas un nombre',
      'Numéro de facture … en double (la première ligne est gardée)',
      'Code client manquant',
      // A coded reason is worded in the site's language from its code; the group blanks its value.
      'Datée après la date de situation (…) : laissée de côté pour ce traitement',
    ]);
    expect(await texts(page, '#quality-reasons tbody td:nth-child(4)')).toEqual(['2', '1', '1', '1', '1', '1']);
    expect(await page.locator('#quality-rows tbody tr').count()).toBe(7);
    // Ids from the input are text: no script ran (a dialog would be recorded), the id reads as typed.
    await expect(page.getByText('<script>alert(3)</script>', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('=HYPERLINK("http://x","y")', { exact: true }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'quality.png'), fullPage: true });
    expect(problems).toEqual(noProblems);
  });

  it('the full quality CSV has its header and neutralises values a spreadsheet would run', async () => {
    await page.goto(`${url}/quality/`, { waitUntil: 'networkidle' });
    const rows = await downloadCsv(page, 'a.download-link', ';');
    expect(rows[0]).toEqual(['Fichier', 'Ligne', 'Gravité', 'Export', 'Motif', 'Identifiant', 'Ligne brute']);
    expect(rows).toHaveLength(8);
    const byLine = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byLine.get('8')?.[5]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(byLine.get('11')?.[5]).toBe("'@SUM(1+1)");
    expect(byLine.get('12')?.[5]).toBe('<script>alert(3)</script>');
    // Codes in the page's language: the severity 'error' and the input 'csv' (a line that could not be split).
    expect(byLine.get('14')?.slice(2, 4)).toEqual(['erreur', 'ligne illisible']);
    expect(byLine.get('14')?.[6]).toBe('X9,A,invoice,2024-01-10,2024-02-09,1.00,,,extra,more');
    // The header names 8 columns, line 14 has 10 values (two after is_disputed).
    expect(byLine.get('14')?.[4]).toBe('Ligne illisible : plus de valeurs que les 8 colonnes de l’en-tête (un séparateur dans une valeur sans guillemets ?)');
    // A coded reason is worded in the site's language, in the file as on the page.
    expect(byLine.get('13')?.[4]).toBe('Datée après la date de situation (31 mars 2024) : laissée de côté pour ce traitement');
  });

  it('the clients index filters by segment, grade and over-limit, with the search', async () => {
    await page.goto(`${url}/clients/`, { waitUntil: 'networkidle' });
    const shown = () => texts(page, '#clients-table tbody tr:visible th a');
    expect(await shown()).toEqual(['Alpha SAS', 'Dupont & Fils "Négoce" <SARL>', '<img src=x onerror=alert(1)>']);
    // Segments: A and X&1 are PME, D&F/2 Grands comptes.
    await page.selectOption('select[data-filter="segment"]', 'PME');
    expect(await shown()).toEqual(['Alpha SAS', '<img src=x onerror=alert(1)>']);
    // Of the file's five clients (U and Z, with nothing open, wait behind "all clients").
    await expect(page.locator('#client-search-count').textContent()).resolves.toBe('2 sur 5 affichés');
    await page.fill('#client-search', 'alpha');
    expect(await shown()).toEqual(['Alpha SAS']);
    await page.fill('#client-search', '');
    await page.selectOption('select[data-filter="segment"]', '');
    // X&1 owes 250 on a 1 000 limit, A 700 on 5 000, D&F/2 450 on 20 000: nobody is over.
    await page.check('input[data-filter="overlimit"]');
    expect(await shown()).toEqual([]);
    await page.uncheck('input[data-filter="overlimit"]');
    expect(await shown()).toHaveLength(3);
    expect(problems).toEqual(noProblems);
  });

  it('the about page gives the run, its inputs with their SHA-256, and Parquet files that download', async () => {
    await page.goto(`${url}/about/`, { waitUntil: 'networkidle' });
    const inputs = await texts(page, '#run-inputs tbody th');
    expect(inputs).toEqual(expect.arrayContaining(['clients.csv', 'invoices.csv', 'payments.csv']));
    for (const hash of await texts(page, '#run-inputs tbody td.mono')) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const link = page.locator('#warehouse-tables a[href$="/ageing.parquet"]');
    const response = await page.request.get(`${url}${await link.getAttribute('href')}`);
    expect(response.status()).toBe(200);
    // A Parquet file starts and ends with the magic bytes PAR1.
    const bytes = await response.body();
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    expect(bytes.subarray(-4).toString()).toBe('PAR1');
    // The French site gives the dictionary in French (description_fr of the table).
    await expect(page.locator('#table-quality + p').textContent()).resolves.toMatch(/une ligne rejetée/);
    // What each table is built from, by subject: ageing_company adds up ageing (the only table its
    // SQL reads, etl/models/kpis/ageing_company.sql), under the KPIs subject, worded in French.
    await expect(page.locator('#lineage-kpis').textContent()).resolves.toBe('Indicateurs');
    const builtFrom = page.locator('#lineage dt:has(a[href="#table-ageing_company"]) + dd');
    await expect(builtFrom.textContent()).resolves.toBe('reprend ageing');
    await expect(builtFrom.locator('a[href="#table-ageing"]').count()).resolves.toBe(1);
    expect(problems).toEqual(noProblems);
  });
});

describe('the new pages built from the bundled sample', () => {
  let url: string;
  beforeAll(async () => {
    url = await sampleSiteUrl();
  });

  it.each([
    ['/ageing/', 'ageing.png'],
    ['/segments/', 'segments.png'],
    ['/quality/', null],
    ['/about/', 'about.png'],
    ['/d441/', 'd441.png'],
  ])('%s loads with no console error, no failed or third-party request', async (path, screenshot) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, url);
    const response = await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    if (screenshot) await page.screenshot({ path: join(screenshots, screenshot) });
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('the segments page has one table per scope, each header carrying its dictionary definition', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${url}/segments/`);
    await expect(page.locator('table.segments').count()).resolves.toBe(4);
    await expect(page.locator('#kpi-segment thead th', { hasText: 'DSO (épuisement)' }).getAttribute('title')).resolves.toMatch(/^DSO par épuisement du chiffre d'affaires/);
    // One download per scope's table, and one for each benchmarks table (sectors, segments).
    await expect(page.locator('button[data-download]:visible').count()).resolves.toBe(6);
    await expect(page.locator('#benchmarks-sector tbody tr', { hasText: 'BTP' }).count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('the D441-6 page lays each closed year out as the model table, the year under way named, and its CSV downloads', async () => {
    // The sample's history runs from November 2023 to the as-of date 2026-10-31: years closed on
    // 31/12/2023, 2024 and 2025, latest first, two model tables each; 2026 is under way.
    const page = await session.browser.newPage();
    await page.goto(`${url}/d441/`);
    await expect(page.locator('h2').allTextContents()).resolves.toEqual(['Exercice clos le 31/12/2025', 'Exercice clos le 31/12/2024', 'Exercice clos le 31/12/2023']);
    await expect(page.locator('table.d441').count()).resolves.toBe(6);
    const headers = await page.locator('table.d441').first().locator('thead th').allTextContents();
    expect(headers).toEqual(['(A) Tranches de retard de paiement', '0 jour (indicatif)', '1 à 30 jours', '31 à 60 jours', '61 à 90 jours', '91 jours et plus', 'Total (1 jour et plus)']);
    await expect(page.getByText('L’exercice en cours, clos le 31/12/2026').count()).resolves.toBe(1);
    const csv = await page.request.get(`${url}/d441.csv`);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^\ufeffClôture;Début d’exercice;Présentation;Tranche;/);
    await page.close();
  });

  it('the clients index grade filter keeps only clients of that grade', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${url}/clients/`);
    const all = await page.locator('#clients-table tbody tr').count();
    await page.selectOption('select[data-filter="grade"]', 'E');
    const shown = page.locator('#clients-table tbody tr:visible');
    const count = await shown.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(all);
    // The grade column (4th) of every row left says E.
    expect(new Set(await shown.locator('td:nth-child(4)').allTextContents())).toEqual(new Set(['E']));
    await page.close();
  });
});

describe('every table of the sample site has its CSV download', () => {
  let url: string;
  beforeAll(async () => {
    url = await sampleSiteUrl();
  });

  // The data dictionary's tables on /about/ are the exception: data_dictionary.json is the download.
  it.each(['/', '/clients/', '/clients/C00007/', '/ageing/', '/segments/', '/collections/', '/provisions/', '/forecast/', '/scores/', '/quality/', '/about/'])(
    '%s',
    async (path) => {
      const page = await session.browser.newPage();
      await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
      const ids = await page.locator('main table:not(.dictionary table)').evaluateAll((tables) => tables.map((t) => t.id));
      expect(ids.length, path).toBeGreaterThan(0);
      for (const id of ids) {
        expect(id, `${path}: a table without an id`).not.toBe('');
        const button = page.locator(`button[data-download="${id}"]`);
        // The quality lines download from /quality.csv (all of them, not just the 500 shown).
        if (id === 'quality-rows') await expect(page.locator('a.download-link').isVisible()).resolves.toBe(true);
        else await expect(button.isVisible(), `${path}: #${id}`).resolves.toBe(true);
      }
      await page.close();
    },
  );

  it('a client page downloads its open invoices with amounts as plain numbers', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${url}/clients/C00007/`, { waitUntil: 'networkidle' });
    const shown = await page.locator('#invoices tbody tr').count();
    const rows = await downloadCsv(page, 'button[data-download="invoices"]', ';');
    expect(rows[0]).toEqual(['Pièce', 'Émise le', 'Échéance', 'Montant TTC', 'Reste dû', 'Retard (j)', 'Paiement attendu', 'Litige']);
    expect(rows).toHaveLength(shown + 1);
    for (const row of rows.slice(1)) {
      expect(row[1]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(row[3]).toMatch(/^-?\d+,\d{2}$/);
      expect(row[4]).toMatch(/^-?\d+,\d{2}$/);
    }
    await page.close();
  });
});
