// Every CSV download in the page's language (docs/guide.md, "CSV downloads"): a French page gives
// French headers, French words for codes, dates dd/mm/yyyy, a decimal comma and ';' (what French
// Excel opens as columns, numbers and dates); an English page English words, ISO dates, a decimal
// point and ','. Formulas stay neutralised in both.
import { describe, expect, it } from 'vitest';

import { digestCsv } from '../../site/lib/digest.ts';
import { makeFormat } from '../../site/lib/format.ts';
import { deskLanguages } from '../../site/lib/i18n/desk.ts';
import { financeLanguages } from '../../site/lib/i18n/finance.ts';
import { languages } from '../../site/lib/i18n/index.ts';
import { qualityCsv } from '../../site/lib/quality-csv.ts';
import type { ClientsRow as Client, WorklistRow } from '../../site/lib/warehouse/tables.ts';
import type { DunningRow, QualityRow } from '../../site/lib/warehouse/tables.ts';
import { worklistCsv } from '../../site/lib/worklist-csv.ts';
import { csvDate, csvValue } from '../../site/scripts/csv.ts';

const formats = { fr: makeFormat('fr-FR', 'EUR'), en: makeFormat('en-GB', 'EUR') };
/** The lines of a CSV file, without its BOM. */
const lines = (csv: string) => csv.replace(/^\ufeff/, '').split('\r\n');

describe('csvDate', () => {
  it('writes a date dd/mm/yyyy for a French page and ISO for an English one', () => {
    expect(csvDate('2024-06-01', 'fr')).toBe('01/06/2024');
    expect(csvDate('2024-06-01', 'fr-FR')).toBe('01/06/2024');
    expect(csvDate('2024-06-01', 'en')).toBe('2024-06-01');
    expect(csvDate(null, 'fr')).toBe('');
  });

  it('turns only a whole ISO date of a cell’s raw value, not an amount or a code', () => {
    expect(csvValue('2024-12-31', 'fr')).toBe('31/12/2024');
    expect(csvValue('1234,5', 'fr')).toBe('1234,5');
    expect(csvValue('2024-12-31 · Appel', 'fr')).toBe('2024-12-31 · Appel');
  });
});

describe('worklistCsv (/collections.csv)', () => {
  const row: DunningRow = {
    client_id: 'C1', invoice_id: 'F-1', stage: 'formal_notice', reason: 'formal notice', scheduled_stage: 'formal_notice', is_disputed: false, schedule_day: 30,
    stage_start_day: 30, shift_days: 0, priority: 1, expected_loss_amount: 88.5, open_amount: 1100.25, due_date: '2024-05-01', days_from_due: 41, grade: 'C',
    pd_12m: 0.08, grade_source: 'score', collective_procedure: null, procedure_date: null, claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null, paused_until_date: null,
    is_post_judgment: false,
  };
  const clients = new Map([['C1', { client_id: 'C1', name: '=Dupont', sales_rep: 'Alice', segment: 'PME' } as Client]]);

  it('is French on a French page: headers, the stage’s word, the due date dd/mm/yyyy, a decimal comma, ";"', () => {
    const [header, line] = lines(worklistCsv([row], clients, financeLanguages.fr.collections, formats.fr));
    expect(header).toBe('Priorité;Code client;Client;Commercial;Segment;Facture;Échéance;Étape;Motif;Reste dû;Jours / échéance;Note;Perte attendue');
    expect(line).toMatch(/^1;C1;'=Dupont;Alice;PME;F-1;01\/05\/2024;Mise en demeure;[^;]+;1100,25;41;C;88,5$/);
  });

  it('is English on an English page: ISO due date, a decimal point, ","', () => {
    const [header, line] = lines(worklistCsv([row], clients, financeLanguages.en.collections, formats.en));
    expect(header!.startsWith('Priority,Client code,Client,Sales rep,Segment,Invoice,Due date,Stage,Reason,')).toBe(true);
    expect(line).toMatch(/^1,C1,'=Dupont,Alice,PME,F-1,2024-05-01,Formal notice,.+,1100\.25,41,C,88\.5$/);
  });
});

describe('qualityCsv (/quality.csv)', () => {
  const row: QualityRow = { source_file: 'invoices.csv', line: 12, severity: 'error', reason: 'montant illisible', input: 'invoices', record_id: 'F-9', raw_line: null, reason_code: null, reason_number: null, reason_ref: null, reason_field: null, reason_parts: null };

  it('words the severity and the input in the page’s language, never the code', () => {
    expect(lines(qualityCsv([row], languages.fr))).toEqual(['Fichier;Ligne;Gravité;Export;Motif;Identifiant;Ligne brute', 'invoices.csv;12;erreur;factures;montant illisible;F-9;']);
    expect(lines(qualityCsv([{ ...row, severity: 'warning', input: 'writeoffs' }], languages.en))[1]).toBe('invoices.csv,12,warning,write-offs,montant illisible,F-9,');
  });
});

describe('digestCsv (/digest/<rep>.csv)', () => {
  const row: WorklistRow = {
    priority: 1, client_id: 'C1', name: 'Dupont', sales_rep: 'Alice', stage: 'formal_notice', stage_order: 4, stage_started_date: '2024-05-15', invoice_count: 2, paused_invoice_count: 0,
    due_amount: 1100.5, overdue_amount: 1100.5, max_days_from_due: 41, expected_loss_amount: 88, grade: 'C', pd_12m: 0.12, claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null, last_action_date: '2024-06-01',
    last_action_kind: 'call', next_action_date: '2024-06-11', promise_status: null, promise_date: null, promise_amount: null,
    collective_procedure: null, procedure_date: null, declare_invoice_count: 0, declare_amount: 0, post_judgment_invoice_count: 0, post_judgment_amount: 0, post_judgment_stage: null,
      promise_logged_date: null, promise_invoice_ids: null, is_next_action_due: false, disputed_invoice_count: 0, disputed_amount: 0, contact_name: 'Marie', contact_role: null, contact_email: 'marie@x.example', contact_phone: '+33 1 23 45 67 89',
  };
  const input = { rep: 'Alice', asOf: '2024-06-11', rows: [row], pageHref: '', language: 'fr' };

  it('has French headers (no English "email", "phone") and French dates on a French page', () => {
    const [header, line] = lines(digestCsv(input, deskLanguages.fr, { formal_notice: 'Mise en demeure' }, formats.fr));
    expect(header!.split(';').slice(-3)).toEqual(['Contact', 'Courriel', 'Téléphone']);
    // The phone starts with '+': neutralised as a formula would be.
    expect(line).toBe(`C1;Dupont;Mise en demeure;1100,5;1100,5;2;01/06/2024;11/06/2024;;Marie;marie@x.example;'+33 1 23 45 67 89`);
  });

  it('is English with ISO dates on an English page', () => {
    const [header, line] = lines(digestCsv({ ...input, language: 'en' }, deskLanguages.en, { formal_notice: 'Formal notice' }, formats.en));
    expect(header!.split(',').slice(-3)).toEqual(['Contact', 'E-mail', 'Phone']);
    expect(line).toBe(`C1,Dupont,Formal notice,1100.5,1100.5,2,2024-06-01,2024-06-11,,Marie,marie@x.example,'+33 1 23 45 67 89`);
  });
});
