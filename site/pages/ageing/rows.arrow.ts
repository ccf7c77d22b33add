/// <reference types="astro/client" />
// Every client of the ageing balance, its values in columns (site/lib/list-file.ts), for site/scripts/list.ts.
import { format } from '../../lib/format.ts';
import { ageingList } from '../../lib/list-data.ts';
import { listFile } from '../../lib/list-rows.ts';
import { rowsFile } from '../../lib/lists.ts';

export async function GET(): Promise<Response> {
  const { records, buckets } = await ageingList(import.meta.env.BASE_URL);
  return rowsFile(listFile('ageing', records, { currency: format.currency, buckets: buckets.map((b) => b.bucket) }));
}
