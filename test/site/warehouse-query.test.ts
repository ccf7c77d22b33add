// Data enters the site through site/lib/read.ts, checked against the types generated
// from the data dictionary: a warehouse whose columns or manifest are not what the site reads
// stops the build, naming what is wrong, instead of leaving blanks on pages.
import { beforeAll, describe, expect, it } from 'vitest';

import { siteReading, testManifest, writeWarehouse } from './site-warehouse.ts';

const manifest = testManifest('2024-03-31', '2024-04-01T00:00:00Z');

/** A warehouse folder holding `manifest.json` and each table written from a SELECT. */
const warehouse = (tables: Record<string, string>, manifestJson: unknown = manifest) => writeWarehouse(tables, manifestJson, 'encours-site-query-');

const kpiColumns = `date '2024-03-31' as month_end, 'company' as scope, 'all' as scope_value, 1000.00::decimal(18,2) as receivables,
  200.00::decimal(18,2) as overdue, 0.2::double as share_overdue, 500.00::decimal(18,2) as sales`;

describe('read', () => {
  let complete: string;
  beforeAll(async () => {
    const { warehouseColumnTypes } = await import('../../site/lib/warehouse/tables.ts');
    // Every kpi_monthly column with its dictionary type; NULL where the test does not care.
    const columns = Object.entries(warehouseColumnTypes.kpi_monthly).map(([name, type]) => {
      const known: Record<string, string> = { month_end: "date '2024-03-31'", scope: "'company'", scope_value: "'all'", receivables: '1000.00', not_due_amount: '800.00', overdue: '200.00', sales: '500.00', dso_countback: '42.5' };
      return `${known[name] ?? 'null'}::${type} as ${name}`;
    });
    complete = await warehouse({ kpi_monthly: `select ${columns.join(', ')}` });
  });

  it('returns the rows of a warehouse that has the columns the site expects', async () => {
    const site = await siteReading(complete);
    const [month] = await site.read('kpi_monthly', { scope: 'company' });
    expect(month).toMatchObject({ month_end: '2024-03-31', receivables: 1000, overdue: 200, sales: 500, dso_countback: 42.5 });
  });

  it('stops, naming the table and the column, when a column was renamed in SQL', async () => {
    const site = await siteReading(await warehouse({ kpi_monthly: `select ${kpiColumns}, 42.5::double as dso_countback_days` }));
    await expect(site.read('kpi_monthly')).rejects.toThrow(/warehouse table kpi_monthly .*dso_countback \(DOUBLE\) is missing/);
  });

  it('stops when a column changed type (amounts as text)', async () => {
    const { warehouseColumnTypes } = await import('../../site/lib/warehouse/tables.ts');
    const columns = Object.entries(warehouseColumnTypes.kpi_monthly).map(([name, type]) => (name === 'receivables' ? `'1 000,00' as receivables` : `null::${type} as ${name}`));
    const site = await siteReading(await warehouse({ kpi_monthly: `select ${columns.join(', ')}` }));
    await expect(site.read('kpi_monthly')).rejects.toThrow(/receivables is VARCHAR, not DECIMAL\(18,2\)/);
  });
});

describe('readManifest', () => {
  it('stops, naming the field, on a manifest without its as-of date', async () => {
    const { as_of_date: _dropped, ...withoutAsOf } = manifest;
    const site = await siteReading(await warehouse({}, withoutAsOf));
    expect(() => site.readManifest()).toThrow(/not the manifest this site reads[\s\S]*as_of_date/);
  });

  it('reads the company currency from it', async () => {
    const site = await siteReading(await warehouse({}, { ...manifest, currency: 'USD' }));
    expect(site.companyCurrency()).toBe('USD');
  });
});
