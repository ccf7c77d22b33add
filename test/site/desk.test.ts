// The collections desk's small rules: when the worklist's data is stale, rep URLs, and the daily
// digest (escaped HTML with no script; CSV with formulas neutralised).
import { describe, expect, it } from 'vitest';

import { lastPaymentTile, letterDates, repSlug, staleness } from '../../site/lib/desk.ts';
import { digestCsv, digestHtml } from '../../site/lib/digest.ts';
import { makeFormat } from '../../site/lib/format.ts';
import { deskLanguages } from '../../site/lib/i18n/desk.ts';
import type { WorklistRow } from '../../site/lib/warehouse/tables.ts';

const format = makeFormat('fr-FR', 'EUR');
const stages = { formal_notice: 'Mise en demeure' };
const nnbsp = '\u202f';
const nbsp = '\u00a0';

describe('letterDates', () => {
  it('dates a letter the day it is built and counts its deadline from that day', () => {
    // Built 2026-12-07 late in the day (UTC): dated the 7th; 8 days → the 15th; 15 days across
    // the year's end from 2026-12-20 → 2027-01-04.
    expect(letterDates(new Date('2026-12-07T22:15:00Z'), 8)).toEqual({ letterDate: '2026-12-07', deadlineDate: '2026-12-15' });
    expect(letterDates(new Date('2026-12-20T00:00:00Z'), 15)).toEqual({ letterDate: '2026-12-20', deadlineDate: '2027-01-04' });
  });
});

describe('staleness', () => {
  it('counts whole days from the as-of date to the build date and warns beyond the setting', () => {
    // 2024-06-11 → 2024-06-14 (any time of day): 3 days, not stale at 3; 4 days is.
    expect(staleness('2024-06-11', new Date('2024-06-14T23:30:00Z'), 3)).toEqual({ days: 3, isStale: false });
    expect(staleness('2024-06-11', new Date('2024-06-15T00:10:00Z'), 3)).toEqual({ days: 4, isStale: true });
    expect(staleness('2024-06-11', new Date('2024-06-11T08:00:00Z'), 0)).toEqual({ days: 0, isStale: false });
  });
});

describe('repSlug', () => {
  it('escapes a rep’s name like a client id', () => {
    expect(repSlug('Élodie Faure')).toBe('_c3_89lodie_20Faure');
  });
});

