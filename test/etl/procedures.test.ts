// Collective procedures named by a client's legal status, in French or English: the one rule
// (collective_procedure_of / is_collective_procedure in etl/models/macros.sql) that the score,
// provisions, dunning and alerts read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, sqlString, type Database } from '../../shared/duckdb.ts';
import { modelsDir, orderedModels, readSqlFiles } from '../../etl/model-graph.ts';

let db: Database;

beforeAll(async () => {
  db = await openDatabase();
  await db.run(readSqlFiles(modelsDir).find((f) => f.name === 'macros')!.sql);
});

afterAll(() => db.close());

describe('collective_procedure_of', () => {
  const cases: [status: string | null, procedure: string | null, why: string][] = [
    ['Liquidation judiciaire', 'liquidation', 'French, capitalised'],
    ['LIQUIDATION JUDICIAIRE SIMPLIFIÉE', 'liquidation', 'upper case with an accent'],
    ['LJ', 'liquidation', 'the abbreviation'],
    ['Compulsory liquidation', 'liquidation', 'English'],
    ['Winding-up order', 'liquidation', 'English, winding up'],
    ['Bankruptcy (chapter 7)', 'liquidation', 'US'],
    ['Redressement judiciaire', 'receivership', 'French'],
    ['  redressement   judiciaire ', 'receivership', 'spaces'],
    ['RJ', 'receivership', 'the abbreviation'],
    ['In receivership', 'receivership', 'English'],
    ['In administration', 'receivership', 'UK administration'],
    ['Procédure collective', 'receivership', 'the generic French words, without saying which'],
    ['Insolvency proceedings', 'receivership', 'the generic English words'],
    ['Sauvegarde', 'safeguard', 'French'],
    ['Procédure de sauvegarde accélérée', 'safeguard', 'accelerated safeguard'],
    ['Safeguard proceedings', 'safeguard', 'English'],
    ['Actif', null, 'an active company'],
    ['Active', null, 'English'],
    ['Liquidation amiable', null, 'a solvent voluntary closure is no procedure'],
    ["Members' voluntary liquidation", null, 'the same in English'],
    ['Solvent', null, 'not "insolvent"'],
    ['', null, 'empty'],
    [null, null, 'no status'],
  ];
  it.each(cases)('%s → %s (%s)', async (status, procedure) => {
    const literal = status === null ? 'null::varchar' : sqlString(status);
    const [row] = await db.rows(`select collective_procedure_of(${literal}) as procedure, is_collective_procedure(${literal}) as is_procedure`);
    expect(row).toEqual({ procedure, is_procedure: procedure !== null });
  });
});

describe('is_pre_judgment', () => {
  // A claim the procedure holds (to declare, foreclosed if not, interest stopped) or one born after the
  // judgment (payable when due, L622-17), judged on the invoice's issue date against the judgment's.
  const cases: [issue: string, judgment: string | null, pre: boolean, why: string][] = [
    ['2024-03-10', '2024-03-11', true, 'issued the day before the judgment'],
    ['2024-03-11', '2024-03-11', true, 'issued on the judgment day: declared, the safe side'],
    ['2024-03-12', '2024-03-11', false, 'issued the day after: born after the judgment'],
    ['2030-01-01', null, true, 'judgment date unknown: every invoice stays under the procedure'],
  ];
  it.each(cases)('issued %s, judgment %s → %s (%s)', async (issue, judgment, pre) => {
    const [row] = await db.rows(`select is_pre_judgment(date ${sqlString(issue)}, ${judgment === null ? 'null::date' : `date ${sqlString(judgment)}`}) as pre`);
    expect(row).toEqual({ pre });
  });
});

