// The sample site in French and in English, at 390 px (a phone) and 1280 px (a laptop): no page
// scrolls sideways, the navigation wraps and keeps the as-of date, chart text stays legible, every
// page speaks one language, and the labels say what they show. Screenshots of both widths and both
// languages go to test-output/screenshots/responsive/ for a person to look at.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, relative } from 'node:path';

import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { financeLanguages } from '../../site/lib/i18n/finance.ts';
import { pageSizes } from '../../site/lib/lists.ts';
import { euros, integer, points } from '../french.ts';
import { queryWarehouse } from '../helpers.ts';
import { launchBrowser, projectDir, sampleSite, serve } from './harness.ts';
import { foreignWords, inputText, pageText, visibleText, type Language, type SkipElement } from './language.ts';

const screenshots = join(projectDir, 'test-output', 'screenshots', 'responsive');
const languages: Language[] = ['fr', 'en'];
const pages = [
  ['overview', '/'],
  ['client page', '/clients/C00007/'],
  ['collections', '/collections/'],
  ['ageing', '/ageing/'],
  ['clients index', '/clients/'],
  ['clients index, page 2', '/clients/page/2/'],
  ['forecast', '/forecast/'],
] as const;

let browser: Browser;
const sites = {} as Record<Language, { dir: string; url: string; server: Server }>;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  for (const language of languages) {
    const dir = await sampleSite(language);
    const { url, server } = await serve(dir);
    sites[language] = { dir, url, server };
  }
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) {
    site.server.close();
  }
});

async function open(language: Language, path: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 844 } });
  await page.goto(`${sites[language].url}${path}`, { waitUntil: 'networkidle' });
  return page;
}

/** The smallest font size any visible chart text is drawn at, in CSS pixels (its size × the SVG's scale). */
function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Infinity;
    for (const svg of document.querySelectorAll<SVGSVGElement>('main svg[role="img"]')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      const scale = box.width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) {
        if (!text.textContent?.trim()) continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
      }
    }
    return smallest;
  });
}

