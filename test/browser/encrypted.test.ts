// The encrypted site (ENCOURS_SITE_KEY) built from the bundled sample as the nightly publishes it
// with data downloads on: the unlock page opens the overview with the right passphrase and then a
// client page without asking again; a wrong passphrase shows an error and nothing else; no
// published file holds a client name, the total receivables or a Parquet file in the clear; and
// the downloads still give the real files, decrypted in the browser.
import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { repSlug } from '../../site/lib/desk.ts';
import { euros } from '../french.ts';
import { queryWarehouse } from '../helpers.ts';
import { buildSite, launchBrowser, noProblems, removeSite, serve, watch } from './harness.ts';

const passphrase = 'vingt-deux lignes de grand livre';
let browser: Browser;
let server: Server;
let siteDir: string;
let url: string;
let clients: { client_id: string; name: string; receivables_amount: number }[];
let totalReceivables: number;

beforeAll(async () => {
  const warehouse = inject('sampleWarehouse');
  siteDir = await buildSite(warehouse, { ENCOURS_SITE_KEY: passphrase, ENCOURS_PUBLISHED: '1', ENCOURS_PUBLISH_DATA: '1' });
  ({ url, server } = await serve(siteDir));
  browser = await launchBrowser();
  // The ten clients that owe the most: every one of them is named on the overview or the clients index.
  clients = await queryWarehouse(warehouse, 'select client_id, name, receivables_amount::double as receivables_amount from clients order by receivables_amount desc, client_id limit 10');
  const manifest = JSON.parse(readFileSync(join(warehouse, 'manifest.json'), 'utf8')) as { headline: { receivables: number } };
  totalReceivables = Number(manifest.headline.receivables);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (siteDir) removeSite(siteDir);
});

async function unlock(page: Page, secret: string): Promise<void> {
  await page.locator('#encours-passphrase').fill(secret);
  await page.locator('#encours-unlock button').click();
}

/** The first heading once the shell has been replaced by the decrypted page (the shell has its own h1). */
async function decryptedHeading(page: Page): Promise<string> {
  await page.locator('#encours-unlock').waitFor({ state: 'detached', timeout: 60_000 });
  return (await page.locator('h1').first().textContent()) ?? '';
}

/** Every file of the published site, with its path. */
function publishedFiles(): { path: string; bytes: Buffer }[] {
  return readdirSync(siteDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ path: join(entry.parentPath, entry.name).slice(siteDir.length), bytes: readFileSync(join(entry.parentPath, entry.name)) }));
}

