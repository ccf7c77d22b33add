// The company's currency and its law come from the configuration: `currency`, and
// `company.country` (else France for a company in euros). A QuickBooks company in dollars is not
// French: no VAT taken out of its provisions at the French 20 %, no French published figures or
// D441-6 table pressed on it (the site reads company.is_french_law).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir } from '../helpers.ts';

const qbo = join(fixturesDir, 'export-shapes', 'quickbooks-ar-aging-detail');

/** The QuickBooks fixture with its configuration changed by `edit`. */
function qboWith(edit: (config: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'encours-jurisdiction-'));
  cpSync(qbo, dir, { recursive: true });
  const config = JSON.parse(readFileSync(join(dir, 'encours.config.json'), 'utf8')) as Record<string, unknown>;
  edit(config);
  writeFileSync(join(dir, 'encours.config.json'), JSON.stringify(config));
  return dir;
}

describe('a company in dollars with no country set (QuickBooks A/R Aging Detail, "currency": "USD")', () => {
  it('is not under French law, and its provisions are on the amounts as invoiced', async () => {
    const wh = await buildWarehouse(qbo, { asOf: '2024-03-31' });
    expect(await wh.query(`select currency, country, is_french_law from company`)).toEqual([{ currency: 'USD', country: null, is_french_law: false }]);
    expect(await wh.query(`select provision_base from provision_summary`)).toEqual([{ provision_base: 'incl_tax' }]);
    // Open at 31 March 2024: 1005 0.99 not due; 1002 486.55 (29 days) + 1004 6,345.60 (20 days) =
    // 6,832.15 in 1–30; 1001 1,585.03 (46 days) in 31–60. Divided by 1.2 for a French VAT the
    // company does not charge, they were 0.83, 5,693.46 and 1,320.86. 1,585.03 × 10 % = 158.50.
    expect(await wh.query(`select bucket, balance_amount, amount from provision_matrix where balance_amount <> 0 order by bucket_order`)).toEqual([
      { bucket: 'not_due', balance_amount: 0.99, amount: 0.01 },
      { bucket: '1-30', balance_amount: 6832.15, amount: 204.97 },
      { bucket: '31-60', balance_amount: 1585.03, amount: 158.5 },
    ]);
    expect(wh.manifest.headline.is_penalties_enabled).toBe(false);
    // Its clients have no country either: no law is known, so its letters cite the terms of sale,
    // in English — not the Code de commerce, in French, to an American client.
    const letters = await wh.query(`select distinct letter_language, legal_basis from letters`);
    expect(letters).toEqual([{ letter_language: 'en', legal_basis: 'terms_of_sale' }]);
    // Its account statements too are in English, as its letters.
    expect(await wh.query(`select distinct statement_language from statements`)).toEqual([{ statement_language: 'en' }]);
  });

  it('is under French law when its country says FR: VAT recovered, penalties on', async () => {
    const wh = await buildWarehouse(qboWith((c) => { c.company = { country: 'fr' }; }), { asOf: '2024-03-31' });
    expect(await wh.query(`select country, is_french_law from company`)).toEqual([{ country: 'FR', is_french_law: true }]);
    expect(await wh.query(`select provision_base from provision_summary`)).toEqual([{ provision_base: 'excl_tax' }]);
    // 1,585.03 / 1.2 = 1,320.858… → 1,320.86.
    expect(await wh.query(`select balance_amount from provision_matrix where bucket = '31-60'`)).toEqual([{ balance_amount: 1320.86 }]);
    expect(wh.manifest.headline.is_penalties_enabled).toBe(true);
    // Its clients without a country are in France with it: French letters under the Code de commerce.
    expect(await wh.query(`select distinct letter_language, legal_basis from letters`)).toEqual([{ letter_language: 'fr', legal_basis: 'fr_commercial_code' }]);
    expect(await wh.query(`select distinct statement_language from statements`)).toEqual([{ statement_language: 'fr' }]);
  });
});

describe('a company in euros with no country set', () => {
  it('is taken to be in France, as before the setting existed', async () => {
    const wh = await buildWarehouse(qboWith((c) => { c.currency = 'EUR'; }), { asOf: '2024-03-31' });
    expect(await wh.query(`select currency, country, is_french_law from company`)).toEqual([{ currency: 'EUR', country: 'FR', is_french_law: true }]);
    expect(await wh.query(`select provision_base from provision_summary`)).toEqual([{ provision_base: 'excl_tax' }]);
  });

  it('is not when its country is another (a company in Germany)', async () => {
    const wh = await buildWarehouse(qboWith((c) => { c.currency = 'EUR'; c.company = { country: 'DE' }; }), { asOf: '2024-03-31' });
    expect(await wh.query(`select country, is_french_law from company`)).toEqual([{ country: 'DE', is_french_law: false }]);
    expect(wh.manifest.headline.is_penalties_enabled).toBe(false);
    // A German company's clients without a country are in Germany: the EU directive, in English.
    expect(await wh.query(`select distinct letter_language, legal_basis from letters`)).toEqual([{ letter_language: 'en', legal_basis: 'eu_directive' }]);
    // In the company's country, not abroad: no country line under their address.
    expect(await wh.query(`select distinct is_abroad from letters union select distinct is_abroad from statements`)).toEqual([{ is_abroad: false }]);
  });
});
