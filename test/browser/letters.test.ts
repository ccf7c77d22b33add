// Letters and account statements, built from the collections-log fixture at 2024-06-11 in French
// and in English and opened in Chromium: the statement totals the client's open amount in
// `invoices`; the formal notice claims exactly the `penalties` rows of its invoices; neither
// language's letter holds a sentence of the other; the printed page is one A4 sheet; the
// worklist says the date of its data and warns when the build is days later.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { deskLanguages } from '../../site/lib/i18n/desk.ts';
import { buildWarehouse, fixturesDir, type Warehouse } from '../helpers.ts';
import { buildSite, launchBrowser, noProblems, pdfPageCount, removeSite, serve, watch } from './harness.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
let browser: Browser;
let wh: Warehouse;
const sites: Record<'fr' | 'en', { dir: string; url: string; server: Server }> = {} as never;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  wh = await buildWarehouse(join(fixturesDir, 'collections-log'), { asOf: '2024-06-11' });
  // fr built 9 days after the as-of date (stale beyond the default 3), en the day after (fresh).
  for (const [lang, buildDate] of [['fr', '2024-06-20'], ['en', '2024-06-12']] as const) {
    const dir = await buildSite(wh.dir, { ENCOURS_LANG: lang, ENCOURS_BUILD_DATE: buildDate });
    sites[lang] = { dir, ...(await serve(dir)) };
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) {
    site.server.close();
    removeSite(site.dir);
  }
});

/** '1 100,00 €' or '€1,100.00' → 1100. */
const amount = (text: string | null, lang: 'fr' | 'en') => Number((text ?? '').replace(lang === 'fr' ? /[^\d,-]/g : /[^\d.-]/g, '').replace(',', '.'));

