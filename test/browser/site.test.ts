// The built site in a real Chromium: pages load with no console error, no failed request and no
// request leaving localhost; text from the inputs stays text; search works; screenshots of the
// overview and a client page are written to test-output/screenshots/ for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clientSlug } from '../../site/lib/slug.ts';
import { buildWarehouse, fixturesDir } from '../helpers.ts';
import { buildSite, launchBrowser, serve, watch } from './harness.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
let browser: Browser;
const servers: Server[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
});

async function open(siteDir: string) {
  const { url, server } = await serve(siteDir);
  servers.push(server);
  return url;
}

describe('the site built from the sample', () => {
  let url: string;
  let siteDir: string;
  beforeAll(async () => {
    siteDir = await buildSite(inject('sampleWarehouse'));
    url = await open(siteDir);
  });

  it.each([
    ['overview', '/', 'overview.png'],
    ['clients index', '/clients/', null],
    ['client page', '/clients/C00172/', 'client.png'],
  ])('%s loads cleanly', async (_name, path, screenshot) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, url);
    const response = await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    if (screenshot) await page.screenshot({ path: join(screenshots, screenshot), fullPage: true });
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [], dialogs: [] });
    await page.close();
  });

  it('the overview shows the receivables, the ageing charts and links to the largest overdue clients', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    await expect(page.locator('.kpi-value').first().textContent()).resolves.toMatch(/€/);
    expect(await page.locator('svg[role="img"]').count()).toBe(2);
    expect(await page.locator('svg[role="img"] title').first().textContent()).toMatch(/Non échu/);
    const firstClient = page.locator('table tbody th a').first();
    await firstClient.click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/clients\/[^/]+\/$/);
    await page.close();
  });

  it('the clients search filters the table as you type', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/clients/`);
    const all = await page.locator('#clients-table tbody tr:visible').count();
    expect(all).toBeGreaterThan(500);
    await page.fill('#client-search', 'C00172');
    await expect.poll(() => page.locator('#clients-table tbody tr:visible').count()).toBe(1);
    await page.fill('#client-search', '');
    await expect.poll(() => page.locator('#clients-table tbody tr:visible').count()).toBe(all);
    await page.close();
  });

  it('keeps crawlers out and allows nothing from elsewhere', async () => {
    expect(readFileSync(join(siteDir, 'robots.txt'), 'utf8')).toMatch(/Disallow: \//);
    const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'self'/);
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });
});

describe('text from the inputs', () => {
  it('a client named <img src=x onerror=alert(1)> is shown as text, everywhere', async () => {
    const warehouse = await buildWarehouse(join(fixturesDir, 'site-escaping'), { asOf: '2024-03-31' });
    const url = await open(await buildSite(warehouse.dir));
    const page = await browser.newPage();
    const problems = watch(page, url);
    for (const path of [`/clients/${clientSlug('X&1')}/`, '/', '/clients/']) {
      await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
      expect(await page.locator('img').count(), path).toBe(0);
      await expect(page.getByText('<img src=x onerror=alert(1)>').first().isVisible(), path).resolves.toBe(true);
    }
    await expect(page.getByText('Dupont & Fils; "Négoce"').first().isVisible()).resolves.toBe(true);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [], dialogs: [] });
    await page.close();
  });
});
