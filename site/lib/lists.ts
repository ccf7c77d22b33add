// The long lists (/clients/, /ageing/, /collections/) stay light at 10,000 clients: each is cut
// into static pages of `pageSize` rows (the first one at the list's own URL, the others at
// <list>/page/<n>/, with a pager), and every row's values are also in one Arrow file beside the
// list (<list>/rows.arrow, site/lib/list-file.ts) that site/scripts/list.ts loads so search and
// filters cover all rows. A row is the same cells on the server and in the browser: `ListRow` is
// made by site/lib/list-rows.ts on both sides and rendered by ListRows.astro (server) and
// site/scripts/list.ts (browser), always as text.
import { baseUrl } from './nav.ts';

/** One table cell. `t` its text; `h` makes it a link; `x` a second text after it, a link to `xh`
 * (after ' · ') or a span of class `xk` ('id' by default) titled `xt`; `g` a tag after them;
 * `u` lines under them, smaller, each of parts joined by ' · ' (a part with `h` is a link: a
 * phone's tel:, an e-mail's mailto:); `c` the CSV value (data-csv); `s` the sort key
 * (data-sort); `k` its class; `b` bold; `r` a row header. */
export interface Cell {
  t: string;
  h?: string;
  x?: string;
  xh?: string;
  xk?: string;
  xt?: string;
  g?: string;
  u?: SubPart[][];
  c?: string;
  s?: string;
  k?: string;
  b?: 1;
  r?: 1;
}

/** A part of a line under a cell's text: its text, a link when it has `h`. */
export interface SubPart {
  t: string;
  h?: string;
  /** A class for the part: 'warning' for what the reader must act on. */
  k?: string;
}

/** A row: its cells, and the data-* attributes the filters read (site/scripts/match.ts). */
export interface ListRow {
  c: Cell[];
  d?: Record<string, string>;
}

export const pageSizes = { clients: 200, ageing: 200, collections: 100 } as const;
export type ListName = keyof typeof pageSizes;

/** The number of pages of a list of `count` rows (at least one, so an empty list has its page). */
export function pageCount(list: ListName, count: number): number {
  return Math.max(1, Math.ceil(count / pageSizes[list]));
}

/** Rows of page `page` (1-based). */
export function pageRows<T>(list: ListName, rows: readonly T[], page: number): T[] {
  const size = pageSizes[list];
  return rows.slice((page - 1) * size, page * size);
}

/** getStaticPaths of <list>/page/[page]: pages 2 to the last (page 1 is the list's own URL). */
export function laterPages(list: ListName, count: number): { params: { page: string } }[] {
  return Array.from({ length: pageCount(list, count) - 1 }, (_, i) => ({ params: { page: String(i + 2) } }));
}

/** URL of page `page` of a list at `path` ('clients/'). */
export function pageHref(base: string, path: string, page: number): string {
  return page <= 1 ? `${baseUrl(base)}${path}` : `${baseUrl(base)}${path}page/${page}/`;
}

/** The page number of a later page's param, or a clear error on a URL that is not one. */
export function pageParam(value: string | undefined): number {
  const page = Number(value);
  if (!Number.isInteger(page) || page < 2) throw new Error(`not a list page number: ${value}`);
  return page;
}

/** The data file's body: a list's records as an Arrow IPC stream (site/lib/list-rows.ts listFile). */
export function rowsFile(bytes: Uint8Array): Response {
  return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'application/vnd.apache.arrow.stream' } });
}