describe('int_clients_checked procedure_date', () => {
  it('reads the judgment date in the file’s date format; an unreadable one is a warning and stays unknown', async () => {
    // Date format dd/mm/yyyy: '15/05/2024' → 2024-05-15; ISO is read too ('2024-06-01'); '31/13/2024'
    // is no date (month 13): NULL, with a warning naming it; '01/01/1890' is outside 1990–2099: NULL too.
    await db.run(`set variable date_format = '%d/%m/%Y'; set variable default_terms_days = 30`);
    await db.run(`create or replace table clients_file as select * from (values
      ('c.csv', 2, 'A', 'A SA', 'Redressement judiciaire', '15/05/2024'), ('c.csv', 3, 'B', 'B SA', 'Liquidation judiciaire', '2024-06-01'),
      ('c.csv', 4, 'C', 'C SA', 'Sauvegarde', '31/13/2024'), ('c.csv', 5, 'D', 'D SA', 'Sauvegarde', '01/01/1890'), ('c.csv', 6, 'E', 'E SA', 'Actif', null))
      t(source_file, line, client_id, name, legal_status, procedure_date)`);
    await db.run(`create or replace table raw_clients as select source_file, line, client_id, name, null::varchar as segment, null::varchar as sector,
      null::varchar as country, null::varchar as sales_rep, null::varchar as payment_terms, null::varchar as credit_limit, null::varchar as insured_limit,
      null::varchar as guarantee_amount, null::varchar as external_rating, legal_status, procedure_date,
      null::varchar as address_line_1, null::varchar as address_line_2, null::varchar as postcode, null::varchar as city, ',' as decimal_sign from clients_file`);
    await db.run(`create or replace table int_fec_lines_checked as select null::varchar as source_file, null::bigint as line, null::varchar as client_id,
      null::varchar as client_name, null::date as entry_date, null::varchar as item_kind where false`);
    await db.run(`create or replace table int_ledger_lines_checked as select * from int_fec_lines_checked`);
    // And an empty open-balance snapshot, whose clients int_clients_checked also reads.
    await db.run(`create or replace table int_snapshot_lines_checked as select null::varchar as source_file, null::bigint as line, null::varchar as client_id,
      null::varchar as client_name, null::date as issue_date, null::varchar as reject_reason where false`);
    const staging = orderedModels().find((m) => m.name === 'stg_clients')!;
    await db.run(`create or replace table stg_clients as ${staging.sql}`);
    const model = orderedModels().find((m) => m.name === 'int_clients_checked')!;
    // The warning is a code and its parts; reason_text words it in English as quality.reason does.
    const rows = await db.rows(`select client_id, procedure_date, reason_text(warning) as warning from (${model.sql}) order by client_id`);
    expect(rows).toEqual([
      { client_id: 'A', procedure_date: '2024-05-15', warning: null },
      { client_id: 'B', procedure_date: '2024-06-01', warning: null },
      { client_id: 'C', procedure_date: null, warning: "procedure date '31/13/2024' does not match the date format %d/%m/%Y; the claim deadline stays unknown" },
      { client_id: 'D', procedure_date: null, warning: 'procedure date 1890-01-01 is outside 1990–2099; the claim deadline stays unknown' },
      { client_id: 'E', procedure_date: null, warning: null },
    ]);
  });
});

