import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const base = 'http://127.0.0.1:8761';
for (const width of [1280, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 1100 } });
  const errors = []; page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/ageing/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('table[data-loaded="true"]').catch(() => {});
  const tables = await page.$$eval('table[id]', (ts) => ts.map((t) => t.id + ':' + t.dataset.loaded));
  const all = await page.locator('#ageing-balance tbody tr').count();
  await page.selectOption('select[data-filter="bucket"]', '>90').catch(async () => console.log('options', await page.$$eval('select[data-filter="bucket"] option', (o) => o.map((x) => x.value))));
  const vis = await page.locator('#ageing-balance tbody tr:visible').count();
  const out = await page.locator('output[data-count-for="ageing-balance"]').textContent().catch(() => null);
  console.log('ageing', width, tables, 'all', all, 'visible', vis, out, errors);
  await page.goto(`${base}/clients/`, { waitUntil: 'networkidle' });
  await page.fill('input[data-filter="search"]', 'boulangerie');
  const vis2 = await page.locator('table tbody tr:visible').count();
  console.log('clients search', width, vis2);
  await page.close();
}
await browser.close();
