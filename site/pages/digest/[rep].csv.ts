// /digest/<rep>.csv: the same digest as CSV (the page's separators; formulas neutralised).
import type { APIContext } from 'astro';

import { repSlug } from '../../lib/desk.ts';
import { digestCsv } from '../../lib/digest.ts';
import { format } from '../../lib/format.ts';
import { desk } from '../../lib/i18n/desk.ts';
import { finance } from '../../lib/i18n/finance.ts';
import { language } from '../../lib/i18n/index.ts';
import { read, readManifest } from '../../lib/read.ts';
import type { WorklistRow } from '../../lib/warehouse/tables.ts';

// One page per row of worklist_reps (the reps with clients in the worklist), with the rep's rows of the worklist.
export async function getStaticPaths() {
  const [reps, rows] = await Promise.all([read('worklist_reps'), read('worklist')]);
  return reps.map(({ sales_rep: rep }) => ({ params: { rep: repSlug(rep) }, props: { rep, rows: rows.filter((r) => r.sales_rep === rep) } }));
}

export function GET({ props }: APIContext): Response {
  const { rep, rows } = props as { rep: string; rows: WorklistRow[] };
  const csv = digestCsv({ rep, rows, asOf: readManifest().as_of_date, pageHref: '', language: language() }, desk, finance.collections.stages, format);
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
