// Builds the site into a new folder and swaps it in as dist/ only when the build succeeded, so a
// failed build leaves the published site as it was. The digests to mail go to `<siteDir>-mail/`
// (etl/site-mail.ts), the same folder every build, outside what is published. The client pages are
// kept in <site>-cache/ (ENCOURS_SITE_CACHE, site/lib/page-keys.ts) so the next build renders again
// only the clients whose data changed; delete that folder to render every page again.
import { join, resolve } from 'node:path';
import { $ } from 'zx';

import { newRunId, pruneFolders, swapIn } from './publish.ts';

export interface SiteBuild {
  outDir: string;
  ms: number;
}

export async function buildSite({ warehouseDir = 'data/warehouse', siteDir = 'dist', keep = 3, cacheDir = undefined as string | undefined } = {}): Promise<SiteBuild> {
  const cache = cacheDir ?? process.env.ENCOURS_SITE_CACHE ?? `${siteDir}-cache`;
  const buildsDir = `${siteDir}-builds`;
  const id = newRunId();
  const outDir = join(buildsDir, id);
  const started = performance.now();
  await $({
    stdio: 'inherit',
    env: { ...process.env, ENCOURS_WAREHOUSE: warehouseDir, ENCOURS_SITE_OUT: outDir, ENCOURS_MAIL_OUT: `${siteDir}-mail`, ENCOURS_SITE_CACHE: resolve(cache) },
  })`node node_modules/astro/bin/astro.mjs build --silent`;
  swapIn(siteDir, outDir);
  pruneFolders(buildsDir, keep, id);
  return { outDir, ms: performance.now() - started };
}
