// /collections.csv: every action of today's dunning worklist (the page lists the first ones).
import { format } from '../lib/format.ts';
import { finance } from '../lib/i18n/finance.ts';
import { clientsById, read } from '../lib/read.ts';
import { worklistCsv } from '../lib/worklist-csv.ts';

export async function GET(): Promise<Response> {
  const [rows, clients] = await Promise.all([read('dunning'), clientsById()]);
  return new Response(worklistCsv(rows, clients, finance.collections, format), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
