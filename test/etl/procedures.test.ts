// Collective procedures named by a client's legal status, in French or English: the one rule
// (collective_procedure_of / is_collective_procedure in etl/models/macros.sql) that the score,
// provisions, dunning and alerts read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, sqlString, type Database } from '../../shared/duckdb.ts';
import { modelsDir, readSqlFiles } from '../../etl/model-graph.ts';

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
