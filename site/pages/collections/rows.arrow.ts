/// <reference types="astro/client" />
// Every client of today's worklist, its values in columns (site/lib/list-file.ts), for site/scripts/list.ts.
import { format } from '../../lib/format.ts';
import { worklistList } from '../../lib/list-data.ts';
import { listFile } from '../../lib/list-rows.ts';
import { rowsFile } from '../../lib/lists.ts';

export async function GET(): Promise<Response> {
  return rowsFile(listFile('collections', (await worklistList(import.meta.env.BASE_URL)).records, { currency: format.currency }));
}
