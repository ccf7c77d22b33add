// The pages of the top bar, in order. Adding a page to the bar is one line here (its label goes in
// i18n/{fr,en}.ts under nav, which the types require).
import type { Labels } from './i18n/index.ts';
import { clientSlug } from './slug.ts';

export const navigation = [
  { key: 'overview', path: '' },
  { key: 'clients', path: 'clients/' },
  { key: 'ageing', path: 'ageing/' },
  { key: 'segments', path: 'segments/' },
  { key: 'scores', path: 'scores/' },
  { key: 'collections', path: 'collections/' },
  { key: 'provisions', path: 'provisions/' },
  { key: 'forecast', path: 'forecast/' },
  { key: 'quality', path: 'quality/' },
  { key: 'about', path: 'about/' },
] as const satisfies readonly { key: keyof Labels['nav']; path: string }[];

export type NavKey = (typeof navigation)[number]['key'];

/** The site's base URL with one trailing slash, so links work under a sub-path (GitHub Pages). */
export function baseUrl(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** A client page's URL (its id made safe by clientSlug). */
export function clientHref(base: string, clientId: string): string {
  return `${baseUrl(base)}clients/${clientSlug(clientId)}/`;
}
