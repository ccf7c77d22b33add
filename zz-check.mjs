import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const width of [1280, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 1100 } });
  await page.goto(process.argv[2], { waitUntil: 'networkidle' });
  await page.waitForSelector('#worklist[data-loaded="true"]');
  const vis = await page.locator('#worklist tbody tr:visible').count();
  const all = await page.locator('#worklist tbody tr').count();
  const stages = await page.$$eval('#worklist tbody tr', (rows) => rows.filter((r) => !r.hidden).slice(0, 5).map((r) => r.dataset.stage));
  const sel = await page.$eval('select[data-filter="stage"]', (s) => s.value);
  console.log(width, 'visible', vis, 'all', all, 'select', sel, stages);
  await page.close();
}
await browser.close();
