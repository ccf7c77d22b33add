// /digest/<rep>.html: a sales rep's daily digest as a self-contained HTML document, for a
// workflow to mail (docs/operations.md, "Mailing the daily digests"). Reps come from the worklist; the
// link to the rep's page is absolute when ENCOURS_SITE_URL is set.
import type { APIContext } from 'astro';

import { buildDate, repSlug, staleness } from '../../lib/desk.ts';
import { digestHtml } from '../../lib/digest.ts';
import { format } from '../../lib/format.ts';
import { desk } from '../../lib/i18n/desk.ts';
import { finance } from '../../lib/i18n/finance.ts';
import { language } from '../../lib/i18n/index.ts';
import { read, readManifest, readOne } from '../../lib/read.ts';
import type { WorklistRow } from '../../lib/warehouse/tables.ts';

// One page per row of worklist_reps (the reps with clients in the worklist), with the rep's rows of the worklist.
export async function getStaticPaths() {
  const [reps, rows] = await Promise.all([read('worklist_reps'), read('worklist')]);
  return reps.map(({ sales_rep: rep }) => ({ params: { rep: repSlug(rep) }, props: { rep, rows: rows.filter((r) => r.sales_rep === rep) } }));
}

export async function GET({ props }: APIContext): Promise<Response> {
  const { rep, rows } = props as { rep: string; rows: WorklistRow[] };
  const asOf = readManifest().as_of_date;
  // The same rule as every page's warning (components/Staleness.astro).
  const age = staleness(asOf, buildDate(), (await readOne('company'))?.stale_after_days ?? null);
  const html = digestHtml({ rep, rows, asOf, pageHref: repPageLink(rep), language: language(), staleDays: age.isStale ? age.days : null }, desk, finance.collections.stages, format);
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** The rep's page: absolute under ENCOURS_SITE_URL (what a mailed digest needs), else relative to /digest/. */
function repPageLink(rep: string): string {
  const site = process.env.ENCOURS_SITE_URL;
  return site ? `${site.replace(/\/$/, '')}/reps/${repSlug(rep)}/` : `../reps/${repSlug(rep)}/`;
}