async function open(lang: 'fr' | 'en', path: string): Promise<{ page: Page; problems: ReturnType<typeof watch> }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  const problems = watch(page, sites[lang].url);
  const response = await page.goto(`${sites[lang].url}${path}`, { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(200);
  return { page, problems };
}

describe('the account statement', () => {
  it('totals the client’s open amount in invoices', async () => {
    // PROM: P1 1,000 − 400 paid = 600 and P2 500 → 1,100, all overdue; no credit, no unapplied cash.
    const [ledger] = await wh.query(`select sum(open_amount) as open from invoices where client_id = 'PROM'`);
    const { page, problems } = await open('fr', '/clients/PROM/statement/');
    expect(amount(await page.locator('[data-total="total"]').textContent(), 'fr')).toBe(ledger!.open);
    expect(amount(await page.locator('[data-total="balance"]').textContent(), 'fr')).toBe(1100);
    expect(await page.locator('#statement-items tbody tr').count()).toBe(2);
    expect(problems).toEqual(noProblems);
    await page.close();
  });
});

describe('the formal notice', () => {
  // PROM is in France: its letter is French in either build (the figures read the French way).
  it.each(['fr', 'en'] as const)('(%s build) claims the interest and indemnity of the penalties rows of its invoices', async (lang) => {
    const penalties = await wh.query<{ invoice_id: string; interest_amount: number; indemnity_amount: number }>(
      `select invoice_id, interest_amount, indemnity_amount from penalties where invoice_id in ('P1', 'P2') order by invoice_id`);
    expect(penalties).toHaveLength(2);
    const { page, problems } = await open(lang, '/clients/PROM/letter/');
    await expect(page.locator('[data-letter]').getAttribute('data-letter')).resolves.toBe('formal_notice');
    for (const row of penalties) {
      const line = page.locator(`tr[data-invoice="${row.invoice_id}"]`);
      expect(amount(await line.locator('[data-interest]').textContent(), 'fr')).toBe(row.interest_amount);
      expect(amount(await line.locator('[data-indemnity]').textContent(), 'fr')).toBe(row.indemnity_amount);
    }
    const interest = Math.round(penalties.reduce((s, r) => s + r.interest_amount, 0) * 100) / 100;
    expect(amount(await page.locator('[data-total="interest"]').textContent(), 'fr')).toBe(interest);
    expect(amount(await page.locator('[data-total="indemnity"]').textContent(), 'fr')).toBe(80);
    const text = (await page.locator('main, article').first().innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('L441-10');
    expect(text).toContain('D441-5');
    // Dated the build day, the deadline 8 days after it (never from the as-of date, 2024-06-11):
    // fr built 2024-06-20 → 28 June; en built 2024-06-12 → 20 June. PROM has no country: a French
    // client, whose letter is French in either build.
    expect(text).toContain(lang === 'fr' ? 'Le 20 juin 2024' : 'Le 12 juin 2024');
    expect(text).toContain(lang === 'fr' ? 'au plus tard le 28 juin 2024' : 'au plus tard le 20 juin 2024');
    expect(problems).toEqual(noProblems);
    await page.close();
  });
});

describe('letters in each language', () => {
  /** The sentences of a language's letters and statements, cut where values go in. */
  function sentences(lang: 'fr' | 'en'): string[] {
    const labels = deskLanguages[lang];
    const out: string[] = [];
    const visit = (value: unknown): void => {
      if (typeof value === 'string') out.push(...value.split(/§|\[object Object\]/));
      else if (typeof value === 'function') {
        const args = { asOf: '§', open: '§', deadline: '§', days: '§', count: '§', interest: '§', known: '§', unknownFrom: '§', indemnity: '§', perInvoice: '§', claimed: '§', points: '§' };
        const result = (value as (...a: unknown[]) => unknown)(...Array.from({ length: 5 }, () => args));
        visit(result);
        // Each law a formal notice may cite, with and without its interest known.
        for (const basis of ['fr_commercial_code', 'eu_directive', 'terms_of_sale']) {
          for (const interest of ['§', null]) visit((value as (...a: unknown[]) => unknown)({ ...args, basis, interest }));
        }
        visit(result);
      } else if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') Object.values(value).forEach(visit);
    };
    visit({ letter: labels.letter, statement: labels.statement, print: labels.print });
    // Two words at least: a bare legal reference ('(article D441-5),') is the same in both languages.
    return out.map((s) => s.trim()).filter((s) => s.length >= 12 && s.split(/\s+/).filter((w) => /^[\p{L}’']{4,}$/u.test(w) && w !== 'article').length >= 2);
  }

  // The statement and the letter are in their client's language (PROM, in France: French in both
  // builds), the page around them in the site's.
  it.each([['fr', 'fr'], ['en', 'fr']] as const)('the %s build’s statement and letter to a French client are in %s throughout', async (lang, letterLang) => {
    const own = new Set(sentences(letterLang));
    const foreign = sentences(letterLang === 'fr' ? 'en' : 'fr').filter((s) => !own.has(s));
    expect(foreign.length).toBeGreaterThan(20);
    for (const document of ['statement', 'letter']) {
      const { page } = await open(lang, `/clients/PROM/${document}/`);
      await expect(page.locator('article.sheet').getAttribute('lang')).resolves.toBe(letterLang === lang ? null : letterLang);
      const text = (await page.locator('article.sheet').innerText()).replace(/\s+/g, ' ');
      expect(foreign.filter((s) => text.includes(s.replace(/\s+/g, ' '))), `${lang} ${document}`).toEqual([]);
      await page.close();
    }
  });
});

describe('printing', () => {
  it('a letter prints on one A4 page with the print button only on screen', async () => {
    const { page, problems } = await open('fr', '/clients/PROM/letter/');
    await expect(page.locator('button[data-print]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'letter-screen.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('button[data-print]').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: join(screenshots, 'letter-print.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, path: join(screenshots, 'letter.pdf') });
    expect(pdfPageCount(pdf)).toBe(1);
    // A4 is 595.28 × 841.89 points.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect([Math.round(Number(box![1])), Math.round(Number(box![2]))]).toEqual([595, 842]);
    // Nothing wider than the sheet inside its 16 mm margins (178 mm = 673 px at 96 px per inch),
    // which the PDF would cut off rather than wrap.
    await page.setViewportSize({ width: 673, height: 994 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(673);
    expect(problems).toEqual(noProblems);
    await page.close();
  });
});

describe('the worklist page', () => {
  it('says the date of its data, and warns when the build is more than 3 days later', async () => {
    const fr = await open('fr', '/collections/');
    await expect(fr.page.locator('.data-date').textContent()).resolves.toBe('Données arrêtées au 11 juin 2024.');
    await expect(fr.page.locator('.stale').textContent()).resolves.toMatch(/datent de 9 jours/);
    expect(await fr.page.locator('#worklist tbody tr').count()).toBe(1);
    await fr.page.close();
    const en = await open('en', '/collections/');
    await expect(en.page.locator('.data-date').textContent()).resolves.toBe('Data as of 11 June 2024.');
    expect(await en.page.locator('.stale').count()).toBe(0);
    await en.page.close();
  });

  it('warns of old data on every page and in the digest, with one rule: the overview, a rep’s page, a client page, a letter', async () => {
    // fr built 2024-06-20, 9 days after the as-of date 2024-06-11 (beyond the default 3): stale.
    for (const path of ['/', '/reps/Alice_20Martin/', '/clients/PROM/', '/clients/PROM/letter/']) {
      const { page } = await open('fr', path);
      await expect(page.locator('.stale').textContent(), path).resolves.toMatch(/^Attention : ces données datent de 9 jours \(arrêtées au 11 juin 2024\)/);
      await page.close();
    }
    const digest = await (await fetch(`${sites.fr.url}/digest/Alice_20Martin.html`)).text();
    expect(digest).toContain('Attention : ces données datent de 9 jours');
    // en built the day after: fresh, no warning anywhere.
    const { page } = await open('en', '/');
    expect(await page.locator('.stale').count()).toBe(0);
    await page.close();
    expect(await (await fetch(`${sites.en.url}/digest/Alice_20Martin.html`)).text()).not.toContain('days old');
  });

  it('a rep has a page and a daily digest (HTML and CSV)', async () => {
    const { page } = await open('fr', '/reps/Alice_20Martin/');
    expect(await page.locator('#rep-worklist tbody tr').count()).toBe(1);
    const html = await (await fetch(`${sites.fr.url}/digest/Alice_20Martin.html`)).text();
    expect(html).toContain('Promesse SARL');
    expect(html).not.toMatch(/<script/i);
    const csv = await (await fetch(`${sites.fr.url}/digest/Alice_20Martin.csv`)).text();
    expect(csv.split('\r\n')[1]).toMatch(/^PROM;Promesse SARL;Mise en demeure;1100;1100;2;01\/06\/2024;11\/06\/2024;non tenue;Marie Dupont;/);
    await page.close();
  });
});
