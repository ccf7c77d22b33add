// Payment terms as people write them → due dates, and the French legal ceiling. Every expected
// date below was counted on a calendar by hand (2024 is a leap year, 2023 and 2025 are not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, sqlString, type Database } from '../../shared/duckdb.ts';
import { modelsDir, readSqlFiles } from '../../etl/model-graph.ts';

let db: Database;

beforeAll(async () => {
  db = await openDatabase();
  await db.run(readSqlFiles(modelsDir).find((f) => f.name === 'macros')!.sql);
});

afterAll(() => db.close());

describe('due dates from payment terms', () => {
  const cases: [terms: string, issue: string, due: string | null, why: string][] = [
    ['30 jours fin de mois', '2024-01-15', '2024-02-29', '15 Jan + 30 = 14 Feb, end of a leap February'],
    ['30 jours fin de mois', '2023-01-15', '2023-02-28', '15 Jan + 30 = 14 Feb, end of a common February'],
    ['30 jours fin de mois', '2024-01-31', '2024-03-31', '31 Jan + 30 = 1 Mar (leap year), end of March'],
    ['30 days end of month', '2023-01-31', '2023-03-31', '31 Jan + 30 = 2 Mar, end of March'],
    ['45 jours fin de mois', '2024-01-10', '2024-02-29', '10 Jan + 45 = 24 Feb, end of a leap February'],
    ['45 jours fin de mois', '2025-01-20', '2025-03-31', '20 Jan + 45 = 6 Mar'],
    ['45 days EOM', '2024-12-20', '2025-02-28', '20 Dec + 45 = 3 Feb 2025, a common February'],
    ['30j fdm', '2024-01-05', '2024-02-29', 'abbreviated: 5 Jan + 30 = 4 Feb'],
    ['60 jours fin de mois', '2024-01-15', '2024-03-31', '15 Jan + 60 = 15 Mar'],
    ['60 jours date de facture', '2024-01-01', '2024-03-01', '31 days of January + 29 of February'],
    ['60 jours date de facture', '2023-01-01', '2023-03-02', '31 days of January + 28 of February + 1'],
    ['net 30', '2024-02-15', '2024-03-16', '14 days to 29 Feb, 16 more'],
    ['30 jours fin de mois le 10', '2024-01-15', '2024-03-10', '14 Feb → 29 Feb → the 10th of March'],
    ['30 jours fin de mois le 10', '2023-12-20', '2024-02-10', '19 Jan → 31 Jan → the 10th of February'],
    ['fin de mois le 10', '2024-02-05', '2024-03-10', 'end of the issue month, then the 10th'],
    ['fin de mois + 45 jours', '2024-01-15', '2024-03-16', 'month end first: 31 Jan + 45 = 16 Mar'],
    ['comptant', '2024-02-29', '2024-02-29', 'cash: on the invoice date'],
    ['À réception de facture', '2025-06-30', '2025-06-30', 'on receipt, capitals and accents'],
    ['selon contrat', '2024-01-15', null, 'not understood: NULL, so the default applies'],
  ];

  it.each(cases)('%s from %s is due %s (%s)', async (terms, issue, due) => {
    const [row] = await db.rows<{ due: string | null }>(`select terms_due_date(date ${sqlString(issue)}, ${sqlString(terms)}) as due`);
    expect(row!.due).toBe(due);
  });
});

describe('the legal ceiling (60 days from the invoice, or 45 days end of month counted either way)', () => {
  // A term is beyond the ceiling when some invoice date of a leap year gets a due date later than
  // all of: issue + 60, (issue + 45) then month end, month end then + 45 (as alerts.sql checks it).
  async function longestDays(terms: string): Promise<{ longest: number; beyond: boolean }> {
    const [row] = await db.rows<{ longest: number; beyond: boolean }>(`
      select max(terms_due_date(d::date, ${sqlString(terms)}) - d::date) as longest,
             bool_or(is_due_beyond_legal_ceiling(d::date, terms_due_date(d::date, ${sqlString(terms)}))) as beyond
      from range(date '2024-01-01', date '2025-01-01', interval 1 day) as t(d)`);
    return row!;
  }

  it.each([
    // 45 days end of month reaches at most 31 days after day 45: issue 16 Jan → 1 Mar → 31 Mar, 75 days.
    ['45 jours fin de mois', 75, false],
    ['fin de mois + 45 jours', 75, false],
    ['60 jours date de facture', 60, false],
    ['30 jours fin de mois', 60, false],
    ['comptant', 0, false],
    ['61 jours date de facture', 61, true],
    ['60 jours fin de mois', 90, true],
    // 31 Jan + 30 = 1 Mar → 31 Mar → 10 Apr: 70 days, later than 31 Mar (the latest the law allows).
    ['30 jours fin de mois le 10', 70, true],
  ] as const)('%s: longest %i days, beyond: %s', async (terms, longest, beyond) => {
    expect(await longestDays(terms)).toEqual({ longest, beyond });
  });
});
