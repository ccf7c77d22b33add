// Letters ready to send, opened in Chromium: the hand-made ledger of test/etl/letters.test.ts
// (an ECB table stopping at the first half of 2024, as-of 2024-08-30) built in French on
// 2024-09-02. A mise en demeure claims the interest of the days the table prices, never prints
// 0,00 € for the rest and says from when; it states the date of its figures (the as-of date);
// it is addressed, dated the build day with its deadline counted from it, the
// SIREN spaced; a German client's letter is English and cites the EU directive, not the Code de
// commerce; a letter without an address says so; the client page says the same as its letter; a
// statement to a client invoiced or paying in francs states each line and its balance per currency.
import type { Server } from 'node:http';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir } from '../helpers.ts';
import { buildSite, launchBrowser, noProblems, removeSite, serve, watch } from './harness.ts';

let browser: Browser;
let site: { dir: string; url: string; server: Server };

beforeAll(async () => {
  const wh = await buildWarehouse(join(fixturesDir, 'letters'), { asOf: '2024-08-30' });
  const dir = await buildSite(wh.dir, { ENCOURS_LANG: 'fr', ENCOURS_BUILD_DATE: '2024-09-02' });
  site = { dir, ...(await serve(dir)) };
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  site?.server.close();
  if (site) removeSite(site.dir);
});

async function open(path: string): Promise<{ page: Page; text: () => Promise<string>; problems: ReturnType<typeof watch> }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  const problems = watch(page, site.url);
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(200);
  // innerText with every kind of space made one plain space: '1 040,00 €' whatever Intl put in.
  const text = async () => (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  return { page, text, problems };
}

