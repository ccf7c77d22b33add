// The site's row types (site/lib/warehouse/tables.ts) are generated from the data dictionary: the
// committed file must be what `npm run types` writes today, or a column renamed in a mart would
// reach the site with its old name.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { siteRowTypesFile, siteRowTypesSource } from '../../etl/site-row-types.ts';

describe('siteRowTypesSource', () => {
  it('is what site/lib/warehouse/tables.ts holds (run `npm run types` after changing a mart’s .json)', () => {
    expect(readFileSync(siteRowTypesFile, 'utf8')).toBe(siteRowTypesSource());
  });

  it('types each DuckDB column as shared/duckdb.ts hands it over, every one nullable', () => {
    const source = siteRowTypesSource([
      {
        table: 'example',
        description: '',
        columns: [
          { name: 'client_id', type: 'VARCHAR', description: '' },
          { name: 'month_end', type: 'DATE', description: '' },
          { name: 'open_amount', type: 'DECIMAL(18,2)', description: '' },
          { name: 'days_late', type: 'INTEGER', description: '' },
          { name: 'is_disputed', type: 'BOOLEAN', description: '' },
        ],
      },
    ]);
    expect(source).toContain('  example: z.object({\n    client_id: text,\n    month_end: date,\n    open_amount: number,\n    days_late: number,\n    is_disputed: flag,\n  }),');
    expect(source).toContain("  example: { client_id: 'VARCHAR', month_end: 'DATE', open_amount: 'DECIMAL(18,2)', days_late: 'INTEGER', is_disputed: 'BOOLEAN' },");
    expect(source).toContain('export type ExampleRow = z.infer<typeof warehouseTables.example>;');
  });

  it('types a column its contract declares not_null (a test the runner enforces) as present, the others nullable', () => {
    const source = siteRowTypesSource([
      {
        table: 'example',
        description: '',
        columns: [
          { name: 'client_id', type: 'VARCHAR', description: '' },
          { name: 'open_amount', type: 'DECIMAL(18,2)', description: '' },
          { name: 'promise_date', type: 'DATE', description: '' },
        ],
        tests: [{ unique: ['client_id'] }, { not_null: ['client_id', 'open_amount'] }],
      },
    ]);
    expect(source).toContain('  example: z.object({\n    client_id: present.text,\n    open_amount: present.number,\n    promise_date: date,\n  }),');
  });

  it('refuses a DuckDB type it has no site type for, rather than guessing', () => {
    expect(() => siteRowTypesSource([{ table: 't', description: '', columns: [{ name: 'c', type: 'BLOB', description: '' }] }])).toThrow(/no site type for the DuckDB type BLOB/);
  });
});