describe.each(languages)('the %s site at 390 px', (language) => {
  it.each(pages)('the %s has no horizontal scroll, and its chart text reads at 10 px or more', async (name, path) => {
    const page = await open(language, path, 390);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `${name}: page width`).toBeLessThanOrEqual(innerWidth);
    // Plot writes tick labels at 10 px: the narrow drawings keep them at ~10 px, not 4 px.
    expect(await smallestChartText(page), name).toBeGreaterThanOrEqual(9.5);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: join(screenshots, `${language}-390-${name.replace(/\W+/g, '-')}.png`), clip: { x: 0, y: 0, width: 390, height: Math.min(height, 2400) } });
    await page.close();
  });

  it('wraps the navigation under the brand, every page link on screen, the as-of date visible', async () => {
    const page = await open(language, '/', 390);
    await expect(page.locator('.topbar .as-of').isVisible()).resolves.toBe(true);
    const links = await page.locator('.topbar nav a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().right));
    expect(links).toHaveLength(10);
    for (const right of links) expect(right).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('keeps the identifying and money columns of the largest overdue clients, leaves out segment and sales rep', async () => {
    const page = await open(language, '/', 390);
    const headers = await page.locator('#top-overdue thead th:visible').allTextContents();
    const expected = { fr: ['Client', 'Encours', 'Échu', 'Retard max. (j)'], en: ['Client', 'Receivables', 'Overdue', 'Max. days late'] };
    expect(headers.map((h) => h.replace(/ ▾$/, ''))).toEqual(expected[language]);
    await page.close();
  });

  it('scrolls the D441-6 table\'s bands sideways, its caption, section headings, excluded invoices and terms wrapped on screen', async () => {
    const page = await open(language, '/d441/', 390);
    const table = page.locator('table.d441').first();
    const { scrollWidth, clientWidth } = await table.evaluate((t) => ({ scrollWidth: t.scrollWidth, clientWidth: t.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth); // the six bands do not fit a phone: they scroll
    for (const pinned of await table.locator('.pin, .pin-value').all()) {
      const box = (await pinned.boundingBox())!;
      expect(box.x, await pinned.textContent() ?? '').toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, await pinned.textContent() ?? '').toBeLessThanOrEqual(390);
    }
    // The excluded invoices' count reads on screen, not at the far end of the scrolled row.
    expect(await table.locator('tbody').nth(1).locator('td .pin-value').count()).toBe(2);
    await page.screenshot({ path: join(screenshots, `${language}-d441-390.png`), fullPage: true });
    await page.close();
  });
});

describe.each(languages)('the %s site at 1280 px', (language) => {
  it.each(pages)('the %s shows every column and the wide charts, with no horizontal scroll', async (name, path) => {
    const page = await open(language, path, 1280);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, name).toBeLessThanOrEqual(innerWidth);
    // Rows a filter hides by default (the clients with nothing open) are not columns left out.
    expect(await page.locator(':not(tr[hidden]) > .secondary:visible').count(), name).toBe(await page.locator(':not(tr[hidden]) > .secondary').count());
    expect(await page.locator('.chart-narrow:visible').count(), name).toBe(0);
    await page.screenshot({ path: join(screenshots, `${language}-1280-${name.replace(/\W+/g, '-')}.png`), clip: { x: 0, y: 0, width: 1280, height: 1600 } });
    await page.close();
  });
});

describe.each(languages)('the %s worklist', (language) => {
  const q = <T extends Record<string, unknown>>(sql: string) => queryWarehouse<T & Record<string, never>>(inject('sampleWarehouse'), sql);
  it('fits a laptop: at 1280 px its table is no wider than its card, every column on screen', async () => {
    const page = await open(language, '/collections/', 1280);
    await page.locator('#worklist[data-loaded="true"]').waitFor();
    const { table, card } = await page.locator('#worklist').evaluate((t) => ({ table: t.scrollWidth, card: t.parentElement!.clientWidth }));
    // 1,645–1,673 px before: fourteen columns in a 1,190 px card, contact and documents off-screen.
    expect(table).toBeLessThanOrEqual(card);
    const last = await page.locator('#worklist thead th').last().evaluate((th) => th.getBoundingClientRect().right);
    expect(last).toBeLessThanOrEqual(1280);
    await page.close();
  });

  it('calls and mails from the row: tel: and mailto: links of each client’s first contact', async () => {
    const [contacts] = await q<{ phones: number; emails: number }>(
      `select count(*) filter (where contact_phone is not null) as phones, count(*) filter (where contact_email is not null) as emails from worklist`);
    const page = await open(language, '/collections/', 1280);
    await page.locator('#worklist[data-loaded="true"]').waitFor();
    expect(await page.locator('#worklist a[href^="tel:"]').count()).toBe(Number(contacts!.phones));
    expect(await page.locator('#worklist a[href^="mailto:"]').count()).toBe(Number(contacts!.emails));
    // '02 86 52 77 18' calls 0286527718.
    const first = page.locator('#worklist a[href^="tel:"]').first();
    expect(await first.getAttribute('href')).toBe(`tel:${(await first.textContent())!.replace(/\D/g, '')}`);
    await page.close();
  });

  it('shows what is new: the filter keeps the clients that reached their stage since the previous data, each tagged', async () => {
    // The sample's warehouse has no earlier run: new = reached its stage on the as-of date.
    const [news] = await q<{ n: number }>(`select count(*) as n from worklist where stage_started_date = date '2026-10-31'`);
    expect(Number(news!.n)).toBeGreaterThan(0);
    const page = await open(language, '/collections/', 1280);
    await page.locator('#worklist[data-loaded="true"]').waitFor();
    expect(await page.locator('#worklist tbody tr .tag.new').count()).toBe(Number(news!.n));
    await page.locator('input[data-filter="new"]').check();
    expect(await page.locator('#worklist tbody tr:visible').count()).toBe(Number(news!.n));
    await page.close();
  });

  it('tells apart, for a client under a collective procedure, what is to declare and what is to chase, once the browser has drawn every row', async () => {
    // C00512 (receivership, judgment of 11/06/2026): 14 invoices issued by the judgment day, to
    // declare, and 9 issued after it, to chase; the two parts make its amount.
    const [parts] = await q<{ declare: number; chase: number; due: number }>(`select declare_amount::double as declare, post_judgment_amount::double as chase, due_amount::double as due from worklist where client_id = 'C00512'`);
    expect(parts).toEqual({ declare: 48753.26, chase: 24678.03, due: 73431.29 });
    const page = await open(language, '/collections/', 1280);
    await page.locator('#worklist[data-loaded="true"]').waitFor();
    const subs = await page.locator('#worklist tbody tr', { has: page.locator('a[href="/clients/C00512/"]') }).locator('td.amount .sub').allTextContents();
    expect(subs.map((t) => t.replace(/\s/g, ' '))).toEqual(language === 'fr'
      ? ['à déclarer 48 753,26 € · 14 factures', 'à relancer 24 678,03 € · 9 factures']
      : ['to declare €48,753.26 · 14 invoices', 'to chase €24,678.03 · 9 invoices']);
    await page.close();
  });

  it('is a card per client on a phone: no sideways scroll inside its card either', async () => {
    const page = await open(language, '/collections/', 390);
    const { table, card } = await page.locator('#worklist').evaluate((t) => ({ table: t.scrollWidth, card: t.parentElement!.clientWidth }));
    expect(table).toBeLessThanOrEqual(card);
    await page.close();
  });

  it('filters the cards on a phone as on a laptop: a stage chosen hides the other clients', async () => {
    // The cards are grid rows: a display of their own once hid nothing that the filter hid
    // (every card stayed on screen, "42 shown" above 537 of them).
    const [litigation] = await q<{ n: number }>(`select count(*) as n from worklist where stage = 'litigation' or (collective_procedure is not null and post_judgment_invoice_count > 0 and post_judgment_stage = 'litigation')`);
    const page = await open(language, '/collections/?stage=litigation', 390);
    await page.locator('#worklist[data-loaded="true"]').waitFor();
    expect(await page.locator('#worklist tbody tr:visible').count()).toBe(Number(litigation!.n));
    await page.close();
  });
});

// The long lists at the sample's 1,500 clients (1,020 with open items): 200 per static page.
describe('the clients list: a light first page, every client a link away, search and drill-down over all of them', () => {
  const q = <T extends Record<string, unknown>>(sql: string) => queryWarehouse<T & Record<string, never>>(inject('sampleWarehouse'), sql);
  // The list's order: receivables, largest first (ties by id), then the clients with nothing open, by id.
  const listed = () => q<{ client_id: string; name: string; overdue_amount: number; receivables_amount: number }>(
    `select client_id, name, overdue_amount::double as overdue_amount, receivables_amount::double as receivables_amount from clients
     order by receivables_amount = 0, receivables_amount desc, client_id`,
  );

  it('serves its first page as HTML: the 200 largest clients, largest first, and a pager to the other pages', async () => {
    const clients = await listed();
    const html = readFileSync(join(sites.fr.dir, 'clients', 'index.html'), 'utf8');
    const { document } = parseHTML(html);
    const rows = [...document.querySelectorAll('#clients-table tbody tr')];
    expect(rows).toHaveLength(pageSizes.clients);
    expect(rows[0]!.querySelector('th a')!.textContent).toBe(clients[0]!.name);
    expect(rows.at(-1)!.querySelector('th a')!.textContent).toBe(clients[pageSizes.clients - 1]!.name);
    const pages = Math.ceil(clients.length / pageSizes.clients);
    expect(document.querySelectorAll('.pager ol li a[aria-label]').length).toBeGreaterThanOrEqual(pages - 1);
    expect(html.length).toBeLessThan(300_000);
  });

  it('reaches the last client without JavaScript, through the pager', async () => {
    const clients = await listed();
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${sites.fr.url}/clients/`);
    await expect(page.locator('.filters').isVisible()).resolves.toBe(false);
    const pages = Math.ceil(clients.length / pageSizes.clients);
    await page.locator('.pager a', { hasText: new RegExp(`^${pages}$`) }).click();
    await page.waitForURL(`**/clients/page/${pages}/`);
    const names = await page.locator('#clients-table tbody th a').allTextContents();
    expect(names).toHaveLength(clients.length - (pages - 1) * pageSizes.clients);
    expect(names.at(-1)).toBe(clients.at(-1)!.name);
    await context.close();
  });

  it('with JavaScript, holds every client: the search finds one that is not on the first page', async () => {
    const clients = await listed();
    const page = await open('fr', '/clients/', 1280);
    await page.locator('#clients-table[data-loaded="true"]').waitFor();
    await expect(page.locator('#clients-table tbody tr').count()).resolves.toBe(clients.length);
    // Those with open items shown, until "all clients" is chosen.
    await expect(page.locator('#clients-table tbody tr:visible').count()).resolves.toBe(clients.filter((c) => c.receivables_amount !== 0).length);
    await expect(page.locator('.pager').isVisible()).resolves.toBe(false);
    const far = clients[pageSizes.clients + 100]!;
    await page.fill('#client-search', far.client_id.toLowerCase());
    await expect(page.locator('#clients-table tbody tr:visible th a').allTextContents()).resolves.toEqual([far.name]);
    await page.close();
  });

  it('finds a client with nothing open behind "all clients", and a name whatever its accents', async () => {
    const clients = await listed();
    const settled = clients.filter((c) => c.receivables_amount === 0);
    // 480 of the sample's 1,500 clients owe nothing at 2026-10-31; their pages were linked from nowhere.
    expect(settled.length).toBeGreaterThan(400);
    const page = await open('fr', '/clients/', 1280);
    await page.locator('#clients-table[data-loaded="true"]').waitFor();
    await page.fill('#client-search', settled[0]!.client_id.toLowerCase());
    await expect(page.locator('#clients-table tbody tr:visible').count()).resolves.toBe(0);
    await page.selectOption('select[data-filter="open"]', '');
    await expect(page.locator('#clients-table tbody tr:visible th a').allTextContents()).resolves.toEqual([settled[0]!.name]);
    await Promise.all([page.waitForURL(`**/clients/${settled[0]!.client_id}/`), page.locator('#clients-table tbody tr:visible th a').click()]);
    // Accents aside: 'francois' finds every client named François (the sample's family names include it).
    const francois = clients.filter((c) => c.name.includes('François'));
    expect(francois.length).toBeGreaterThan(0);
    await page.goto(`${sites.fr.url}/clients/?open=`, { waitUntil: 'networkidle' });
    await page.locator('#clients-table[data-loaded="true"]').waitFor();
    await page.fill('#client-search', 'francois');
    await expect(page.locator('#clients-table tbody tr:visible').count()).resolves.toBe(francois.length);
    await page.close();
  });

  it('drills down from the overview: the overdue figure opens the overdue clients, largest overdue first', async () => {
    const overdue = (await listed()).filter((c) => c.overdue_amount > 0).sort((a, b) => b.overdue_amount - a.overdue_amount);
    const page = await open('fr', '/', 1280);
    await Promise.all([page.waitForURL('**/clients/?overdue=1&sort=overdue'), page.locator('.kpis .kpi.warning .kpi-value a').first().click()]);
    await page.waitForSelector('#clients-table[data-loaded="true"]');
    await expect(page.locator('#clients-table tbody tr:visible').count()).resolves.toBe(overdue.length);
    await expect(page.locator('input[data-filter="overdue"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('#clients-table tbody tr:visible th a').first().textContent()).resolves.toBe(overdue[0]!.name);
    await page.close();
  });

  it('drills down from the overview: a bucket of the ageing opens the clients with an amount in it', async () => {
    const [bucket] = await q<{ n: number }>(`select count(distinct client_id)::integer as n from ageing where bucket = '61-90' and open_amount <> 0`);
    const page = await open('fr', '/', 1280);
    await Promise.all([page.waitForURL('**/ageing/?bucket=61-90&sort=61-90'), page.locator('#ageing-now a', { hasText: '61' }).first().click()]);
    await page.waitForSelector('#ageing-balance[data-loaded="true"]');
    await expect(page.locator('#ageing-balance tbody tr:visible').count()).resolves.toBe(bucket!.n);
    await page.close();
  });
});

describe.each(languages)('the %s site speaks one language', (language) => {
  it('has no word of the other language on any page, client names and other input text aside', async () => {
    const clients = await queryWarehouse<Record<string, string | null>>(inject('sampleWarehouse'), `select name, client_id, segment, sector, country, sales_rep, payment_terms, external_rating, legal_status, address_line_1, address_line_2, postcode, city from clients`);
    // Text from the exports is in whatever language the company writes it; 'encours' is the product's name.
    // The company's own details (configuration), and the notes and names the team writes in its
    // collections log and contacts, and the reasons an e-invoicing platform's statuses give, are input text too.
    const written = await queryWarehouse<Record<string, string | null>>(inject('sampleWarehouse'), `
      select name as text from company union all select address from company union all select city from company
      union all select note from collection_actions union all select author from collection_actions union all select dispute_owner from collection_actions
      union all select name from contacts union all select role from contacts union all select reason from invoice_statuses`);
    const texts = [...clients, ...written].flatMap((c) => Object.values(c).filter((v): v is string => typeof v === 'string'));
    const inputs = inputText([...texts, ...texts.flatMap((t) => t.split('\n')), 'encours'], language);
    const found: string[] = [];
    for (const file of htmlFiles(sites[language].dir)) {
      const page = relative(sites[language].dir, file);
      if (pending[language].pages.includes(page)) continue;
      for (const words of foreignWords(pageText(readFileSync(file, 'utf8'), pending[language].skipElement), language, inputs)) found.push(`${page}: ${words}`);
    }
    expect(found.slice(0, 20)).toEqual([]);
  }, 600_000);

  it('reads the text of a page as linkedom’s DOM gives it (the scan above reads it without building a DOM)', () => {
    const dir = sites[language].dir;
    const some = ['index.html', join('about', 'index.html'), join('clients', 'index.html'), join('clients', 'C00007', 'index.html'), join('collections', 'index.html'), join('forecast', 'index.html'), join('quality', 'index.html')];
    for (const page of some) {
      const html = readFileSync(join(dir, page), 'utf8');
      const text = pageText(html, pending[language].skipElement);
      expect(text, page).toBe(visibleText(html, pending[language].skip));
      expect(text.length, page).toBeGreaterThan(200);
    }
    // The data dictionary's names are left out, not its descriptions.
    const about = readFileSync(join(dir, 'about', 'index.html'), 'utf8');
    expect(pageText(about)).toContain('kpi_monthly');
    expect(pageText(about, pending[language].skipElement)).not.toContain('kpi_monthly');
  });
});

/**
 * What the scan leaves out, each for a reason: the data dictionary's names of tables, columns and
 * codes (<code>, the headings and the name column of /about/), the same words in both languages by
 * contract; a letter written in its client's language, not the site's (.other-language, with its
 * lang attribute: a German client's letter is English on the French site).
 */
const pending: Record<Language, { pages: string[]; skip: (document: Document) => void; skipElement: SkipElement }> = {
  fr: { pages: [], skip: dictionaryNames, skipElement: dictionaryName },
  en: { pages: [], skip: dictionaryNames, skipElement: dictionaryName },
};

/** Removes the names of the warehouse's tables, columns and codes (the data dictionary's <code>, headings and name cells). */
function dictionaryNames(document: Document): void {
  for (const node of document.querySelectorAll('code, .dictionary h3, .dictionary th.mono, .dictionary td.mono, .other-language')) node.remove();
}

/** The same elements as dictionaryNames() removes, for pageText(): code, and .dictionary h3, th.mono and td.mono. */
function dictionaryName(...[tag, classes, around]: Parameters<SkipElement>): boolean {
  return tag === 'code' || classes.includes('other-language') || (around.has('dictionary') && (tag === 'h3' || ((tag === 'th' || tag === 'td') && classes.includes('mono'))));
}

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith('.html')) yield path;
  }
}

describe('labels that say what they show (French site, sample as of 2026-10-31)', () => {
  const q = <T extends Record<string, unknown>>(sql: string) => queryWarehouse<T & Record<string, never>>(inject('sampleWarehouse'), sql);

  it('writes a German client its account statement in English, as its letter, the page around it in French', async () => {
    const [client] = await q<{ client_id: string; country: string }>(
      `select client_id, country from statements join clients using (client_id) where statement_language = 'en' and upper(country) = 'DE' order by client_id limit 1`);
    const page = await open('fr', `/clients/${client!.client_id}/statement/`, 1280);
    const sheet = page.locator('article.sheet');
    await expect(sheet.getAttribute('lang')).resolves.toBe('en');
    await expect(sheet.locator('h1').textContent()).resolves.toBe('Account statement');
    // Abroad: its address ends with its country, in the statement's language.
    await expect(sheet.locator('address[data-address]').innerText()).resolves.toMatch(/\nGermany$/);
    await expect(sheet.innerText()).resolves.toMatch(/Balance to pay: €[\d,.]+/);
    await expect(page.locator('.letter-checks p', { hasText: 'Relevé rédigé dans la langue du client.' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('asks a client in receivership, on its statement, only for what was born after the judgment', async () => {
    // C00512 (judgment of 11/06/2026): 14 invoices issued by that day, 48,753.26, are the
    // procedure's (L622-7: not payable by the client), 9 issued after it, 24,678.03, are to pay.
    const page = await open('fr', '/clients/C00512/statement/', 1280);
    const text = (selector: string) => page.locator(selector).innerText().then((t) => t.replace(/[\u00a0\u202f]/g, ' '));
    await expect(page.locator('[data-pre-judgment-line]').count()).resolves.toBe(14);
    // In Belgium, abroad for a company in France: the address ends with "Belgique".
    await expect(text('address[data-address]')).resolves.toMatch(/\nBelgique$/);
    await expect(text('[data-pre-judgment]')).resolves.toBe('Créances nées avant le jugement d’ouverture de votre procédure collective du 11 juin 2026 : 48 753,26 €. '
      + 'Elles relèvent de la procédure et ne peuvent pas être réglées directement (article L622-7 du Code de commerce) ; elles ne sont pas dans le solde à régler.');
    await expect(text('p:has([data-total="balance"])')).resolves.toBe('Solde à régler (pièces nées après le jugement) : 24 678,03 €');
    await page.close();
  });

  it('gives each KPI its change over the month in its unit (points for rates), green when good, red when bad', async () => {
    const [last, before] = await q<{ share_overdue: number; bad_debt_rate_12m: number; dso_countback: number }>(
      `select share_overdue, bad_debt_rate_12m, dso_countback from kpi_monthly where scope = 'company' order by month_end desc limit 2`,
    );
    const page = await open('fr', '/', 1280);
    const tiles = page.locator('.kpi-panel .kpi');
    const trend = (i: number) => tiles.nth(i).locator('.kpi-trend');
    // Overdue rate (4th tile) and bad-debt rate (5th): the difference of two shares, in points.
    for (const [i, key] of [[3, 'share_overdue'], [4, 'bad_debt_rate_12m']] as const) {
      const change = last![key] - before![key];
      // A move that rounds to 0,0 pt is flat: '=' and neither good nor bad (site/lib/trend.ts).
      const flat = points(change) === points(0);
      const arrow = `${flat ? '=' : change > 0 ? '▲' : '▼'} ${points(change)}`;
      await expect(trend(i).locator('.arrow').textContent()).resolves.toBe(arrow);
      await expect(trend(i).getAttribute('class')).resolves.toBe(`kpi-trend ${flat ? 'neutral' : change > 0 ? 'bad' : 'good'}`);
      await expect(trend(i).textContent()).resolves.toMatch(/\u00a0pts? sur un mois/);
    }
    // DSO: up is bad.
    const dso = last!.dso_countback - before!.dso_countback;
    if (Math.round(Math.abs(dso)) > 0) await expect(trend(0).getAttribute('class')).resolves.toBe(`kpi-trend ${dso > 0 ? 'bad' : 'good'}`);
    await page.close();
  });

  it('shows the forecast error as an error, the forecast as today’s receivables only, on Monday-to-Sunday weeks', async () => {
    const page = await open('fr', '/forecast/', 1280);
    await expect(page.locator('.kpi-label').allTextContents()).resolves.toEqual(['Créances actuelles encaissées en 13 semaines', 'Erreur mesurée sur l’historique']);
    await expect(page.locator('.forecast-scope').textContent()).resolves.toMatch(/^Encaissements attendus des créances d’aujourd’hui seulement/);
    const mondays = await page.locator('#forecast-table tbody th').evaluateAll((ths) => ths.map((th) => new Date(`${th.getAttribute('data-csv')}T00:00:00Z`).getUTCDay()));
    expect(mondays).toEqual(Array(13).fill(1));
    // As of Saturday 31 October 2026: the first business day after it is Monday 2 November, so week 1
    // is the whole week of 2–8 November (not a week made of Sunday the 1st).
    await expect(page.locator('#forecast-table tbody th').first().textContent()).resolves.toBe('du lundi 02/11/2026');
    await page.close();
  });

  it('starts the collections desk from the overview’s overdue, and keeps penalties out of its headline figures', async () => {
    // From the ledger and the dunning table, not from worklist_totals: the overdue is every open
    // item past due; to chase = overdue invoices at a step, not paused, not to declare, not foreclosed.
    const [sums] = await q<{ overdue: number; chase: number; paused: number; declare: number; foreclosed: number; indemnity: number; claimable: number; paid: number }>(`
      select (select sum(open_amount) from invoices where bucket <> 'not_due') as overdue,
             (select sum(open_amount) from dunning where days_from_due > 0 and stage not like 'paused%' and stage not in ('declare_claim', 'claim_foreclosed')) as chase,
             (select sum(open_amount) from dunning where days_from_due > 0 and stage like 'paused%') as paused,
             (select sum(open_amount) from dunning where days_from_due > 0 and stage = 'declare_claim') as declare,
             (select sum(open_amount) from dunning where days_from_due > 0 and stage = 'claim_foreclosed') as foreclosed,
             (select sum(indemnity_amount) from penalties where is_still_open and not is_to_declare) as indemnity,
             (select sum(penalty_amount) from penalties where is_still_open and not is_to_declare) as claimable,
             (select sum(penalty_amount) from penalties where not is_still_open) as paid`);
    const overview = await open('fr', '/', 1280);
    const overviewOverdue = await overview.locator('main > section.kpis .kpi').nth(1).locator('.kpi-value').textContent();
    // The ECB table stops in the first half of 2026: the overview says the interest is not calculated from 1 July.
    await expect(overview.locator('[data-rate-missing]').textContent()).resolves.toMatch(/^Intérêts de retard non calculés à partir du 1er juillet 2026/);
    await overview.close();
    const page = await open('fr', '/collections/', 1280);
    const tiles = page.locator('main > section.kpis .kpi');
    await expect(tiles.nth(0).locator('.kpi-label').textContent()).resolves.toBe('Échu (vue d’ensemble)');
    await expect(tiles.nth(0).locator('.kpi-value').textContent()).resolves.toBe(overviewOverdue);
    expect(overviewOverdue).toBe(euros(sums!.overdue));
    await expect(tiles.nth(1).locator('.kpi-value').textContent()).resolves.toBe(euros(sums!.chase));
    await expect(tiles.nth(2).locator('.kpi-value').textContent()).resolves.toBe(euros(sums!.paused));
    await expect(tiles.nth(3).locator('.kpi-value').textContent()).resolves.toBe(euros(sums!.declare));
    // The sample has claims foreclosed (not declared, the six months to ask for relief passed): a box of their own, to write off.
    expect(sums!.foreclosed).toBeGreaterThan(0);
    await expect(tiles.nth(4).locator('.kpi-label').textContent()).resolves.toBe('Échu forclos, à passer en perte');
    await expect(tiles.nth(4).locator('.kpi-value').textContent()).resolves.toBe(euros(sums!.foreclosed));
    expect(await page.locator('main > section.kpis .kpi-label', { hasText: 'Pénalités' }).count()).toBe(0);
    // The penalties' panel: what is claimable (the indemnities and the interest of the days the ECB
    // table prices: 24,192 € on the sample, not the indemnities' 21,200 € alone), the rest of the
    // interest said unknown, not 0; the
    // penalties on invoices already paid for information, not as money owed.
    await expect(page.locator('[data-claimable]').textContent()).resolves.toBe(
      `Réclamables maintenant : ${euros(sums!.claimable)} sur ${integer(Number((await q<{ n: number }>(`select count(*) as n from penalties where is_still_open and not is_to_declare`))[0]!.n))} factures ouvertes en retard (${euros(sums!.indemnity)} d’indemnités forfaitaires et les intérêts calculables) ; les intérêts ne sont pas calculables à partir du 1er juillet 2026 (taux BCE manquant dans data/reference/ecb_rates.csv).`);
    await expect(page.locator('[data-paid-late]').textContent()).resolves.toMatch(new RegExp(`^Pour information, pas à réclamer : .* auraient donné droit à ${euros(sums!.paid).replace(/\s/g, '\\s')} de pénalités`));
    await page.close();
  });

  it('groups the overview alerts by kind, with counts and the amount at stake, the most costly first', async () => {
    // Each kind by its French word, as the page and its CSV name it (the code stays in the warehouse).
    const kinds = (await q<{ alert: string; n: number }>(`select alert, count(*) as n from alerts group by alert`))
      .map((k) => ({ ...k, alert: financeLanguages.fr.collections.alertTypes[k.alert] ?? k.alert }));
    const page = await open('fr', '/', 1280);
    const rows = await page.locator('#alert-kinds tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ alert: tr.querySelector('th')!.textContent!.trim(), count: tr.querySelectorAll('td')[0]!.textContent!, amount: Number(tr.querySelectorAll('td')[2]!.getAttribute('data-csv')!.replace(',', '.')) })),
    );
    expect(rows.map((r) => r.alert).sort()).toEqual(kinds.map((k) => k.alert).sort());
    for (const r of rows) expect(r.count.replace(/\s/g, '')).toBe(String(kinds.find((k) => k.alert === r.alert)!.n));
    expect(rows.map((r) => r.amount)).toEqual([...rows.map((r) => r.amount)].sort((a, b) => b - a));
    await page.close();
  });

  it('words the quality report in French, with the plural that fits its lines', async () => {
    // The ECB table's missing half-year, and the disputes the log keeps open on settled invoices.
    const [lines] = await q<{ n: number }>(`select count(*) as n from quality`);
    const page = await open('fr', '/quality/', 1280);
    await expect(page.locator('.download-link').textContent()).resolves.toBe(`Télécharger les ${integer(Number(lines!.n))} lignes (CSV)`);
    const reasons = await page.locator('#quality-rows tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent ?? ''));
    expect(reasons.filter((r) => /^Pénalités de retard : [\d\u202f]+ jours de retard postérieurs au dernier semestre du barème BCE/.test(r))).toHaveLength(1);
    expect(reasons.filter((r) => /^Le litige \S+ est ouvert dans le journal de recouvrement mais ses factures sont réglées/.test(r)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('gives a client page its payment behaviour, its last 12 months and its dunning table under a heading', async () => {
    // The first client with dunning actions today and a payment history.
    const [b] = await q<{ client_id: string; days_late_12m: number; days_to_pay_12m: number }>(
      `select client_id, days_late_12m, days_to_pay_12m from client_behaviour
       where days_late_12m is not null and days_to_pay_12m is not null and client_id in (select client_id from dunning) order by client_id limit 1`,
    );
    const page = await open('fr', `/clients/${b!.client_id}/`, 1280);
    const tiles = page.locator('.behaviour .kpi');
    await expect(tiles.nth(0).locator('.kpi-value').textContent()).resolves.toBe(`${integer(b!.days_late_12m)} j`);
    await expect(tiles.nth(1).locator('.kpi-value').textContent()).resolves.toBe(`${integer(b!.days_to_pay_12m)} j`);
    // The 12 months November 2025 – October 2026, oldest first.
    const months = await page.locator('#client-months tbody th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-csv')));
    expect(months).toEqual(['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31']);
    await expect(page.locator('.behaviour svg[role="img"] > title').textContent()).resolves.toMatch(/^Barres du retard au règlement des factures de .+ soldées chaque mois, de nov\. 25 à oct\. 26/);
    await expect(page.locator('#client-dunning-title').textContent()).resolves.toMatch(/^Relances du jour sur ses factures/);
    await page.close();
  });
});

describe('labels in English', () => {
  it('calls the forecast’s backtest an error and words the quality lines in English', async () => {
    const page = await open('en', '/forecast/', 1280);
    await expect(page.locator('.kpi-label').nth(1).textContent()).resolves.toBe('Error measured on history');
    await page.goto(`${sites.en.url}/quality/`);
    await expect(page.locator('.download-link').textContent()).resolves.toMatch(/^Download all [\d,]+ lines \(CSV\)$/);
    const reasons = await page.locator('#quality-rows tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent ?? ''));
    expect(reasons.filter((r) => /^Late-payment penalties: [\d,]+ days late/.test(r))).toHaveLength(1);
    await page.close();
  });
});

// A credit manager's review of the sample site (7 Dec 2026): layouts that cut or repeated what a
// page says, each checked where it went wrong, in both languages.
describe.each(languages)('the %s site, as reviewed', (language) => {
  const q = <T extends Record<string, unknown>>(sql: string) => queryWarehouse<T & Record<string, never>>(inject('sampleWarehouse'), sql);

  it('fits the D441-6 tables inside the A4 sheet at 1280 px (the French table II ran 20 px past it)', async () => {
    const page = await open(language, '/d441/', 1280);
    const edges = await page.locator('table.d441').evaluateAll((tables) => tables.map((t) => {
      const sheet = t.closest('.sheet')!;
      return { table: t.getBoundingClientRect().right, sheet: sheet.getBoundingClientRect().right - parseFloat(getComputedStyle(sheet).paddingRight) };
    }));
    expect(edges.length).toBeGreaterThan(0);
    for (const { table, sheet } of edges) expect(table).toBeLessThanOrEqual(sheet + 0.5);
    await page.close();
  });

  it('gives the benchmarks’ source the card’s width on a phone, not a few letters a line cut at the card’s edge', async () => {
    const page = await open(language, '/', 390);
    const table = page.locator('table.benchmarks');
    const { scrollWidth, clientWidth, width } = await table.evaluate((t) => ({ scrollWidth: t.scrollWidth, clientWidth: t.clientWidth, width: t.getBoundingClientRect().width }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    for (const source of await table.locator('tbody td.source').all()) {
      expect((await source.boundingBox())!.width).toBeGreaterThan(width * 0.9);
    }
    await page.close();
  });

  it('shows a formal notice’s amounts on a phone without sideways scrolling: one card per invoice', async () => {
    const [letter] = await q<{ client_id: string }>(`select client_id from letters where letter = 'formal_notice' order by client_id limit 1`);
    const page = await open(language, `/clients/${letter!.client_id}/letter/`, 390);
    const table = page.locator('#letter-invoices');
    const { scrollWidth, clientWidth } = await table.evaluate((t) => ({ scrollWidth: t.scrollWidth, clientWidth: t.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // Each line's outstanding amount (4th cell) and indemnity (7th), and the totals, within the screen.
    for (const cell of await page.locator('#letter-invoices tbody td:nth-child(4), #letter-invoices tbody td:nth-child(7), #letter-invoices [data-total]').all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await page.close();
  });

  it('says in words that a client with nothing open has no receivables, instead of drawing bars of nothing', async () => {
    const [client] = await q<{ client_id: string }>(`select client_id from clients where client_id not in (select client_id from ageing) order by client_id limit 1`);
    const page = await open(language, `/clients/${client!.client_id}/`, 1280);
    const panel = page.locator('.panel:has(#client-ageing)');
    await expect(panel.locator('.ageing-empty').textContent()).resolves.toBe(language === 'fr' ? 'Aucun encours.' : 'No receivables.');
    expect(await panel.locator('svg').count()).toBe(0);
    await page.close();
  });

  it('says once that a client settled no invoice in 12 months (it also stood in place of the chart)', async () => {
    const [client] = await q<{ client_id: string }>(
      `select client_id from client_behaviour where invoices_settled_12m = 0 and client_id in (select client_id from client_months) order by client_id limit 1`);
    const page = await open(language, `/clients/${client!.client_id}/`, 1280);
    const none = language === 'fr' ? 'Aucune facture réglée sur les 12 derniers mois.' : 'No invoice settled in the last 12 months.';
    expect(await page.locator('.behaviour').getByText(none, { exact: true }).count()).toBe(1);
    await page.close();
  });

  it('writes millions on the charts with a capital M (“11.3m” read as metres in English)', async () => {
    const page = await open(language, '/', 1280);
    const texts = await page.locator('main svg text').allTextContents();
    expect(texts.filter((t) => /\dm$/.test(t.trim()))).toEqual([]);
    // The not-due bucket holds 8.24 million (8,24 M in French) on the sample.
    expect(texts.some((t) => /\d\s?M$/.test(t.trim()))).toBe(true);
    await page.close();
  });

  it('heads the page of a client whose claim deadline has passed with the relief to ask for, as the worklist says, not “declare the claim”', async () => {
    const [client] = await q<{ client_id: string }>(
      `select client_id from worklist where stage = 'declare_claim' and is_claim_deadline_passed and relief_deadline_date is not null order by client_id limit 1`);
    const page = await open(language, `/clients/${client!.client_id}/`, 1280);
    const tile = page.locator('.client-risk .kpi').nth(1);
    await expect(tile.locator('.kpi-value').textContent()).resolves.toBe(language === 'fr' ? 'Relevé de forclusion' : 'Relief from foreclosure');
    await expect(tile.textContent()).resolves.toMatch(language === 'fr' ? /au juge-commissaire au plus tard le \d\d\/\d\d\/\d{4}/ : /ask the juge-commissaire for it by \d\d\/\d\d\/\d{4}/);
    await page.close();
  });
});
