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