describe('the encrypted sample site', () => {
  it('a wrong passphrase shows an error and nothing else', async () => {
    const page = await browser.newPage();
    const problems = watch(page, url);
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    await unlock(page, 'not the passphrase at all');
    await expect(page.locator('#encours-status.error').textContent()).resolves.toBe('Phrase secrète incorrecte.');
    await expect(page.locator('h1').allTextContents()).resolves.toEqual(['Site protégé']);
    await expect(page.locator('.kpi, table, nav').count()).resolves.toBe(0);
    const text = await page.locator('body').innerText();
    for (const client of clients) expect(text).not.toContain(client.name);
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('the right passphrase shows the overview, and a link opens a client page with their figures without asking again', async () => {
    const page = await browser.newPage();
    const problems = watch(page, url);
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    await unlock(page, passphrase);
    await expect(decryptedHeading(page)).resolves.toBe("Vue d'ensemble du poste clients");
    await expect(page.locator('.kpi-value').first().textContent()).resolves.toBe(euros(totalReceivables));
    // The document written in place keeps standards mode and the page's own Content Security Policy.
    await expect(page.evaluate(() => document.compatMode)).resolves.toBe('CSS1Compat');
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).resolves.toMatch(/script-src 'self';/);

    const link = page.locator('main a[href*="/clients/C"]').first();
    const id = /\/clients\/([^/]+)\//.exec((await link.getAttribute('href'))!)![1]!;
    await Promise.all([page.waitForURL(`**/clients/${id}/`), link.click()]);
    const [client] = await queryWarehouse<{ name: string; receivables_amount: number }>(inject('sampleWarehouse'), `select name, receivables_amount::double as receivables_amount from clients where client_id = '${id}'`);
    // Opened with the key kept for the session: the form is never filled again.
    await expect(decryptedHeading(page)).resolves.toBe(client!.name);
    await expect(page.locator('.kpi', { has: page.locator('.kpi-label:text-is("Encours")') }).locator('.kpi-value').textContent()).resolves.toBe(euros(client!.receivables_amount));

    // The clients index's search is a module script of /_astro/: it runs in the decrypted page.
    await page.goto(`${url}/clients/`, { waitUntil: 'networkidle' });
    await expect(decryptedHeading(page)).resolves.toBe('Clients');
    const index = await page.locator('#clients-table').innerText();
    for (const { name } of clients) expect(index).toContain(name);
    await page.fill('#client-search', clients[0]!.name);
    await expect(page.locator('#clients-table tbody tr:visible th').first().textContent()).resolves.toContain(clients[0]!.name);
    // Every client is in the encrypted rows.arrow, which the list script fetches through unlock.js's
    // decryption: the smallest one, on the last static page, is found by the search too.
    const [last] = await queryWarehouse<{ client_id: string }>(inject('sampleWarehouse'), `select client_id from clients where receivables_amount <> 0 order by receivables_amount, client_id desc limit 1`);
    await page.fill('#client-search', last!.client_id.toLowerCase());
    await expect(page.locator('#clients-table tbody tr:visible').count()).resolves.toBe(1);
    await expect(page.locator('#clients-table tbody tr:visible th .id').textContent()).resolves.toBe(last!.client_id);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('downloads are decrypted in the browser: a Parquet file from /about/ and the full worklist CSV', async () => {
    const page = await browser.newPage();
    const problems = watch(page, url);
    await page.goto(`${url}/about/`, { waitUntil: 'networkidle' });
    await unlock(page, passphrase);
    await expect(decryptedHeading(page)).resolves.toBe('À propos des données');
    const [parquet] = await Promise.all([page.waitForEvent('download'), page.click('#warehouse-tables a[href$="/clients.parquet"]')]);
    expect(parquet.suggestedFilename()).toBe('clients.parquet');
    const bytes = readFileSync((await parquet.path())!);
    expect([bytes.subarray(0, 4).toString(), bytes.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);

    await page.goto(`${url}/collections/`, { waitUntil: 'networkidle' });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a.download-link')]);
    expect(csv.suggestedFilename()).toBe('relances-toutes.csv');
    expect(readFileSync((await csv.path())!, 'utf8').split('\n').length).toBeGreaterThan(100);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('a letter and a statement, once unlocked, are laid out by the print sheet (print.css in clear like styles.css)', async () => {
    const page = await browser.newPage();
    const problems = watch(page, url);
    const [client] = await queryWarehouse<{ client_id: string }>(inject('sampleWarehouse'), 'select client_id from letters order by client_id limit 1');
    for (const path of [`/clients/${client!.client_id}/letter/`, `/clients/${client!.client_id}/statement/`]) {
      await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
      if (await page.locator('#encours-passphrase').isVisible()) await unlock(page, passphrase);
      await page.locator('#encours-unlock').waitFor({ state: 'detached', timeout: 60_000 });
      // print.css draws the page as an A4 sheet: 210 mm = 210 / 25.4 × 96 px = 793.7 px wide.
      await expect(page.locator('.sheet').first().evaluate((el) => Math.round(el.getBoundingClientRect().width))).resolves.toBe(794);
    }
    // A 404 on print.css (what an encrypted print.css gave) is a problem watch() records.
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('the digests to mail are in clear beside the published site, one per rep, and read with their inline styles', async () => {
    const mailDir = `${siteDir}-mail`;
    const reps = await queryWarehouse<{ sales_rep: string }>(inject('sampleWarehouse'), 'select sales_rep from worklist_reps order by sales_rep');
    const htmls = readdirSync(mailDir).filter((name) => name.endsWith('.html'));
    expect(htmls.length).toBe(reps.length);
    const [rep] = reps;
    const file = join(mailDir, `${repSlug(rep!.sales_rep)}.html`);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toContain('encours-encrypted');
    expect(html).toContain(rep!.sales_rep);
    // Opened as a mail client would open the file, with no server: the worklist's table, its header
    // ruled by the inline style (2px solid) that the digest's own policy lets apply.
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    await expect(page.locator('table tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('th').first().evaluate((el) => getComputedStyle(el).borderBottomWidth)).resolves.toBe('2px');
    await page.close();
  });

  it('no published file holds the ten largest clients\u2019 names, the total receivables or a Parquet file in the clear', async () => {
    const shown = euros(totalReceivables);
    const needles = [
      ...clients.flatMap((c) => [c.name, c.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;')]),
      shown,
      shown.replace(/[\u00a0\u202f]/g, ' '),
      String(totalReceivables),
      String(totalReceivables).replace('.', ','),
    ];
    const files = publishedFiles();
    expect(files.length).toBeGreaterThan(1500);
    const found = files.flatMap(({ path, bytes }) => needles.filter((needle) => bytes.includes(needle)).map((needle) => `${path}: ${needle}`));
    expect(found).toEqual([]);
    // A Parquet file starts and ends with PAR1 (searching the whole ciphertext for 4 bytes would match by chance).
    expect(files.filter(({ bytes }) => bytes.subarray(0, 4).toString() === 'PAR1' || bytes.subarray(-4).toString() === 'PAR1')).toEqual([]);
    // Only the site's code and style are left as they were; pages are shells, data files .enc.
    const plain = files.map((f) => f.path).filter((path) => !path.endsWith('.enc') && !path.endsWith('.html'));
    expect(plain.every((path) => /^\/(_astro\/.+\.(js|css)|_encours\/(unlock\.js|site\.json)|styles\.css|print\.css|favicon\.svg|robots\.txt)$/.test(path))).toBe(true);
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['/data/invoices.parquet.enc', '/collections.csv.enc', '/data/manifest.json.enc']));
  });
});
