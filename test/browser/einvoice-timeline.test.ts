// The client page shows its invoices' e-invoicing statuses under its collections log, in French
// and in English, on the hand-made ledger of test/fixtures/einvoice (as of 2026-10-31): client A's
// R1 refused on 09-20 (TX_TVA_ERR, a billing dispute), D1 in dispute on 09-25 (LIVR_INCOMP, a
// delivery dispute) approved on 10-05, M1 in dispute on 09-30 (OTHER, "Qualité contestée": the
// dispute its collections log already records); client B's X1 rejected by the platform; client C's C1
// cashed with nothing in the ledger. Newest first, each status by its code and its name in the
// page's language, and what it does here. Only the notable statuses (invoice_statuses.is_notable):
// R1's 200 Déposée is followed by its refusal, and C2's 212 Encaissée closes an invoice its payment
// settled, so neither is shown (both stay in the table).
import type { Server } from 'node:http';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir } from '../helpers.ts';
import { buildSite, launchBrowser, removeSite, serve } from './harness.ts';

let browser: Browser;
const sites: Record<'fr' | 'en', { dir: string; url: string; server: Server }> = {} as never;

beforeAll(async () => {
  const warehouse = await buildWarehouse(join(fixturesDir, 'einvoice'), { asOf: '2026-10-31' });
  for (const language of ['fr', 'en'] as const) {
    const dir = await buildSite(warehouse.dir, { ENCOURS_LANG: language });
    sites[language] = { dir, ...(await serve(dir)) };
  }
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) {
    site.server.close();
    removeSite(site.dir);
  }
});

async function statusRows(language: 'fr' | 'en', client: string): Promise<{ title: string; rows: string[][] }> {
  const page = await browser.newPage();
  await page.goto(`${sites[language].url}/clients/${client}/`, { waitUntil: 'networkidle' });
  const title = (await page.locator('#client-einvoice-title').textContent())!.replace(/\s+/g, ' ').trim();
  const rows = await page.locator('#client-einvoice tbody tr').evaluateAll((trs) =>
    (trs as HTMLTableRowElement[]).map((tr) => [...tr.cells].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim())),
  );
  await page.close();
  return { title, rows };
}

describe('the client page’s e-invoicing statuses', () => {
  it('in French: newest first, the code and its French name, what it does and the reason', async () => {
    expect(await statusRows('fr', 'A')).toEqual({
      title: 'Statuts de facturation électronique 4',
      rows: [
        ['05/10/2026', 'D1', '205 Approuvée', 'litige clos'],
        ['30/09/2026', 'M1', '207 En litige', 'litige ouvert, relances suspendues — Autre — Qualité contestée'],
        ['25/09/2026', 'D1', '207 En litige', 'litige ouvert, relances suspendues — Livraison — Livraison incomplète'],
        ['20/09/2026', 'R1', '210 Refusée', 'litige ouvert, relances suspendues — Facturation — Taux de TVA erroné'],
      ],
    });
    expect((await statusRows('fr', 'B')).rows).toEqual([['02/10/2026', 'X1', '213 Rejetée', 'jamais valablement émise : hors encours — Destinataire inconnu']]);
    expect((await statusRows('fr', 'C')).rows).toEqual([
      ['20/10/2026', 'C1', '212 Encaissée', 'encaissée, mais aucun règlement au grand livre (grand livre en retard)'],
    ]);
  });

  it('in English: the same statuses in English words (the platform’s reason as it wrote it)', async () => {
    expect(await statusRows('en', 'A')).toEqual({
      title: 'E-invoicing statuses 4',
      rows: [
        ['05/10/2026', 'D1', '205 Approved', 'dispute closed'],
        ['30/09/2026', 'M1', '207 In dispute', 'dispute opened, dunning paused — Other — Qualité contestée'],
        ['25/09/2026', 'D1', '207 In dispute', 'dispute opened, dunning paused — Delivery — Livraison incomplète'],
        ['20/09/2026', 'R1', '210 Refused', 'dispute opened, dunning paused — Billing error — Taux de TVA erroné'],
      ],
    });
    expect((await statusRows('en', 'C')).rows[0]).toEqual(['20/10/2026', 'C1', '212 Cashed', 'cashed, but no payment in the ledger (the ledger is late)']);
  });
});
