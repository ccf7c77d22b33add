// A client's page shows its alerts grouped by kind (the mart client_alert_kinds): a kind with several
// alerts (one per invoice more than 60 or 90 days past due) is one row saying how many, the amount at
// stake and since when; a kind with one alert keeps its own sentence. Worded per language from codes.
// Also the collective procedure's judgment date and claim deadline its identity card reads
// (client_procedures) and today's dunning actions grouped (dunning_groups). The marts' SQL is run on
// small tables written here, expected values by hand.
import { describe, expect, it } from 'vitest';

import { martFiles } from '../../etl/model-graph.ts';
import { openDatabase } from '../../shared/duckdb.ts';
import { makeFormat } from '../../site/lib/format.ts';
import { financeLanguages } from '../../site/lib/i18n/finance.ts';
import { en } from '../../site/lib/i18n/en.ts';
import { fr } from '../../site/lib/i18n/fr.ts';
import type { AlertsRow, DunningGroupsRow } from '../../site/lib/warehouse/tables.ts';
import { warehouseColumnTypes, type WarehouseTable } from '../../site/lib/warehouse/tables.ts';

const nbsp = '\u00a0';
const nnbsp = '\u202f';
const frFormat = makeFormat('fr-FR', 'EUR', fr);
const enFormat = makeFormat('en-GB', 'EUR', en);

/** What the client page's reason cell says for a kind with `n` alerts and `amount` at stake. */
function worded(language: 'fr' | 'en', alert: string, n: number, amount: number): string {
  const format = language === 'fr' ? frFormat : enFormat;
  return financeLanguages[language].collections.alertKindDetail(alert, format.integer(n), format.pluralOf(n), format.money(amount));
}

describe('a client’s alerts of one kind, grouped', () => {
  it('in French: how many invoices, plural or singular, and what remains due on them', () => {
    expect(worded('fr', 'overdue_90', 4, 9942.16)).toBe(`4 factures à plus de 90 jours de retard, reste dû 9${nnbsp}942${nbsp}€`);
    expect(worded('fr', 'overdue_60', 1, 985.36)).toBe(`1 facture à plus de 60 jours de retard, reste dû 985${nbsp}€`);
    // 1 234 invoices: the count is grouped like any French number.
    expect(worded('fr', 'overdue_60', 1234, 1_500_000)).toBe(`1${nnbsp}234 factures à plus de 60 jours de retard, reste dû 1${nnbsp}500${nnbsp}000${nbsp}€`);
    // French puts 0 and 1 in the singular.
    expect(worded('fr', 'overdue_90', 0, 0)).toBe(`0 facture à plus de 90 jours de retard, reste dû 0${nbsp}€`);
    expect(worded('fr', 'promise_broken', 2, 1500)).toBe(`2 promesses non tenues : 1${nnbsp}500${nbsp}€ encore dus`);
    expect(worded('fr', 'promise_broken', 1, 300)).toBe(`1 promesse non tenue : 300${nbsp}€ encore dus`);
    expect(worded('fr', 'grade_drop', 2, 0)).toBe('2 alertes');
  });

  it('in English: the same, with British number and currency formats', () => {
    expect(worded('en', 'overdue_90', 4, 9942.16)).toBe('4 invoices more than 90 days past due, €9,942 open');
    expect(worded('en', 'overdue_60', 1, 985.36)).toBe('1 invoice more than 60 days past due, €985 open');
    expect(worded('en', 'overdue_60', 1234, 1_500_000)).toBe('1,234 invoices more than 60 days past due, €1,500,000 open');
    // English puts 0 in the plural.
    expect(worded('en', 'overdue_90', 0, 0)).toBe('0 invoices more than 90 days past due, €0 open');
    expect(worded('en', 'promise_broken', 2, 1500)).toBe('2 promises not kept: €1,500 still open');
    expect(worded('en', 'promise_broken', 1, 300)).toBe('1 promise not kept: €300 still open');
    expect(worded('en', 'grade_drop', 1, 0)).toBe('1 alert');
  });
});

/**
 * The rows of the mart `mart` run on tables made of rows of the named columns (every other column
 * of a table NULL, of the dictionary's type).
 */
async function martOn(mart: string, tables: Partial<Record<WarehouseTable, string[]>>): Promise<Record<string, unknown>[]> {
  const db = await openDatabase();
  try {
    for (const [table, rows] of Object.entries(tables) as [WarehouseTable, string[]][]) {
      const types = warehouseColumnTypes[table] as Record<string, string>;
      const select = rows.map((row) => {
        const given = new Map(Object.entries(JSON.parse(row) as Record<string, string>));
        return `select ${Object.entries(types).map(([name, type]) => `${given.get(name) ?? 'null'}::${type} as ${name}`).join(', ')}`;
      }).join(' union all ');
      await db.run(`create table ${table} as ${select}`);
    }
    return await db.rows(martFiles().find((m) => m.name === mart)!.sql);
  } finally {
    db.close();
  }
}

