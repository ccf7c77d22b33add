// A client's page on the sample site, in French and in English: its alerts grouped by kind (the
// invoices more than 60 or 90 days past due are one row saying how many and what remains due, not
// one row each), their CSV download, and, for a client under a collective procedure (C00007), the
// judgment date and the claim deadline on its identity card. Screenshots at 1280 and 390 px go to
// test-output/screenshots/client-page/ for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';

import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { queryWarehouse } from '../helpers.ts';
import { launchBrowser, noProblems, projectDir, sampleSite, serve, watch, type PageProblems } from './harness.ts';

const screenshots = join(projectDir, 'test-output', 'screenshots', 'client-page');
const languages = ['fr', 'en'] as const;
type Language = (typeof languages)[number];

let browser: Browser;
const sites = {} as Record<Language, { url: string; server: Server }>;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  for (const language of languages) sites[language] = await serve(await sampleSite(language));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) site.server.close();
});

/** Intl puts no-break spaces in numbers ('1 400 €'); compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

async function open(language: Language, path: string, width = 1280): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems = watch(page, sites[language].url);
  await page.goto(`${sites[language].url}${path}`, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** The alerts table's rows as a user reads them: kind, since, reason. */
async function alertRows(page: Page): Promise<string[][]> {
  return page.locator('#client-alerts tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')))
    .then((rows) => rows.map((row) => row.map(plain)));
}

/** The identity card's value for `label`. */
async function fact(page: Page, label: string): Promise<string> {
  return plain(await page.locator('dl.facts dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').textContent());
}

const q = <T extends Record<string, unknown>>(sql: string) => queryWarehouse<T & Record<string, never>>(inject('sampleWarehouse'), sql);

describe('the sample warehouse holds what the pages are checked against', () => {
  it('C00619 has four invoices that crossed 90 days past due and four that crossed 60 in the 30 days to 31 October 2026', async () => {
    // From the invoices, not the alerts: the alerts mart flags an invoice first seen (due date + 91,
    // or + 61) within the 30 days before the as-of date (2026-10-31), so after 2026-10-01.
    //   > 90 days: F2026-014373 due 08/07 (1 797,25), F2026-015252 due 17/07 (5 466,27), F2026-016128 due 26/07 (607,77),
    //              F2026-016428 due 31/07 (2 070,87): 9 942,16, first seen 08/07 + 91 = 07/10/2026.
    //   61–90 days: F2026-017078 due 06/08 (1 345,71), F2026-018910 due 23/08 (861,80), F2026-019132 and F2026-019133 due 25/08
    //              (1 848,11 and 985,36): 5 040,98, first seen 06/08 + 61 = 06/10/2026.
    const [over90] = await q<{ n: number; open: number; since: string }>(`
      select count(*) as n, sum(open_amount)::double as open, strftime(min(due_date) + 91, '%Y-%m-%d') as since from invoices
      where client_id = 'C00619' and kind = 'invoice' and open_amount > 0 and days_past_due > 90 and due_date + 91 > date '2026-10-01'`);
    const [over60] = await q<{ n: number; open: number; since: string }>(`
      select count(*) as n, sum(open_amount)::double as open, strftime(min(due_date) + 61, '%Y-%m-%d') as since from invoices
      where client_id = 'C00619' and kind = 'invoice' and open_amount > 0 and days_past_due between 61 and 90 and due_date + 61 > date '2026-10-01'`);
    expect(over90).toEqual({ n: 4, open: 9942.16, since: '2026-10-07' });
    expect(over60).toEqual({ n: 4, open: 5040.98, since: '2026-10-06' });
  });
});

