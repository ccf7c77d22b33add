/// <reference types="astro/client" />
// Every client of the ageing balance as cells (site/lib/lists.ts), for site/scripts/list.ts.
import { ageingList } from '../../lib/list-data.ts';
import { rowsFile } from '../../lib/lists.ts';

export async function GET(): Promise<Response> {
  return rowsFile((await ageingList(import.meta.env.BASE_URL)).rows);
}