const alert = (columns: Record<string, string>) => JSON.stringify(columns);

describe('client_alert_kinds', () => {
  it('counts each kind per client, sums its amounts, keeps the earliest date; a lone alert is worded from its own row', async () => {
    const alerts = [
        // C1: three invoices more than 90 days past due, first seen 2026-10-05, 2026-10-20, 2026-10-12.
        alert({ alert: "'overdue_90'", client_id: "'C1'", invoice_id: "'F1'", first_seen_date: "'2026-10-05'", amount: '100.10', detail: "'invoice F1 …'", grade: "'D'" }),
        alert({ alert: "'overdue_90'", client_id: "'C1'", invoice_id: "'F2'", first_seen_date: "'2026-10-20'", amount: '200.20', detail: "'invoice F2 …'", grade: "'D'" }),
        alert({ alert: "'overdue_90'", client_id: "'C1'", invoice_id: "'F3'", first_seen_date: "'2026-10-12'", amount: '300.30', detail: "'invoice F3 …'", grade: "'D'" }),
        // C1: one over its limit (exposure 5,000.00 against a limit of 4,000.00: 1,000.00 beyond it, its money at risk).
        alert({ alert: "'over_limit'", client_id: "'C1'", first_seen_date: "'2026-06-30'", amount: '1000.00', limit_amount: '4000.00', detail: "'exposure …'", grade: "'D'" }),
        // C2: one invoice more than 60 days past due.
        alert({ alert: "'overdue_60'", client_id: "'C2'", invoice_id: "'F9'", first_seen_date: "'2026-10-30'", amount: '42.00', detail: "'invoice F9 …'", grade: "'B'" }),
    ];
    const rows = await martOn('client_alert_kinds', { alerts });
    expect(rows.map((r) => [r.client_id, r.alert, r.alert_count, r.first_seen_date, r.amount])).toEqual([
      // Newest kind first for each client: overdue_90 since 2026-10-05 (its earliest), then over_limit since 2026-06-30.
      ['C1', 'overdue_90', 3, '2026-10-05', 600.6], // 100.10 + 200.20 + 300.30
      ['C1', 'over_limit', 1, '2026-06-30', 1000],
      ['C2', 'overdue_60', 1, '2026-10-30', 42],
    ]);
    // A lone alert is worded from its own row, as on the full alert list; a group by its count.
    const own = (invoice: string | null, limit: string | null): AlertsRow => ({
      alert: invoice ? 'overdue_60' : 'over_limit', client_id: 'C', invoice_id: invoice, first_seen_date: '2026-10-30', amount: invoice ? 42 : 1000, detail: '', limit_amount: limit ? Number(limit) : null,
      previous_grade: null, grade: null, pd_12m: null, grade_source: null, collective_procedure: null, days_late_calendar_3m: null, days_late_calendar_12m: null, payment_terms: null, longest_days: null,
    });
    const labels = financeLanguages.fr.collections;
    expect(labels.alertDetail(own('F9', null), frFormat.money)).toBe('Facture F9 à plus de 60 jours de retard');
    expect(labels.alertDetail(own(null, '4000'), frFormat.money)).toBe(`Encours dépassant de 1${nnbsp}000${nbsp}€ la limite de crédit de 4${nnbsp}000${nbsp}€`);
    expect(labels.alertKindDetail('overdue_90', frFormat.integer(3), frFormat.pluralOf(3), frFormat.money(600.6)))
      .toBe(`3 factures à plus de 90 jours de retard, reste dû 601${nbsp}€`);
  });
});

