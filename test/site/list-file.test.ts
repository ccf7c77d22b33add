// The long lists' data files (site/lib/list-file.ts, site/lib/list-rows.ts): what the browser reads
// from <list>/rows.arrow gives back every value to the cent and draws the rows the server drew,
// and 10,000 clients stay under 1 MB a list.
import { describe, expect, it } from 'vitest';

import { fr } from '../../site/lib/i18n/fr.ts';
import { listColumns } from '../../site/lib/list-file.ts';
import { clientRow, listFile, listFileRows, worklistRow, type AgeingRecord, type ClientRecord, type RowContext, type WorklistRecord } from '../../site/lib/list-rows.ts';
import { makeFormat } from '../../site/lib/make-format.ts';
import { rowMatches } from '../../site/scripts/match.ts';

const nnbsp = '\u202f';
const nbsp = '\u00a0';
const ctx: RowContext = { base: '/', format: makeFormat('fr-FR', 'EUR', fr) };
const browser = (currency: string): RowContext => ({ base: '/', format: makeFormat('fr-FR', currency, fr) });

const client = (i: number, over: Partial<ClientRecord> = {}): ClientRecord => ({
  client_id: `C${String(i).padStart(5, '0')}`, name: `Établissements Martin ${i} SARL`, segment: ['PME', 'TPE', 'Grands comptes'][i % 3]!, sales_rep: ['Nadia Haddad', 'Pierre Lucas'][i % 2]!,
  receivables_amount: 1000 + i + 0.45, overdue_amount: i % 4 === 0 ? 0 : 250.1, max_days_past_due: i % 120, grade: 'ABCDE'[i % 5]!, limit_usage: i / 997, is_over_limit: i % 7 === 0, ...over,
});

describe('listFile / listFileRows: the clients list', () => {
  it('gives back each amount to the cent, a large one too, and a missing value as missing', () => {
    const records = [
      client(1, { receivables_amount: 370201.12, overdue_amount: -0.4 }),
      // 30,000,000.50 € is 3,000,000,050 cents, past an Int32: the column travels as doubles instead.
      client(2, { receivables_amount: 30_000_000.5, max_days_past_due: null, grade: null, limit_usage: null }),
    ];
    const rows = listFileRows(listFile('clients', records, { currency: 'EUR' }), browser);
    // Cells: name, segment, rep, grade, receivables, overdue, max DPD, limit usage.
    expect(rows[0]!.c[4]).toEqual({ t: `370${nnbsp}201${nbsp}€`, s: '370201.12' });
    expect(rows[0]!.c[5]).toEqual({ t: `0${nbsp}€`, s: '-0.4' });
    expect(rows[1]!.c[4]).toEqual({ t: `30${nnbsp}000${nnbsp}001${nbsp}€`, s: '30000000.5' });
    expect(rows[1]!.c[3]).toEqual({ t: '–', k: 'text' });
    expect(rows[1]!.c[6]).toEqual({ t: '–', s: '' });
    expect(rows[1]!.c[7]).toEqual({ t: '–', c: '', s: '' });
  });

  it('draws every row as the server drew it: links, search text and filter values included', () => {
    const records = Array.from({ length: 50 }, (_, i) => client(i, i === 3 ? { name: 'Œuvres de Noël & Fils', segment: null } : {}));
    const rows = listFileRows(listFile('clients', records, { currency: 'EUR' }), browser);
    expect(rows).toEqual(records.map((r) => clientRow(ctx, r, true, true)));
    expect(rows[3]!.c[0]).toMatchObject({ t: 'Œuvres de Noël & Fils', h: '/clients/C00003/', x: 'C00003' });
    expect(rows[3]!.d).toMatchObject({ search: 'oeuvres de noel & fils c00003  pierre lucas', segment: '', grade: 'D', overlimit: '0' });
  });

  it('takes its currency from the file: a company in francs shows francs', () => {
    const rows = listFileRows(listFile('clients', [client(1, { receivables_amount: 1500 })], { currency: 'CHF' }), browser);
    expect(rows[0]!.c[4]!.t).toBe(`1${nnbsp}500${nbsp}CHF`);
  });

  it('sends repeated texts once (a dictionary), distinct ones plainly, amounts as whole cents', () => {
    const columns = Object.fromEntries(listColumns(listFile('clients', Array.from({ length: 300 }, (_, i) => client(i)), { currency: 'EUR' })).map((c) => [c.name, c.type]));
    // 3 segments and 5 grades among 300 rows: an 8-bit index each; 300 distinct names: plain text.
    expect(columns.segment).toBe('Dictionary<Int8, Utf8>');
    expect(columns.grade).toBe('Dictionary<Int8, Utf8>');
    expect(columns.name).toBe('Utf8');
    expect(columns.receivables_amount).toBe('Int32');
    // Days past due 0–119 fit in 8 bits.
    expect(columns.max_days_past_due).toBe('Int8');
    expect(columns.is_over_limit).toBe('Bool');
  });

  it('holds 10,000 clients in under 1 MB', () => {
    // About 60 bytes a client: id 6 + name ~30 (+4 offsets each), three 1-byte indexes, two
    // 4-byte amounts, a 1-byte DPD, an 8-byte usage: ~62 × 10,000 ≈ 620 KB.
    const bytes = listFile('clients', Array.from({ length: 10_000 }, (_, i) => client(i)), { currency: 'EUR' });
    expect(bytes.length).toBeLessThan(1_000_000);
  });
});