describe('a client page shows its alerts by kind', () => {
  it('in French: C00619’s invoices late by more than 90 and 60 days are one row each kind, with how many, what remains due and since when', async () => {
    const { page, problems } = await open('fr', '/clients/C00619/');
    const rows = await alertRows(page);
    expect(rows.slice(0, 2)).toEqual([
      ['Retard > 90 jours', '07/10/2026', '4 factures à plus de 90 jours de retard, reste dû 9 942 €'],
      ['Retard > 60 jours', '06/10/2026', '4 factures à plus de 60 jours de retard, reste dû 5 041 €'],
    ]);
    // One row per kind: no kind twice, and no invoice number left in the alerts.
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    expect(rows.map((r) => r[2]).join(' ')).not.toMatch(/F2026-/);
    // The invoices themselves are still listed one by one in the open invoices.
    for (const invoice of ['F2026-014373', 'F2026-015252', 'F2026-016128', 'F2026-016428', 'F2026-017078', 'F2026-018910', 'F2026-019132', 'F2026-019133']) {
      await expect(page.locator('#invoices tbody th', { hasText: invoice }).count()).resolves.toBe(1);
    }
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('in English: the same rows, worded in English', async () => {
    const { page, problems } = await open('en', '/clients/C00619/');
    expect((await alertRows(page)).slice(0, 2)).toEqual([
      ['Over 90 days late', '07/10/2026', '4 invoices more than 90 days past due, €9,942 open'],
      ['Over 60 days late', '06/10/2026', '4 invoices more than 60 days past due, €5,041 open'],
    ]);
    expect(problems).toEqual(noProblems);
    await page.close();
  });

  it('a kind with a single alert keeps its own sentence (C00007: one invoice beyond 90 days, over its limit, under a procedure)', async () => {
    // alerts of C00007 in the sample: overdue_90 on F2026-015690 first seen 21/10/2026; over_limit since 31/05/2026 (receivables
    // 1 832,68 against a limit of 1 000: 832,68 beyond it); collective_procedure (receivership) since its judgment, 10/05/2026.
    const { page: fr, problems } = await open('fr', '/clients/C00007/');
    expect(await alertRows(fr)).toEqual([
      ['Retard > 90 jours', '21/10/2026', 'Facture F2026-015690 à plus de 90 jours de retard'],
      ['Limite de crédit dépassée', '31/05/2026', 'Encours dépassant de 833 € la limite de crédit de 1 000 €'],
      ['Procédure collective', '10/05/2026', 'Procédure collective (redressement judiciaire) : arrêter les relances et déclarer la créance'],
    ]);
    expect(problems).toEqual(noProblems);
    await fr.close();
    const { page: en } = await open('en', '/clients/C00007/');
    expect((await alertRows(en))[0]).toEqual(['Over 90 days late', '21/10/2026', 'Invoice F2026-015690 is more than 90 days past due']);
    await en.close();
  });

  it('downloads the grouped alerts as CSV, the kind in the page’s words', async () => {
    const { page } = await open('fr', '/clients/C00619/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="client-alerts"]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1).map((r) => r.map(plain));
    expect(rows[0]).toEqual(['Alertes', 'Depuis le', 'Motif']);
    expect(rows.slice(1, 3)).toEqual([
      ['Retard > 90 jours', '07/10/2026', '4 factures à plus de 90 jours de retard, reste dû 9 942 €'],
      ['Retard > 60 jours', '06/10/2026', '4 factures à plus de 60 jours de retard, reste dû 5 041 €'],
    ]);
    await page.close();
  });
});

describe('a client page groups today’s dunning actions', () => {
  it('C00619: the invoices at the same stage for the same reason on one row, with their open amount and the range of days past due', async () => {
    // dunning of C00619 in the sample: 16 invoices, grade E (stages 10 days earlier); formal notice (day 30, from day 20):
    // F2026-021844 (37 days, 1 915,52), F2026-021573 (40 days, 1 691,18), F2026-021250 (43 days, 874,24) = 4 480,94;
    // litigation (day 60, from day 50): the other 13, 50 to 115 days past due.
    const { page, problems } = await open('fr', '/clients/C00619/');
    await expect(page.locator('#client-dunning-title .count').textContent()).resolves.toBe('16');
    const rows = await page.locator('#client-dunning tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')))
      .then((r) => r.map((row) => row.map(plain)));
    expect(rows).toHaveLength(2);
    expect(rows[0]![1]).toBe('Contentieux');
    expect(rows[0]![0]!.split(', ')).toHaveLength(13);
    expect(rows[0]![2]).toBe('50 à 115 jours de retard : contentieux dès le jour 50 (jour 60, avancé de 10 jours pour la note E)');
    expect(rows[1]).toEqual(['F2026-021844, F2026-021573, F2026-021250', 'Mise en demeure',
      '37 à 43 jours de retard : mise en demeure dès le jour 20 (jour 30, avancé de 10 jours pour la note E)', '4 480,94 €']);
    expect(problems).toEqual(noProblems);
    await page.close();
  });
});

describe('the identity card of a client under a collective procedure', () => {
  it('C00007 (receivership, judgment of 10 May 2026): the judgment date and the claim deadline, passed', async () => {
    // clients.procedure_date 2026-05-10; dunning.claim_deadline_date 2026-07-10 (judgment + 2 months), before the as-of date 2026-10-31.
    const { page: fr, problems } = await open('fr', '/clients/C00007/');
    await expect(fact(fr, 'Statut juridique')).resolves.toBe('Redressement judiciaire');
    await expect(fact(fr, 'Jugement d’ouverture')).resolves.toBe('10/05/2026');
    await expect(fact(fr, 'Déclarer la créance au plus tard le')).resolves.toBe('10/07/2026, dépassé (relevé de forclusion, L622-26)');
    await expect(fr.locator('dl.facts dd', { hasText: '10/07/2026' }).getAttribute('class')).resolves.toMatch(/warning/);
    // Passed, but relief from the foreclosure can still be asked until 2026-05-10 + 6 months = 2026-11-10 (L622-26).
    await expect(fact(fr, 'Relevé de forclusion à demander au plus tard le')).resolves.toBe('10/11/2026');
    expect(problems).toEqual(noProblems);
    await fr.close();
    const { page: en } = await open('en', '/clients/C00007/');
    await expect(fact(en, 'Opening judgment')).resolves.toBe('10/05/2026');
    await expect(fact(en, 'Declare the claim by')).resolves.toBe('10/07/2026, passed (relief from the time bar, L622-26)');
    await expect(fact(en, 'Ask for relief from the foreclosure by')).resolves.toBe('10/11/2026');
    await en.close();
  });

  it('C00824 (receivership, judgment of 11 August 2025): the claim foreclosed, to write off; its invoices issued after the judgment chased', async () => {
    // Claim deadline 2025-10-11, relief deadline 2026-02-11 (judgment + 6 months), both before the
    // as-of date 2026-10-31, and no claim declared in the log: of its 36 open invoices, 108,721.12 in
    // all (invoices), the 25 issued by the judgment, 67,194.93, are foreclosed; the 11 issued after it,
    // 41,526.19 (108,721.12 − 67,194.93), are claims born after the judgment (L622-17), payable when
    // due: the oldest more than 50 days late (litigation from day 50 for grade E), they keep C00824
    // in the worklist at litigation.
    const owed = await q<{ before: boolean; n: number; amount: number }>(`select issue_date <= date '2025-08-11' as before, count(*)::integer as n,
      sum(open_amount)::double as amount from invoices where client_id = 'C00824' and kind = 'invoice' and open_amount > 0 group by all order by before desc`);
    expect(owed).toEqual([{ before: true, n: 25, amount: 67194.93 }, { before: false, n: 11, amount: 41526.19 }]);
    const { page: fr, problems } = await open('fr', '/clients/C00824/');
    await expect(fact(fr, 'Déclarer la créance au plus tard le')).resolves.toBe('11/10/2025, dépassé (relevé de forclusion, L622-26)');
    await expect(fact(fr, 'Relevé de forclusion à demander au plus tard le')).resolves.toMatch(/^11\/02\/2026, dépassé : créance forclose, 67\s194,93\s€ à passer en perte$/);
    await expect(fr.locator('.client-risk .kpi', { hasText: 'Relance du jour' }).locator('.kpi-value').textContent()).resolves.toBe('Contentieux');
    // Its collections panel says what is left: nothing to declare (foreclosed), the 11 invoices
    // issued after the judgment, 41,526.19, to chase on the ordinary schedule, at litigation.
    await expect(fr.locator('[data-procedure-split]').textContent()).resolves.toMatch(
      /^Procédure collective \(redressement judiciaire, jugement du 11\/08\/2025\) : à relancer selon le calendrier ordinaire : 41\s526,19\s€ \(11 factures émises après le jugement, L622-17 ; étape : Contentieux\)\.$/);
    expect(problems).toEqual(noProblems);
    await fr.close();
    expect(await q(`select client_id, stage, due_amount::double as due from worklist where client_id = 'C00824'`)).toEqual([{ client_id: 'C00824', stage: 'litigation', due: 41526.19 }]);
  });

  it('the country is written by its name in the page’s language, its code beside it (C00198 in Germany, C00007 in France)', async () => {
    expect(await q(`select client_id, country from clients where client_id in ('C00007', 'C00198') order by client_id`))
      .toEqual([{ client_id: 'C00007', country: 'FR' }, { client_id: 'C00198', country: 'DE' }]);
    const { page: fr } = await open('fr', '/clients/C00198/');
    await expect(fact(fr, 'Pays')).resolves.toBe('Allemagne (DE)');
    await fr.close();
    const { page: en } = await open('en', '/clients/C00198/');
    await expect(fact(en, 'Country')).resolves.toBe('Germany (DE)');
    await en.close();
    const { page: home } = await open('fr', '/clients/C00007/');
    await expect(fact(home, 'Pays')).resolves.toBe('France (FR)');
    await home.close();
  });

  it('a client under no procedure shows neither line (C00619)', async () => {
    const { page } = await open('fr', '/clients/C00619/');
    await expect(page.locator('dl.facts dt', { hasText: 'Jugement' }).count()).resolves.toBe(0);
    await expect(page.locator('dl.facts dt', { hasText: 'Déclarer la créance' }).count()).resolves.toBe(0);
    await page.close();
  });

  it('screenshots of C00007 at 1280 and 390 px, in French and English, with no sideways scroll', async () => {
    for (const language of languages) {
      for (const width of [1280, 390]) {
        const { page, problems } = await open(language, '/clients/C00007/', width);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${language} ${width}px`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(screenshots, `C00007-${language}-${width}.png`), fullPage: true });
        expect(problems).toEqual(noProblems);
        await page.close();
      }
    }
  });
});

describe('the top of a client page', () => {
  const q = <T extends Record<string, unknown>>(sql: string) => queryWarehouse<T & Record<string, never>>(inject('sampleWarehouse'), sql);

  it.each(languages)('(%s) says how risky the client is before any table: grade, stage, exposure against limit and insured limit, last payment, contact', async (language) => {
    // The first worklist client at a formal notice with a contact and a payment: each tile's figure
    // is its mart column, read here from the warehouse.
    const [c] = await q<{ client_id: string; grade: string; last_payment_date: string; contact_phone: string; contact_email: string }>(`
      select w.client_id, r.grade, c.last_payment_date, w.contact_phone, w.contact_email
      from worklist w join clients c using (client_id) join client_risk r using (client_id)
      where w.stage = 'formal_notice' and w.contact_phone is not null and w.contact_email is not null and c.last_payment_date is not null
      order by w.priority limit 1`);
    const { page, problems } = await open(language, `/clients/${c!.client_id}/`, 390);
    const tiles = page.locator('.client-risk .kpi');
    await expect(tiles.nth(0).locator('.kpi-value').textContent()).resolves.toBe(c!.grade);
    await expect(tiles.nth(1).locator('.kpi-value').textContent()).resolves.toBe(language === 'fr' ? 'Mise en demeure' : 'Formal notice');
    const [y, m, d] = c!.last_payment_date.split('-');
    await expect(tiles.nth(4).locator('.kpi-value').textContent()).resolves.toBe(language === 'fr' ? `${d}/${m}/${y}` : `${d}/${m}/${y}`);
    await expect(page.locator('[data-contact] a[href^="tel:"]').getAttribute('href')).resolves.toBe(`tel:${c!.contact_phone.replace(/\D/g, '')}`);
    await expect(page.locator('[data-contact] a[href^="mailto:"]').getAttribute('href')).resolves.toBe(`mailto:${c!.contact_email}`);
    // On a phone, the risk tiles come before the open-items table.
    const riskTop = await page.locator('.client-risk').evaluate((e) => e.getBoundingClientRect().top);
    const tableTop = await page.locator('#invoices').evaluate((e) => e.getBoundingClientRect().top);
    expect(riskTop).toBeLessThan(900);
    expect(riskTop).toBeLessThan(tableTop);
    expect(problems).toEqual(noProblems);
    await page.screenshot({ path: join(screenshots, `${language}-390-risk.png`) });
    await page.close();
  });
});
