// /digest/<rep>.csv: the same digest as CSV (the page's separators; formulas neutralised).
import type { APIContext } from 'astro';

import { repSlug } from '../../lib/desk.ts';
import { digestCsv } from '../../lib/digest.ts';
import { format } from '../../lib/format.ts';
import { desk } from '../../lib/i18n/desk.ts';
import { finance } from '../../lib/i18n/finance.ts';
import { language } from '../../lib/i18n/index.ts';
import { groupBy, readManifest, worklist } from '../../lib/warehouse.ts';

export async function getStaticPaths() {
  const byRep = groupBy((await worklist()).filter((r) => r.sales_rep), (r) => r.sales_rep!);
  return [...byRep].map(([rep, rows]) => ({ params: { rep: repSlug(rep) }, props: { rep, rows } }));
}

export function GET({ props }: APIContext): Response {
  const { rep, rows } = props as { rep: string; rows: Awaited<ReturnType<typeof worklist>> };
  const csv = digestCsv({ rep, rows, asOf: readManifest().as_of_date, pageHref: '', language: language() }, desk, finance.collections.stages, format);
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
