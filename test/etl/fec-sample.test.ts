// The sample company read from its FEC form must give the warehouse its open-items form gives:
// same clients, same due dates (computed from the clients' payment terms, where the open-items
// export states them), same open amount per client and bucket at the as-of date and at every month
// end, to the cent. The generator letters each invoice with the items that name it.
import { join } from 'node:path';

import { beforeAll, describe, expect, inject, it } from 'vitest';

import { buildWarehouse, type Warehouse } from '../helpers.ts';

let fec: Warehouse;
const csvDir = inject('sampleWarehouse');

beforeAll(async () => {
  fec = await buildWarehouse(inject('sampleFecDir'));
});

/** Rows of `sql` in the FEC warehouse with no equal row in the open-items one, and the other way round. */
async function differences(sql: string): Promise<unknown[]> {
  const csv = (table: string) => `read_parquet('${join(csvDir, `${table}.parquet`)}')`;
  const both = sql.replaceAll('{{', '').replaceAll('}}', '');
  const fromCsv = sql.replace(/\{\{(\w+)\}\}/g, (_, table: string) => csv(table));
  return fec.query(`(${both} except all ${fromCsv}) union all (${fromCsv} except all ${both}) limit 5`);
}

describe('the sample as a FEC and as open items', () => {
  it('is read as a FEC, with the same as-of date', async () => {
    expect(fec.manifest.inputs.filter((input) => input.kind === 'fec').length).toBe(4);
    const [csvRun] = await fec.query<{ as_of_date: string }>(`select as_of_date from read_parquet('${join(csvDir, 'run_summary.parquet')}')`);
    const [fecRun] = await fec.query<{ as_of_date: string }>(`select as_of_date from run_summary`);
    expect(fecRun!.as_of_date).toBe(csvRun!.as_of_date);
  });

  it('has the same clients', async () => {
    expect(await differences(`select client_id, name, payment_terms from {{clients}}`)).toEqual([]);
  });

  it('gives every invoice the due date the open-items export states', async () => {
    expect(await differences(`select invoice_id, client_id, kind, issue_date, due_date, amount from {{invoices}}`)).toEqual([]);
  });

  it('has the same open amount per client and bucket at the as-of date', async () => {
    expect(await differences(`select client_id, bucket, open_amount from {{ageing}}`)).toEqual([]);
    expect(await differences(`select invoice_id, open_amount, days_past_due from {{invoices}}`)).toEqual([]);
  });

  it('has the same open amount per client and bucket at every month end', async () => {
    expect(await differences(`select month_end, client_id, bucket, sum(open_amount) from {{ageing_monthly}} group by all`)).toEqual([]);
  });

  it('reports the superseded opening entries of each later year, once per file', async () => {
    const rows = await fec.query<{ source_file: string }>(`select source_file from quality where severity = 'info' order by source_file`);
    expect(rows.map((r) => r.source_file)).toEqual(['552100554FEC20241231.txt', '552100554FEC20251231.txt', '552100554FEC20261231.txt']);
  });
});
