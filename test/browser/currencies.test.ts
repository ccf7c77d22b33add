// The overview's receivables by currency, in a real Chromium, on hand-made FECs: shown when an open
// item is in a foreign currency, each currency's open amount in its own currency and in the
// company's, with its share; absent when everything is in the company currency.
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { fixturesDir, sharedWarehouse } from '../helpers.ts';
import { browserSession, noProblems, watch } from './harness.ts';

const session = browserSession();

async function overview(fixture: string, asOf: string, env: Record<string, string> = {}): Promise<{ page: Page; problems: ReturnType<typeof watch> }> {
  const warehouse = await sharedWarehouse(join(fixturesDir, 'fec', fixture), { asOf });
  const url = await session.buildAndServe(warehouse.dir, env);
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watch(page, url);
  await page.goto(`${url}/`, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** Each row's cells, space-separated, Intl's no-break spaces as plain ones. */
async function rows(page: Page, selector: string): Promise<string[]> {
  const cells = await page.locator(selector).evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent).join(' ')));
  return cells.map((text) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim());
}

describe('receivables by currency on the overview (test/fixtures/fec/currency, as of 30 June 2025)', () => {
  // F1 (C1): Debit 1 000,00 € for 1 100,00 USD, 400,00 € of it lettered with P1: 600 € open, in USD
  // 600 × 1 100 / 1 000 = 660. F2 (C2): 500 € open. Shares of 1 100 €: 54,5 % and 45,5 %.
  it('shows each currency in its own currency and in euros, with its share, in French', async () => {
    const { page, problems } = await overview('currency', '2025-06-30');
    expect(await page.locator('section.by-currency h2').textContent()).toBe('Encours par devise');
    expect(await rows(page, '#by-currency thead tr')).toEqual(['Devise Reste dû en devise Reste dû en EUR Part Pièces ouvertes']);
    expect(await rows(page, '#by-currency tbody tr')).toEqual(['USD 660 $US 600 € 54,5 % 1', 'EUR 500 € 500 € 45,5 % 1']);
    expect(await page.locator('#by-currency abbr').first().getAttribute('title')).toBe('dollar des États-Unis');
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('and in English', async () => {
    const { page, problems } = await overview('currency', '2025-06-30', { ENCOURS_LANG: 'en' });
    expect(await page.locator('section.by-currency h2').textContent()).toBe('Receivables by currency');
    expect(await rows(page, '#by-currency tbody tr')).toEqual(['USD US$660 €600 54.5% 1', 'EUR €500 €500 45.5% 1']);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('is left out when every open item is in the company currency (test/fixtures/fec/lettering)', async () => {
    const { page, problems } = await overview('lettering', '2025-06-30');
    // The page is there (its ageing table), the currency table is not.
    expect(await page.locator('table.ageing').count()).toBe(1);
    expect(await page.locator('section.by-currency').count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.close();
  });
});
