/// <reference types="astro/client" />
// Every client of the clients list as cells (site/lib/lists.ts), for site/scripts/list.ts.
import { clientsList } from '../../lib/list-data.ts';
import { rowsFile } from '../../lib/lists.ts';

export async function GET(): Promise<Response> {
  return rowsFile((await clientsList(import.meta.env.BASE_URL)).rows);
}
