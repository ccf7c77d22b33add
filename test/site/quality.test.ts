// The data-quality page's summary: reasons grouped once their variable parts are blanked, counts
// per severity. Reasons are the ETL's own wording (etl/models/quality/quality.sql, staging models).
import { describe, expect, it } from 'vitest';

import { countBySeverity, groupReasons, reasonPattern } from '../../site/lib/quality.ts';

describe('reasonPattern', () => {
  it('blanks quoted values, so two bad dates read as one kind of problem', () => {
    const format = 'does not match the date format %d/%m/%Y';
    expect(reasonPattern(`issue date '2024-02-30' ${format}`)).toBe(`issue date '…' ${format}`);
    expect(reasonPattern(`issue date '31/13/2024' ${format}`)).toBe(`issue date '…' ${format}`);
  });

  it('blanks a number the site wrote with its thousands grouped as one #, not "# #"', () => {
    // French groups thousands with a narrow no-break space (U+202F), some formats with U+00A0.
    expect(reasonPattern('Pénalités de retard : 11\u202f233 jours de retard postérieurs au dernier semestre du barème BCE ne sont pas chiffrés'))
      .toBe('Pénalités de retard : # jours de retard postérieurs au dernier semestre du barème BCE ne sont pas chiffrés');
    expect(reasonPattern('12\u00a0345 lignes écartées')).toBe('# lignes écartées');
  });

  it("blanks the record's own id and the ids named after 'invoice' and 'client', not the words 'invoice id'", () => {
    expect(reasonPattern('duplicate invoice id INV-7 (the first line is kept)', 'INV-7')).toBe('duplicate invoice id … (the first line is kept)');
    expect(reasonPattern('payment names invoice F9, which is not an invoice of client C1; matched oldest due first instead', 'P3')).toBe(
      'payment names invoice …, which is not an invoice of client …; matched oldest due first instead',
    );
    expect(reasonPattern('client C42 is not in the clients file; shown under its id', 'C42')).toBe('client … is not in the clients file; shown under its id');
    expect(reasonPattern('missing client id', '<b>x</b>')).toBe('missing client id');
  });

  it('blanks numbers and dates, and an id made of digits only where it stands alone', () => {
    expect(reasonPattern('dated after the as-of date 2024-03-31; left out of this run', '2')).toBe('dated after the as-of date #; left out of this run');
    expect(reasonPattern('TOO MANY COLUMNS: Expected Number of Columns: 8 Found: 9')).toBe('TOO MANY COLUMNS: Expected Number of Columns: # Found: #');
  });
});

describe('countBySeverity', () => {
  it('counts each severity and says 0 for one that does not occur', () => {
    expect(countBySeverity([{ severity: 'error' }, { severity: 'info' }, { severity: 'error' }])).toEqual({ error: 2, warning: 0, info: 1 });
  });
});

describe('groupReasons', () => {
  it('groups by severity, input and pattern: errors first, then the largest groups, keeping the first reason as the example', () => {
    const row = (severity: string, input: string, reason: string, record_id: string | null = null) => ({ severity, input, reason, record_id });
    const groups = groupReasons([
      row('info', 'invoices', 'dated after the as-of date 2024-03-31; left out of this run', 'L1'),
      row('error', 'invoices', "amount 'abc' is not a number", '@SUM(1+1)'),
      row('error', 'invoices', "issue date '2024-02-30' does not match the date format %Y-%m-%d", 'X'),
      row('warning', 'invoices', 'due date before the issue date', 'W1'),
      row('error', 'invoices', "issue date '2024-02-31' does not match the date format %Y-%m-%d", 'B9'),
      row('error', 'payments', "amount 'abc' is not a number", 'P1'),
    ]);
    // 2 bad dates in one group; the two bad amounts stay apart (invoices, payments); then warning, info.
    expect(groups.map((g) => [g.severity, g.input, g.pattern, g.count])).toEqual([
      ['error', 'invoices', "issue date '…' does not match the date format %Y-%m-%d", 2],
      ['error', 'invoices', "amount '…' is not a number", 1],
      ['error', 'payments', "amount '…' is not a number", 1],
      ['warning', 'invoices', 'due date before the issue date', 1],
      ['info', 'invoices', 'dated after the as-of date #; left out of this run', 1],
    ]);
    expect(groups[0]!.example).toBe("issue date '2024-02-30' does not match the date format %Y-%m-%d");
  });
});
