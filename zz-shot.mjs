import { chromium } from 'playwright-core';
const [,, outPrefix, ...urls] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const [i, u] of urls.entries()) {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 1100 } });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(u, { waitUntil: 'networkidle' });
    if (process.env.SEL) { await page.locator(process.env.SEL).first().scrollIntoViewIfNeeded(); await page.screenshot({ path: `${outPrefix}-${i}-${width}.png` }); } else await page.screenshot({ path: `${outPrefix}-${i}-${width}.png`, fullPage: false, clip: process.env.CLIP_Y ? { x: 0, y: Number(process.env.CLIP_Y), width, height: 1100 } : undefined });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(u, width, 'errors', errors.length, errors.slice(0,2).join(' | '), 'overflow', overflow);
    await page.close();
  }
}
await browser.close();