// The claim of a client under a collective procedure, as of 31 October 2026 (claim deadline: judgment
// + 2 months, collections.claimDeadlineMonths; relief from the foreclosure: judgment + 6 months,
// Code de commerce L622-26, int_client_procedures), through dunning and the worklist, on tables
// written here. Every client's invoice is open and overdue; the procedure clients' PD is 0.9999.
//   P1 receivership, judgment 2026-09-30 (1 month ago): declare by 2026-11-30, not passed; relief until 2027-03-30.
//   P4 receivership, judgment 2026-06-30 (4 months ago): declare by 2026-08-30, passed; relief until
//      2026-12-30, on or after the as-of date: still an action (ask for relief).
//   P8 liquidation, judgment 2026-02-28 (8 months ago): declare by 2026-04-28; relief until 2026-08-28,
//      before the as-of date: foreclosed, to write off.
//   PU liquidation, judgment date unknown: declare, deadlines unknown (NULL), never foreclosed.
//   L  no procedure, grade B (PD 0.05), 3,000 due 2026-09-20: 41 days late, formal notice (day 30).
// Expected loss: P8 10,000 (the whole open amount, not × PD), P4 2,000 × 0.9999 = 1,999.80,
// P1 1,000 × 0.9999 = 999.90, PU 500 × 0.9999 = 499.95, L 3,000 × 0.05 = 150.00. By expected loss
// P8 would come first; foreclosed, it comes after every other: P4 1, P1 2, PU 3, L 4, P8 5. The
// worklist leaves P8 out (no call): P4, P1, PU, L.
describe('claim deadline, relief from the foreclosure and foreclosed claims', () => {
  const model = (name: string) => orderedModels().find((m) => m.name === name)!.sql;
  const setAsOf = (date: string) => db.run(`set variable as_of_date = date '${date}'`);

  beforeAll(async () => {
    await setAsOf('2026-10-31');
    await db.run(`set variable claim_deadline_months = 2; set variable follow_up_days = 7`);
    await db.run(`create or replace table int_clients as select * from (values
      ('P1', 'P1 SA', 'Redressement judiciaire', date '2026-09-30'), ('P4', 'P4 SA', 'Redressement judiciaire', date '2026-06-30'),
      ('P8', 'P8 SA', 'Liquidation judiciaire', date '2026-02-28'), ('PU', 'PU SA', 'Liquidation judiciaire', null::date), ('L', 'L SA', 'Actif', null::date))
      t(client_id, name, legal_status, procedure_date)`);
    await db.run(`create or replace table clients as select client_id, name, null::varchar as sales_rep from int_clients`);
    await db.run(`create or replace table client_risk as select client_id,
      case when client_id = 'L' then 'B' else 'E' end as grade, case when client_id = 'L' then 0.05 else 0.9999 end as pd_12m, 'score' as grade_source,
      collective_procedure_of(legal_status) as collective_procedure, procedure_date from int_clients`);
    await db.run(`create or replace table invoices as select * from (values
      ('P1', 'F-P1', 'F-P1', 'invoice', 1000.00, date '2026-08-01', date '2026-09-15', false),
      ('P4', 'F-P4', 'F-P4', 'invoice', 2000.00, date '2026-05-01', date '2026-06-15', false),
      ('P8', 'F-P8', 'F-P8', 'invoice', 10000.00, date '2026-01-01', date '2026-02-15', false),
      ('PU', 'F-PU', 'F-PU', 'invoice', 500.00, date '2026-05-01', date '2026-06-15', false),
      ('L', 'F-L', 'F-L', 'invoice', 3000.00, date '2026-08-21', date '2026-09-20', false))
      t(client_id, invoice_id, invoice_number, kind, open_amount, issue_date, due_date, is_disputed)`);
    await db.run(`create or replace table disputed_invoices as select client_id, invoice_id, open_amount from invoices where false`);
    await db.run(`create or replace table ref_dunning_schedule as select * from (values
      ('preventive_reminder', 1, -5), ('reminder_1', 2, 7), ('reminder_2', 3, 15), ('formal_notice', 4, 30), ('litigation', 5, 60)) t(stage, stage_order, days_from_due)`);
    await db.run(`create or replace table ref_grade_shift as select * from (values ('D', 5), ('E', 10)) t(grade, shift_days)`);
    await db.run(`create or replace table int_actions as select null::varchar as client_id, null::varchar as kind, null::date as action_date,
      []::varchar[] as invoice_ids, null::varchar as source_file, null::bigint as line where false`);
    await db.run(`create or replace table int_collection_pauses as select null::varchar as invoice_id, null::varchar as stage, null::date as paused_until_date where false`);
    await db.run(`create or replace table int_promises as select null::varchar as client_id, null::varchar as status, null::date as action_date, null::varchar as action_id,
      null::date as promise_date, null::decimal(18, 2) as promise_amount, null::decimal(18, 2) as open_amount, []::varchar[] as invoice_ids where false`);
    await db.run(`create or replace table int_contacts as select null::varchar as client_id, null::varchar as name, null::varchar as role, null::varchar as email,
      null::varchar as phone, 1 as contact_order where false`);
    await db.run(`create or replace table int_client_procedures as ${model('int_client_procedures')}`);
    await db.run(`create or replace table dunning as ${model('dunning')}`);
    await db.run(`create or replace table worklist as ${model('worklist')}`);
  });

  it('dates the claim and the relief deadlines from the judgment, and says which claims are foreclosed', async () => {
    expect(await db.rows(`select client_id, claim_deadline_date, relief_deadline_date, is_claim_foreclosed from int_client_procedures order by client_id`)).toEqual([
      { client_id: 'P1', claim_deadline_date: '2026-11-30', relief_deadline_date: '2027-03-30', is_claim_foreclosed: false },
      { client_id: 'P4', claim_deadline_date: '2026-08-30', relief_deadline_date: '2026-12-30', is_claim_foreclosed: false },
      { client_id: 'P8', claim_deadline_date: '2026-04-28', relief_deadline_date: '2026-08-28', is_claim_foreclosed: true },
      { client_id: 'PU', claim_deadline_date: null, relief_deadline_date: null, is_claim_foreclosed: false },
    ]);
  });

  it('keeps the relief deadline itself open and forecloses the day after it', async () => {
    // P4's relief deadline is 2026-12-30: as of that day the action can still be brought; as of the 31st it cannot.
    const p4 = () => db.value<boolean>(`select is_claim_foreclosed from (${model('int_client_procedures')}) where client_id = 'P4'`);
    await setAsOf('2026-12-30');
    expect(await p4()).toBe(false);
    await setAsOf('2026-12-31');
    expect(await p4()).toBe(true);
    await setAsOf('2026-10-31');
  });

  it('gives each claim its stage and deadlines, and ranks a foreclosed claim after every live action, its expected loss the whole open amount', async () => {
    expect(await db.rows(`select priority, client_id, stage, claim_deadline_date, is_claim_deadline_passed, relief_deadline_date, expected_loss_amount::double as expected_loss
      from dunning order by priority`)).toEqual([
      { priority: 1, client_id: 'P4', stage: 'declare_claim', claim_deadline_date: '2026-08-30', is_claim_deadline_passed: true, relief_deadline_date: '2026-12-30', expected_loss: 1999.8 },
      { priority: 2, client_id: 'P1', stage: 'declare_claim', claim_deadline_date: '2026-11-30', is_claim_deadline_passed: false, relief_deadline_date: '2027-03-30', expected_loss: 999.9 },
      { priority: 3, client_id: 'PU', stage: 'declare_claim', claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null, expected_loss: 499.95 },
      { priority: 4, client_id: 'L', stage: 'formal_notice', claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null, expected_loss: 150 },
      { priority: 5, client_id: 'P8', stage: 'claim_foreclosed', claim_deadline_date: '2026-04-28', is_claim_deadline_passed: true, relief_deadline_date: '2026-08-28', expected_loss: 10000 },
    ]);
  });

  it('provides a foreclosed claim in full (basis foreclosed), whatever the procedure\'s own rate', async () => {
    // As of 31 January 2027, on the amounts including tax, default rates (receivership 50 %,
    // liquidation 100 %, foreclosed 100 %, overdue beyond 180 days 50 %):
    //   P1 receivership, relief until 2027-03-30: still open; due 2026-09-15, 138 days: 50 % of 1,000 = 500.
    //   P4 receivership, relief until 2026-12-30: foreclosed; 100 % (not the procedure's 50 %) of 2,000 = 2,000.
    //   P8 liquidation and foreclosed, both 100 %: the first basis by name, foreclosed; 10,000.
    //   PU liquidation, judgment date unknown, never foreclosed: 100 % of 500 = 500.
    //   L  no procedure, 133 days late: no specific provision.
    await setAsOf('2027-01-31');
    await db.run(`set variable provision_base = 'incl_tax'; set variable specific_overdue_days = 180`);
    await db.run(`create or replace table ref_specific_provision_rates as select * from (values
      ('liquidation', 1.0), ('receivership', 0.5), ('safeguard', 0.5), ('foreclosed', 1.0), ('doubtful', 0.5), ('dispute', 0.5), ('overdue', 0.5)) t(basis, rate)`);
    await db.run(`create or replace table int_doubtful_clients as select null::varchar as client_id where false`);
    await db.run(`create or replace table int_provision_matrix as select null::date as month_end, null::varchar as method, null::varchar as bucket, null::integer as bucket_order,
      null::varchar as client_id, null::decimal(18, 2) as balance_amount, null::double as rate, null::decimal(18, 2) as amount, null::varchar as basis where false`);
    await db.run(`create or replace table int_booked_provisions as select null::date as month_end, null::varchar as client_id, null::decimal(18, 2) as amount where false`);
    await db.run(`create or replace table provision_invoices as select invoices.*, open_amount as amount, null::decimal(18, 2) as amount_excl_tax,
      (date '2027-01-31' - due_date)::integer as days_past_due, '>90' as bucket, 1 as bucket_order from invoices`);
    await db.run(`create or replace table provision_procedures as ${model('int_client_procedures')}`);
    await db.run(`create or replace table provision_dunning as ${model('dunning').replace(/\bint_client_procedures\b/g, 'provision_procedures')}`);
    await db.run(`create or replace table provision_clients as select client_id, legal_status, procedure_date from int_clients`);
    const provisions = model('provisions').replace(/\binvoices\b/g, 'provision_invoices').replace(/\bdunning\b/g, 'provision_dunning').replace(/\bclients\b/g, 'provision_clients');
    expect(await db.rows(`select client_id, basis, rate, amount::double as amount from (${provisions}) where method = 'specific' order by client_id`)).toEqual([
      { client_id: 'P1', basis: 'receivership', rate: 0.5, amount: 500 },
      { client_id: 'P4', basis: 'foreclosed', rate: 1, amount: 2000 },
      { client_id: 'P8', basis: 'foreclosed', rate: 1, amount: 10000 },
      { client_id: 'PU', basis: 'liquidation', rate: 1, amount: 500 },
    ]);
    await setAsOf('2026-10-31');
  });

  it('leaves a foreclosed claim out of the worklist: it is no call', async () => {
    expect(await db.rows(`select priority, client_id, stage, claim_deadline_date, is_claim_deadline_passed, relief_deadline_date from worklist order by priority`)).toEqual([
      { priority: 1, client_id: 'P4', stage: 'declare_claim', claim_deadline_date: '2026-08-30', is_claim_deadline_passed: true, relief_deadline_date: '2026-12-30' },
      { priority: 2, client_id: 'P1', stage: 'declare_claim', claim_deadline_date: '2026-11-30', is_claim_deadline_passed: false, relief_deadline_date: '2027-03-30' },
      { priority: 3, client_id: 'PU', stage: 'declare_claim', claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null },
      { priority: 4, client_id: 'L', stage: 'formal_notice', claim_deadline_date: null, is_claim_deadline_passed: null, relief_deadline_date: null },
    ]);
  });
});