describe('listFile / listFileRows: the ageing balance and the worklist', () => {
  it('gives back each bucket amount, in order, and says which buckets a client has', () => {
    const record: AgeingRecord = { client_id: 'X&1', name: 'Durand', bucket_amounts: [0, 120.5, 0, 99.99], total_amount: 220.49, overdue_amount: 220.49 };
    const [row] = listFileRows(listFile('ageing', [record], { currency: 'EUR', buckets: ['not_due', '1-30', '31-60', '>60'] }), browser);
    // Name, four buckets, total, overdue.
    expect(row!.c.map((c) => c.t)).toEqual(['Durand', `0${nbsp}€`, `121${nbsp}€`, `0${nbsp}€`, `100${nbsp}€`, `220${nbsp}€`, `220${nbsp}€`]);
    expect(row!.c[0]!.h).toBe('/clients/X_261/');
    expect(row!.c[2]!.s).toBe('120.5');
    expect(row!.d).toEqual({ search: 'durand x&1', bucket: '1-30 >60' });
  });

  it('keeps a worklist row\'s contact, promise, news and letter', () => {
    const record: WorklistRecord = {
      priority: 1, client_id: 'C00198', name: 'Van Damme François EURL', sales_rep: 'Sophie Lemoine', stage: 'reminder_2', invoice_count: 3, paused_invoice_count: 0,
      due_amount: 1234.56, overdue_amount: 1000, expected_loss_amount: 12.3, claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null,
      last_action_date: '2026-10-31', last_action_kind: 'call', next_action_date: '2026-11-07', promise_status: null, promise_date: null,
      collective_procedure: null, procedure_date: null, declare_invoice_count: 0, declare_amount: 0, post_judgment_invoice_count: 0, post_judgment_amount: 0, post_judgment_stage: null,
      promise_logged_date: null, promise_invoice_ids: null, is_next_action_due: false, disputed_invoice_count: 0, disputed_amount: 0, contact_name: 'Marie Thomas', contact_role: 'Acheteur', contact_email: 'marie.thomas@example.com', contact_phone: '02 86 52 77 18',
      segment: 'PME', has_letter: true, is_new: true,
    };
    const [row] = listFileRows(listFile('collections', [record], { currency: 'EUR' }), browser);
    expect(row).toEqual(worklistRow(ctx, record, true));
    expect(row!.c[1]).toMatchObject({ t: 'Van Damme François EURL', g: 'Nouveau', u: [[{ t: 'Marie Thomas (Acheteur)' }, { t: '02 86 52 77 18', h: 'tel:0286527718' }, { t: 'marie.thomas@example.com', h: 'mailto:marie.thomas@example.com' }]] });
    expect(row!.c[3]).toMatchObject({ t: `1${nnbsp}234,56${nbsp}€`, c: '1234,56' });
    expect(row!.c[7]).toMatchObject({ h: '/clients/C00198/statement/', xh: '/clients/C00198/letter/' });
    expect(row!.d).toEqual({ stage: 'reminder_2', rep: 'Sophie Lemoine', segment: 'PME', new: '1', search: 'van damme francois eurl c00198 marie thomas' });
    // The CSV of a French page: the stage and the action in words, the dates dd/mm/yyyy.
    expect(row!.c[2]!.c).toBe('Relance 2');
    expect(row!.c[5]!.c).toBe('31/10/2026 · Appel · 07/11/2026');
    // Called on 31/10, the as-of date: the follow-up is 7 days later, a date to come.
    expect(row!.c[5]!.u).toEqual([[{ t: 'prochaine le 07/11/2026' }]]);
  });

  it('writes a claim to declare with its deadline in the CSV as the page words it, the date dd/mm/yyyy', () => {
    const record: WorklistRecord = {
      priority: 2, client_id: 'C7', name: 'Rivière SARL', sales_rep: null, stage: 'declare_claim', invoice_count: 1, paused_invoice_count: 0,
      due_amount: 500, overdue_amount: 500, expected_loss_amount: 250, claim_deadline_date: '2026-12-15', is_claim_deadline_passed: false, relief_deadline_date: '2027-04-15',
      last_action_date: null, last_action_kind: null, next_action_date: '2026-11-02', promise_status: null, promise_date: null,
      collective_procedure: null, procedure_date: null, declare_invoice_count: 0, declare_amount: 0, post_judgment_invoice_count: 0, post_judgment_amount: 0, post_judgment_stage: null,
      promise_logged_date: null, promise_invoice_ids: null, is_next_action_due: false, disputed_invoice_count: 0, disputed_amount: 0, contact_name: null, contact_role: null, contact_email: null, contact_phone: null,
      segment: null, has_letter: false, is_new: false,
    };
    const row = worklistRow(ctx, record, true);
    expect(row.c[2]!.c).toBe('Déclarer la créance · au plus tard le 15/12/2026');
    expect(row.c[5]!.c).toBe('– · 02/11/2026');
  });

  it('writes a claim whose deadline has passed with the last day to ask for relief from the foreclosure', () => {
    // Judgment of 15 October 2026: to declare by 15/12/2026, passed; relief until 15/04/2027 (judgment + 6 months).
    const record: WorklistRecord = {
      priority: 1, client_id: 'C8', name: 'Forge SA', sales_rep: null, stage: 'declare_claim', invoice_count: 1, paused_invoice_count: 0,
      due_amount: 500, overdue_amount: 500, expected_loss_amount: 250, claim_deadline_date: '2026-12-15', is_claim_deadline_passed: true, relief_deadline_date: '2027-04-15',
      last_action_date: null, last_action_kind: null, next_action_date: '2027-01-04', promise_status: null, promise_date: null,
      collective_procedure: null, procedure_date: null, declare_invoice_count: 0, declare_amount: 0, post_judgment_invoice_count: 0, post_judgment_amount: 0, post_judgment_stage: null,
      promise_logged_date: null, promise_invoice_ids: null, is_next_action_due: false, disputed_invoice_count: 0, disputed_amount: 0, contact_name: null, contact_role: null, contact_email: null, contact_phone: null,
      segment: null, has_letter: false, is_new: false,
    };
    const row = worklistRow(ctx, record, true);
    expect(row.c[2]!.c).toBe('Déclarer la créance · délai dépassé depuis le 15/12/2026 : demander un relevé de forclusion au juge-commissaire au plus tard le 15/04/2027');
    expect(row.c[2]!.k).toBe('text stage warning');
  });

  // A client under a collective procedure (receivership, judgment of 11/06/2026), as C00512 on the
  // sample: 14 invoices issued by the judgment day, 48,753.26 to declare by 11/08/2026 (passed;
  // relief until 11/12/2026), and 9 issued after it, 24,678.03 at litigation, chased as usual:
  // 48,753.26 + 24,678.03 = 73,431.29 due in all.
  const procedure: WorklistRecord = {
    priority: 3, client_id: 'C00512', name: 'Boulangerie de Normandie SARL', sales_rep: null, stage: 'declare_claim', invoice_count: 23, paused_invoice_count: 0,
    due_amount: 73431.29, overdue_amount: 73431.29, expected_loss_amount: 73424, claim_deadline_date: '2026-08-11', is_claim_deadline_passed: true, relief_deadline_date: '2026-12-11',
    last_action_date: null, last_action_kind: null, next_action_date: '2026-10-31', promise_status: null, promise_date: null,
    collective_procedure: 'receivership', procedure_date: '2026-06-11', declare_invoice_count: 14, declare_amount: 48753.26, post_judgment_invoice_count: 9, post_judgment_amount: 24678.03, post_judgment_stage: 'litigation',
    promise_logged_date: null, promise_invoice_ids: null, is_next_action_due: true, disputed_invoice_count: 0, disputed_amount: 0, contact_name: null, contact_role: null, contact_email: null, contact_phone: null,
    segment: null, has_letter: true, is_new: false,
  };

  it('states for a client under a collective procedure how much is to declare and how much to chase, apart', () => {
    const row = worklistRow(ctx, procedure, true);
    // The amount: the whole, then its two parts (not "of which overdue", which mixed them).
    expect(row.c[3]!.t).toBe(`73${nnbsp}431,29${nbsp}€`);
    expect(row.c[3]!.u).toEqual([[{ t: `à déclarer 48${nnbsp}753,26${nbsp}€ · 14 factures` }], [{ t: `à relancer 24${nnbsp}678,03${nbsp}€ · 9 factures` }]]);
    // The stage says by when to declare; under it, the stage of the invoices born after the judgment.
    expect(row.c[2]!.t).toBe('Déclarer la créance · délai dépassé depuis le 11/08/2026 : demander un relevé de forclusion au juge-commissaire au plus tard le 11/12/2026');
    expect(row.c[2]!.u).toEqual([[{ t: 'Factures émises après le jugement du 11/06/2026 : Contentieux (L622-17)' }]]);
    // The table's CSV carries both parts after the stage (its amount column is the whole, a number).
    expect(row.c[2]!.c).toBe('Déclarer la créance · délai dépassé depuis le 11/08/2026 : demander un relevé de forclusion au juge-commissaire au plus tard le 11/12/2026'
      + ` · à déclarer 48${nnbsp}753,26${nbsp}€ · 14 factures · à relancer 24${nnbsp}678,03${nbsp}€ · 9 factures`);
    // Nobody acted since the stage started: the next action is due at the as-of date, to do now
    // (the CSV keeps the date).
    expect(row.c[5]!.u).toEqual([[{ t: 'à faire maintenant' }]]);
    expect(row.c[5]!.c).toBe('– · 31/10/2026');
    // The stage filter finds it under "Déclarer la créance" and under "Contentieux", where its
    // invoices born after the judgment are (the select matches one of the row's stages).
    expect(row.d!.stage).toBe('declare_claim litigation');
    expect(rowMatches([{ kind: 'token', key: 'stage', value: 'litigation' }], row.d!)).toBe(true);
    expect(rowMatches([{ kind: 'token', key: 'stage', value: 'declare_claim' }], row.d!)).toBe(true);
    expect(rowMatches([{ kind: 'token', key: 'stage', value: 'formal_notice' }], row.d!)).toBe(false);
    // The browser, from rows.arrow, draws the same row: the file carries the new columns.
    expect(listFileRows(listFile('collections', [procedure], { currency: 'EUR' }), browser)[0]).toEqual(row);
  });

  it('says of a client under a procedure with only invoices born after the judgment that they are chased as usual', () => {
    // As C00198 on the sample: its claims to declare are foreclosed (listed apart), 5 invoices
    // issued after the judgment of 20/11/2025 remain, 21,747.33 at litigation.
    const row = worklistRow(ctx, {
      ...procedure, client_id: 'C00198', stage: 'litigation', invoice_count: 5, due_amount: 21747.33, overdue_amount: 21747.33, claim_deadline_date: null, is_claim_deadline_passed: null,
      relief_deadline_date: null, procedure_date: '2025-11-20', declare_invoice_count: 0, declare_amount: 0, post_judgment_invoice_count: 5, post_judgment_amount: 21747.33,
    }, true);
    expect(row.c[2]!.t).toBe('Contentieux');
    expect(row.c[2]!.u).toEqual([[{ t: 'En redressement judiciaire depuis le 20/11/2025 : factures émises après le jugement, relancées normalement (L622-17)' }]]);
    expect(row.c[3]!.u).toEqual([[{ t: `à relancer 21${nnbsp}747,33${nbsp}€ · 5 factures` }]]);
    // Its own stage is its invoices' stage: under it once.
    expect(row.d!.stage).toBe('litigation');
  });

  it('asks to reconcile a promise logged on invoices already paid, as a warning, instead of showing it as a promise', () => {
    // As C00714 on the sample: a promise logged on 31/10/2026 names F2026-018919, paid by that day
    // (already_settled); the client is at formal notice for its other invoices.
    const row = worklistRow(ctx, {
      ...procedure, stage: 'formal_notice', collective_procedure: null, procedure_date: null, declare_invoice_count: 0, declare_amount: 0, post_judgment_invoice_count: 0, post_judgment_amount: 0,
      post_judgment_stage: null, claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null,
      promise_status: 'already_settled', promise_date: '2026-11-07', promise_logged_date: '2026-10-31', promise_invoice_ids: 'F2026-018919',
    }, true);
    expect(row.c[2]!.u).toEqual([[{ t: 'Promesse saisie le 31/10/2026 sur F2026-018919, déjà réglée ce jour-là : saisie à rapprocher, quelles factures le client visait-il ?', k: 'warning' }]]);
    // A live promise keeps its status and date.
    const pending = worklistRow(ctx, { ...procedure, stage: 'formal_notice', collective_procedure: null, post_judgment_invoice_count: 0, promise_status: 'pending', promise_date: '2026-11-07', promise_logged_date: '2026-10-31', promise_invoice_ids: 'F1' }, true);
    expect(pending.c[2]!.u).toEqual([[{ t: 'Promesse en cours · 07/11/2026' }]]);
  });
});