describe('the formal notice to a French client', () => {
  it('claims June’s interest, says the rest cannot be computed from 1 July and never prints 0,00 € for it', async () => {
    const { page, text, problems } = await open('/clients/FRA/letter/');
    await expect(page.locator('[data-letter]').getAttribute('data-letter')).resolves.toBe('formal_notice');
    // A1, 1 000 € late from 1 June; the table has no rate from 1 July: June's interest is claimed,
    // 1000 × (4.50 + 10) % × 30 / 365 = 11,92 €, the rest said unknown, not 0. The letter claims
    // 1 000 € + 11,92 € + the 40 € indemnity = 1 051,92 €.
    const interest = (await page.locator('tr[data-invoice="A1"] [data-interest]').innerText()).replace(/\s+/g, ' ');
    expect(interest).toBe('11,92 € ; non calculable à partir du 01/07/2024');
    expect((await page.locator('[data-total="interest"]').innerText()).replace(/\s+/g, ' ')).toBe('11,92 € ; non calculable à partir du 01/07/2024');
    const body = await text();
    // No amount of zero anywhere on it ('1 000,00 €' is not one).
    expect(body).not.toMatch(/(?<!\d)(?<!\d )0,00 €/);
    expect(body).toContain('soit 11,92 € au 30 août 2024 pour les jours de retard dont le taux est connu ; les intérêts courus à partir du 1er juillet 2024 ne peuvent pas encore être calculés');
    expect(body).toContain('Le montant total réclamé s’élève ainsi à 1 051,92 €, hors intérêts non encore calculés');
    expect(body).toContain('L441-10');
    // The disputed A3 (400 €) is left out, and the page says so above the letter.
    expect((await page.locator('[data-left-out]').innerText()).replace(/\s+/g, ' ')).toMatch(/^1 facture échue \(400,00 €\) n’est pas dans cette lettre/);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('is addressed, dated the day it is built, with its deadline 8 days later, and the SIREN spaced', async () => {
    const { page, text } = await open('/clients/FRA/letter/');
    await expect(page.locator('[data-address]').innerText()).resolves.toBe('12 rue des Lilas\nBâtiment B\n69003 Lyon');
    const body = await text();
    // Built 2024-09-02 (the as-of date is 2024-08-30): dated that day, deadline 2 + 8 = 10 September.
    expect(body).toContain('Lyon, le 2 septembre 2024');
    expect(body).toContain('au plus tard le 10 septembre 2024');
    expect(body).toContain('SIREN 552 100 554');
    expect(await page.locator('[data-not-ready]').count()).toBe(0);
    await page.close();
  });

  it('says, on paper too, the date its figures are as of — not the day it is dated', async () => {
    const { page } = await open('/clients/FRA/letter/');
    // Dated 2 September, its days late and amounts are those of the data, 30 August.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-as-of]').isVisible()).resolves.toBe(true);
    expect((await page.locator('[data-as-of]').innerText()).replace(/\s+/g, ' ')).toMatch(/^Situation au 30 août 2024/);
    await page.close();
  });
});

describe('a letter to a client abroad', () => {
  it('is in English to a German client and cites the EU directive, not the French code', async () => {
    const { page, text } = await open('/clients/DEU/letter/');
    await expect(page.locator('article.sheet').getAttribute('lang')).resolves.toBe('en');
    const letter = (await page.locator('article.sheet').innerText()).replace(/\s+/g, ' ');
    expect(letter).toContain('Dear Sir or Madam,');
    expect(letter).toContain('Directive 2011/7/EU');
    expect(letter).not.toMatch(/L441-10|D441-5|Code de commerce|Commercial Code/);
    // B1 late from 21 July, all of it without a rate; the address ends with the country.
    expect(letter).toContain('the interest running from 21 July 2024 cannot be calculated yet');
    expect(letter).toContain('Hauptstraße 5 10115 Berlin Germany');
    expect(await text()).toContain('Lettre rédigée dans la langue du client.');
    await page.close();
  });
});

describe('a letter to a client invoiced in Swiss francs and in euros', () => {
  it('asks for each invoice in its own currency and states the principal per currency, interest and indemnities in euros', async () => {
    const { page, text } = await open('/clients/CHX/letter/');
    // X1: 2 000,00 CHF (2 100 € in the company currency, never shown for it); X2: 500,00 €.
    expect((await page.locator('tr[data-invoice="X1"] [data-currency]').innerText()).replace(/\s+/g, ' ')).toBe('2 000,00 CHF');
    expect((await page.locator('tr[data-invoice="X2"] [data-currency]').innerText()).replace(/\s+/g, ' ')).toBe('500,00 €');
    expect((await page.locator('[data-total="open"]').innerText()).replace(/\s+/g, ' ')).toBe('500,00 € 2 000,00 CHF');
    const body = await text();
    expect(body).toContain('nous vous mettons en demeure de nous régler la somme de 500,00 € et 2 000,00 CHF en principal');
    // Claimed: 500 € + June's interest 25,03 + 5,96 = 30,99 € + 2 × 40 € = 610,99 €, and 2 000,00 CHF.
    expect(body).toContain('soit 80,00 €');
    expect(body).toContain('Le montant total réclamé s’élève ainsi à 610,99 € et 2 000,00 CHF, hors intérêts non encore calculés');
    // The euro equivalent of the whole (2 600 €, 2 710,99 €) is stated nowhere.
    expect(body).not.toMatch(/2 600,00 €|2 710,99 €/);
    await page.close();
  });
});

describe('a letter that leaves out disputed invoices in francs and in euros', () => {
  it('says what it leaves out in their currencies, on the letter and on the client page', async () => {
    // Worked out in test/etl/letters.test.ts: CHD's D2 (800 CHF, 840 € in the books) and D3 (100 €),
    // disputed, are left out of its letter, which names D1 (1 000 €) alone.
    const { page, problems } = await open('/clients/CHD/letter/');
    expect((await page.locator('[data-left-out]').innerText()).replace(/\s+/g, ' ')).toMatch(/^2 factures échues \(100,00 € et 800,00 CHF\) ne sont pas dans cette lettre/);
    expect(problems).toEqual(noProblems);
    await page.close();
    const client = await open('/clients/CHD/');
    const body = await client.text();
    expect(body).toContain('2 factures échues (100,00 € et 800,00 CHF) ne sont pas dans cette lettre');
    // (Its 940,00 € in the company's books stays where the page counts its disputes.)
    expect(body).not.toContain('2 factures échues (940,00 €)');
    await client.page.close();
  });
});

describe('a letter without a postal address', () => {
  it('says the address is missing where it goes, and is marked not ready', async () => {
    const { page } = await open('/clients/NOAD/letter/');
    await expect(page.locator('[data-not-ready]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-address-missing]').innerText()).resolves.toMatch(/^Adresse postale manquante/);
    // On paper too: the notice above the sheet is for the screen, the one in the address is not.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-not-ready]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-address-missing]').isVisible()).resolves.toBe(true);
    await page.close();
  });
});

describe('the client page', () => {
  it('says what its letter says: the same claim and the same missing rate', async () => {
    const { page } = await open('/clients/FRA/');
    // All its open late invoices (A1 and the disputed A3): 2 × 40 € of indemnities and A1's June
    // interest 11,92 € = 91,92 €, the rest of the interest unknown from 1 July.
    expect((await page.locator('[data-penalties]').innerText()).replace(/\s+/g, ' ')).toContain('91,92 € (80,00 € d’indemnités forfaitaires et 11,92 € d’intérêts calculés) ; intérêts non calculables à partir du 01/07/2024');
    const claim = (await page.locator('[data-letter-claim]').innerText()).replace(/\s+/g, ' ');
    expect(claim).toContain('La mise en demeure réclame 1 051,92 € : 1 000,00 € en principal, 40,00 € d’indemnités forfaitaires et 11,92 € d’intérêts calculés ; les intérêts ne sont pas calculables à partir du 01/07/2024');
    expect(claim).toContain('1 facture échue (400,00 €) n’est pas dans cette lettre');
    await page.close();
  });
});

describe('account statements', () => {
  it('exist for a client with open items that nobody is chasing today', async () => {
    const { text } = await open('/clients/QUIET/statement/');
    const body = await text();
    expect(body).toMatch(/Total des pièces ouvertes 250,00 €/);
    // A client in euros alone: no word of another currency, no equivalent.
    expect(body).not.toContain('contre-valeur');
    expect(body).toContain('Solde à régler : 250,00 €');
  });

  it('state a client invoiced in francs and in euros each invoice in its currency, its euros under, and the balance per currency', async () => {
    const { page, text, problems } = await open('/clients/CHX/statement/');
    // X1: 2,000.00 CHF open in full, 2,100.00 € in the books; X2: 500.00 €, nothing else.
    expect((await page.locator('tr[data-document="X1"] [data-open]').innerText()).replace(/\s+/g, ' ')).toBe('2 000,00 CHF 2 100,00 €');
    expect((await page.locator('tr[data-document="X2"] [data-open]').innerText()).replace(/\s+/g, ' ')).toBe('500,00 €');
    // Told 500 € and 2,000 CHF, the euros first; 2,100 + 500 = 2,600 € in the books.
    expect((await page.locator('[data-total="total"]').innerText()).replace(/\s+/g, ' ')).toBe('500,00 € 2 000,00 CHF contre-valeur : 2 600,00 €');
    expect(await text()).toContain('Solde à régler : 500,00 € et 2 000,00 CHF (contre-valeur : 2 600,00 €)');
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('state unapplied cash received in francs in francs', async () => {
    const { page, text } = await open('/clients/CHP/statement/');
    // R2: 1,500.00 CHF received (1,575.00 € at Y1's rate), 309.52 CHF (325.00 €) left unapplied
    // (worked out in test/etl/letters.test.ts).
    expect((await page.locator('tr[data-document="R2"] [data-open]').innerText()).replace(/\s+/g, ' ')).toMatch(/^[-−]309,52 CHF [-−]325,00 €$/);
    expect(await text()).toMatch(/Solde à régler : [-−]309,52 CHF \(contre-valeur : [-−]325,00 €\)/);
    await page.close();
  });
});

describe('the client page of a client invoiced in francs and in euros', () => {
  it('states what its formal notice claims per currency, as the letter does', async () => {
    const { page } = await open('/clients/CHX/');
    // Worked out in test/etl/letters.test.ts: principal 500 € and 2,000 CHF; claimed 500 + 30.99 of
    // June's interest + 80 of indemnities = 610.99 €, and 2,000 CHF.
    const claim = (await page.locator('[data-letter-claim]').innerText()).replace(/\s+/g, ' ');
    expect(claim).toContain('La mise en demeure réclame 610,99 € et 2 000,00 CHF : 500,00 € et 2 000,00 CHF en principal, 80,00 € d’indemnités forfaitaires et 30,99 € d’intérêts calculés');
    await page.close();
  });
});
