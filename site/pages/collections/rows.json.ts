/// <reference types="astro/client" />
// Every client of today's worklist as cells (site/lib/lists.ts), for site/scripts/list.ts.
import { worklistList } from '../../lib/list-data.ts';
import { rowsFile } from '../../lib/lists.ts';

export async function GET(): Promise<Response> {
  return rowsFile((await worklistList(import.meta.env.BASE_URL)).rows);
}