describe('digest', () => {
  const row: WorklistRow = {
    priority: 1, client_id: 'C1', name: '<b>=Dupont & fils</b>', sales_rep: 'Alice', stage: 'formal_notice', stage_order: 4, stage_started_date: '2024-05-15', invoice_count: 2, paused_invoice_count: 0,
    due_amount: 1100, overdue_amount: 1100, max_days_from_due: 41, expected_loss_amount: 88, grade: 'C', pd_12m: 0.12, claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null, last_action_date: '2024-06-01',
    last_action_kind: 'promise', next_action_date: '2024-06-11', promise_status: 'broken', promise_date: '2024-06-10', promise_amount: 1000,
    collective_procedure: null, procedure_date: null, declare_invoice_count: 0, declare_amount: 0, post_judgment_invoice_count: 0, post_judgment_amount: 0, post_judgment_stage: null,
      promise_logged_date: null, promise_invoice_ids: null, is_next_action_due: false, disputed_invoice_count: 0, disputed_amount: 0, contact_name: 'Marie', contact_role: null, contact_email: 'marie@x.example', contact_phone: null,
  };
  const input = { rep: 'Alice', asOf: '2024-06-11', rows: [row], pageHref: '../reps/Alice/', language: 'fr' };

  it('is a self-contained HTML document with the client’s name escaped', () => {
    const html = digestHtml(input, deskLanguages.fr, stages, format);
    expect(html).toContain('&lt;b&gt;=Dupont &amp; fils&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html).toContain('Relances du 11 juin 2024 — Alice');
    expect(html).toContain('non tenue (10/06/2024)');
  });

  it('states a security policy that lets its inline styles apply, in the site and once decrypted from an encrypted build', () => {
    const html = digestHtml(input, deskLanguages.fr, stages, format);
    expect(html).toContain('style="');
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]).toMatch(/style-src 'self' 'unsafe-inline'/);
  });

  it('says when its data is too old to chase from, as every page does', () => {
    // staleDays as staleness() gives it for a build 9 days after the as-of date.
    expect(digestHtml({ ...input, staleDays: 9 }, deskLanguages.fr, stages, format)).toContain('Attention : ces données datent de 9 jours (arrêtées au 11 juin 2024)');
    expect(digestHtml({ ...input, staleDays: null }, deskLanguages.fr, stages, format)).not.toContain('Attention');
  });

  it('has a CSV with the page’s separator and formulas neutralised', () => {
    const lines = digestCsv({ ...input, rows: [{ ...row, name: '=1+1' }] }, deskLanguages.fr, stages, format).split('\r\n');
    // Dates as French Excel reads them (dd/mm/yyyy).
    expect(lines[1]).toBe(`C1;'=1+1;Mise en demeure;1100;1100;2;01/06/2024;11/06/2024;non tenue;Marie;marie@x.example;`);
  });

  it('says for a client under a collective procedure what to declare, by when, and what to chase, apart', () => {
    // Receivership, judgment of 2024-03-11: J2 730 + J3 1,000 to declare (2 invoices), by 2024-05-11,
    // passed, relief until 2024-09-11; J4 1,825 issued after the judgment, at formal notice.
    // 1,730 + 1,825 = 3,555 due.
    const proc: WorklistRow = {
      ...row, name: 'PROC', stage: 'declare_claim', invoice_count: 3, due_amount: 3555, overdue_amount: 3555, claim_deadline_date: '2024-05-11', is_claim_deadline_passed: true,
      relief_deadline_date: '2024-09-11', collective_procedure: 'receivership', procedure_date: '2024-03-11', declare_invoice_count: 2, declare_amount: 1730,
      post_judgment_invoice_count: 1, post_judgment_amount: 1825, post_judgment_stage: 'formal_notice', promise_status: null, promise_date: null,
    };
    const labelled = { ...stages, declare_claim: 'Déclarer la créance' };
    const html = digestHtml({ ...input, rows: [proc] }, deskLanguages.fr, labelled, format);
    expect(html).toContain('Déclarer la créance · délai dépassé depuis le 11/05/2024 : demander un relevé de forclusion au juge-commissaire au plus tard le 11/09/2024'
      + ` · à déclarer 1${nnbsp}730,00${nbsp}€ · 2 factures · à relancer 1${nnbsp}825,00${nbsp}€ · 1 facture (Mise en demeure)`);
  });

  it('asks to reconcile a promise logged on an invoice already paid, in the page and the CSV', () => {
    const settled: WorklistRow = { ...row, promise_status: 'already_settled', promise_date: '2024-06-10', promise_logged_date: '2024-06-01', promise_invoice_ids: 'B1' };
    const text = 'Promesse saisie le 01/06/2024 sur B1, déjà réglée ce jour-là : saisie à rapprocher, quelles factures le client visait-il ?';
    expect(digestHtml({ ...input, rows: [settled] }, deskLanguages.fr, stages, format)).toContain(text.replace(/'/g, '&#39;'));
    expect(digestCsv({ ...input, rows: [settled] }, deskLanguages.fr, stages, format).split('\r\n')[1]).toContain(`;${text};`);
  });
});

describe('lastPaymentTile', () => {
  const fr = makeFormat('fr-FR', 'EUR');
  const labels = deskLanguages.fr.risk;

  it('dates the last payment, with its amount', () => {
    // 1 834,86 € on 19 February 2024 (Business Central's receipt 2002).
    expect(lastPaymentTile({ last_payment_date: '2024-02-19', last_payment_amount: 1834.86 }, true, labels, fr)).toEqual({ value: '19/02/2024', note: '1\u202f834,86\u00a0€' });
  });

  it('says "never" for a client with no payment when the exports date payments', () => {
    expect(lastPaymentTile({ last_payment_date: null, last_payment_amount: null }, true, labels, fr)).toEqual({ value: 'jamais' });
  });

  it('says "unknown" when the exports date no settlement at all (a snapshot on its first night), never "never"', () => {
    // QuickBooks' A/R Aging Detail: Amy's invoice 1001 of 1 705,03 owes 1 585,03 — something was
    // paid or credited, on a date the report does not give.
    expect(lastPaymentTile({ last_payment_date: null, last_payment_amount: null }, false, labels, fr)).toEqual({
      value: 'inconnu', note: 'les exports ne datent aucun règlement (balance âgée)',
    });
  });
});