describe('client_procedures', () => {
  it('gives the judgment date, the dunning table’s claim and relief deadlines of each client under a procedure, what of its claim is foreclosed, and nothing for the others', async () => {
    const rows = await martOn('client_procedures', {
      client_risk: [
        alert({ client_id: "'C1'", grade: "'E'", collective_procedure: "'receivership'", procedure_date: "'2026-05-10'" }),
        // Under a procedure, judgment date unknown, nothing open: no dunning row.
        alert({ client_id: "'C2'", grade: "'E'", collective_procedure: "'liquidation'" }),
        alert({ client_id: "'C3'", grade: "'B'" }),
        alert({ client_id: "'C4'", grade: "'E'", collective_procedure: "'liquidation'", procedure_date: "'2026-03-02'" }),
      ],
      dunning: [
        // Judgment 10 May 2026 → deadline 10 July 2026, passed at the as-of date (31 October 2026); relief
        // until 10 November 2026 (judgment + 6 months), still open: the ETL's columns, read as they are.
        alert({ client_id: "'C1'", invoice_id: "'F1'", stage: "'declare_claim'", open_amount: '100', claim_deadline_date: "'2026-07-10'", is_claim_deadline_passed: 'true', relief_deadline_date: "'2026-11-10'" }),
        alert({ client_id: "'C1'", invoice_id: "'F2'", stage: "'declare_claim'", open_amount: '200', claim_deadline_date: "'2026-07-10'", is_claim_deadline_passed: 'true', relief_deadline_date: "'2026-11-10'" }),
        alert({ client_id: "'C3'", invoice_id: "'F3'", stage: "'reminder_1'", open_amount: '50' }),
        // Judgment 2 March 2026 → relief until 2 September 2026, passed: foreclosed, 1,200 + 300 = 1,500 on 2 invoices.
        alert({ client_id: "'C4'", invoice_id: "'F4'", stage: "'claim_foreclosed'", open_amount: '1200', claim_deadline_date: "'2026-05-02'", is_claim_deadline_passed: 'true', relief_deadline_date: "'2026-09-02'" }),
        alert({ client_id: "'C4'", invoice_id: "'F5'", stage: "'claim_foreclosed'", open_amount: '300', claim_deadline_date: "'2026-05-02'", is_claim_deadline_passed: 'true', relief_deadline_date: "'2026-09-02'" }),
      ],
    });
    expect(rows).toEqual([
      { client_id: 'C1', collective_procedure: 'receivership', procedure_date: '2026-05-10', claim_deadline_date: '2026-07-10', is_claim_deadline_passed: true,
        relief_deadline_date: '2026-11-10', foreclosed_invoice_count: 0, foreclosed_amount: 0 },
      { client_id: 'C2', collective_procedure: 'liquidation', procedure_date: null, claim_deadline_date: null, is_claim_deadline_passed: null,
        relief_deadline_date: null, foreclosed_invoice_count: 0, foreclosed_amount: 0 },
      { client_id: 'C4', collective_procedure: 'liquidation', procedure_date: '2026-03-02', claim_deadline_date: '2026-05-02', is_claim_deadline_passed: true,
        relief_deadline_date: '2026-09-02', foreclosed_invoice_count: 2, foreclosed_amount: 1500 },
    ]);
  });
});

describe('dunning_groups', () => {
  it('puts the invoices at the same stage for the same reason on one row, most urgent first, with their open amount and days from due', async () => {
    const row = (invoice: string, priority: number, stage: string, days: number, open: string) => alert({
      client_id: "'C1'", invoice_id: `'${invoice}'`, priority: String(priority), stage: `'${stage}'`, scheduled_stage: `'${stage}'`, is_disputed: 'false',
      schedule_day: stage === 'litigation' ? '60' : stage === 'formal_notice' ? '30' : '-5', stage_start_day: stage === 'litigation' ? '50' : stage === 'formal_notice' ? '20' : '-5',
      shift_days: '10', grade: "'E'", days_from_due: String(days), open_amount: open,
    });
    const groups = (await martOn('dunning_groups', {
      dunning: [
        row('F1', 3, 'litigation', 106, '5466.27'),
        row('F2', 1, 'litigation', 59, '4176.47'),
        row('F3', 7, 'litigation', 92, '2070.87'),
        row('F4', 2, 'formal_notice', 37, '1915.52'),
        // Before its due date (4 days to go): a row of its own, even at the same stage as an invoice already due.
        row('F5', 9, 'preventive_reminder', -4, '100.00'),
        row('F6', 8, 'preventive_reminder', -1, '200.00'),
      ],
    })) as unknown as DunningGroupsRow[];
    expect(groups.map((g) => [g.stage, g.invoice_ids, g.invoice_count, g.open_amount, g.days_from_due, g.days_from_due_max, g.client_invoice_count])).toEqual([
      ['litigation', 'F2, F1, F3', 3, 11713.61, 59, 106, 6], // 4 176,47 + 5 466,27 + 2 070,87, by priority 1, 3, 7
      ['formal_notice', 'F4', 1, 1915.52, 37, 37, 6],
      ['preventive_reminder', 'F6, F5', 2, 300, -4, -1, 6],
    ]);
    const fr = financeLanguages.fr.collections.dunningReason;
    const en = financeLanguages.en.collections.dunningReason;
    expect(fr(groups[0]!)).toBe('59 à 106 jours de retard : contentieux dès le jour 50 (jour 60, avancé de 10 jours pour la note E)');
    expect(en(groups[0]!)).toBe('59 to 106 days past due: litigation from day 50 (day 60, 10 days earlier for grade E)');
    // A lone invoice is worded as on the worklist.
    expect(fr(groups[1]!)).toBe('37 jours de retard : mise en demeure dès le jour 20 (jour 30, avancé de 10 jours pour la note E)');
    expect(fr(groups[2]!)).toBe('Échéance dans 1 à 4 jours : relance préventive dès 5 jours avant l’échéance');
    expect(en(groups[2]!)).toBe('Due in 1 to 4 days: preventive reminder from 5 days before the due date');
  });
});
