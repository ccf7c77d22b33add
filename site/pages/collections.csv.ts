// /collections.csv: every action of today's dunning worklist (the page lists the first ones).
import { format } from '../lib/format.ts';
import { finance } from '../lib/i18n/finance.ts';
import { clientsById, read } from '../lib/read.ts';
import { worklistCsv } from '../lib/worklist-csv.ts';

export async function GET(): Promise<Response> {
  const [rows, clients] = await Promise.all([read('dunning'), clientsById()]);
  // A foreclosed claim is a write-off to decide, not an action: it is listed on the page's own
  // panel, as the worklist leaves it out (its rows rank last, so the priorities stay 1 to n).
  const actions = rows.filter((row) => row.stage !== 'claim_foreclosed');
  return new Response(worklistCsv(actions, clients, finance.collections, format), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
