// The client page's open invoices with the date each is expected to be paid (the cash forecast's
// date, published as invoices.expected_payment_date), on a hand-made ledger where the client pays
// exactly 10 days late (test/fixtures/expected-payment/README.md has the working).
import type { Server } from 'node:http';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir, type Warehouse } from '../helpers.ts';
import { buildSite, launchBrowser, removeSite, serve } from './harness.ts';

let browser: Browser;
let server: Server;
let siteDir: string;
let url: string;
let warehouse: Warehouse;

beforeAll(async () => {
  warehouse = await buildWarehouse(join(fixturesDir, 'expected-payment'), { asOf: '2024-06-20' });
  siteDir = await buildSite(warehouse.dir);
  ({ url, server } = await serve(siteDir));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (siteDir) removeSite(siteDir);
});

describe('expected payment dates (test/fixtures/expected-payment, as of 2024-06-20)', () => {
  it('are due date + the client\u2019s 10 days late, or as late again from the as-of date when that has passed', async () => {
    const rows = await warehouse.query<{ invoice_id: string; expected_payment_date: string | null }>(
      `select invoice_id, strftime(expected_payment_date, '%Y-%m-%d') as expected_payment_date from invoices order by invoice_id`,
    );
    // Settled invoices have none; P4 due 05-31 + 10 = 06-10 is past → as-of 06-20 + 10 = 06-30 (after
    // the first business day, Friday 06-21); P5 due 07-10 + 10 = 07-20.
    expect(rows).toEqual([
      { invoice_id: 'P1', expected_payment_date: null },
      { invoice_id: 'P2', expected_payment_date: null },
      { invoice_id: 'P3', expected_payment_date: null },
      { invoice_id: 'P4', expected_payment_date: '2024-06-30' },
      { invoice_id: 'P5', expected_payment_date: '2024-07-20' },
    ]);
  });

  it('shows them in the client page\u2019s open invoices, beside each invoice', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/clients/P/`, { waitUntil: 'networkidle' });
    const header = await page.locator('#invoices thead th').allTextContents();
    const column = header.indexOf('Paiement attendu');
    expect(column).toBeGreaterThan(0);
    const cells = await page.locator('#invoices tbody tr').evaluateAll((rows, i) => (rows as HTMLTableRowElement[]).map((r) => [r.cells[0]!.textContent!.trim(), r.cells[i]!.textContent!.trim()]), column);
    // The dates above, day/month/year as French writes them.
    expect(cells).toEqual([
      ['P4', '30/06/2024'],
      ['P5', '20/07/2024'],
    ]);
    await page.close();
  });
});
