// The site: static pages rendered from the warehouse at build time. Settings come from the
// environment, so the nightly job and the tests can build aside:
//   ENCOURS_WAREHOUSE  the warehouse folder (default data/warehouse; read by site/lib/warehouse.ts)
//   ENCOURS_SITE_OUT   the output folder (default ./dist). Keep it inside the project: for an
//                      outDir elsewhere Astro puts its prerender chunks in ./.astro/.prerender/,
//                      shared by every such build, so two at once would overwrite each other.
//   ENCOURS_LANG       'fr' (default) or 'en' (site/lib/i18n/)
//   ENCOURS_CURRENCY   the company currency when the warehouse does not say (default EUR)
//   ENCOURS_BASE       the URL path the site is served under (default /)
//   ENCOURS_SITE_KEY   a passphrase: the built site is encrypted with it (etl/site-encrypt.ts)
//   ENCOURS_MAIL_OUT   where the digests to mail are copied in clear (default <outDir>-mail; etl/site-mail.ts)
//   ENCOURS_SITE_CACHE a folder where the build keeps its client pages for the next one, which
//                      renders again only the clients whose data changed (site/lib/page-keys.ts)
//   ENCOURS_PUBLISHED, ENCOURS_PUBLISH_DATA   what a published build leaves out (site/lib/publishing.ts)
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'astro/config';

import { encryptedSite } from './etl/site-encrypt.ts';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.ENCOURS_SITE_OUT ?? './dist',
  base: process.env.ENCOURS_BASE ?? '/',
  output: 'static',
  trailingSlash: 'ignore',
  // Four pages rendered at once: while one page's file is written, the next one renders (one at a
  // time, the build waited on its writes). At 10,000 clients, three pairs: wall time 0.81x, CPU
  // 0.94x, every file the same; 16 at once gained nothing more (docs/performance.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Vite inlines small scripts into the page, which the Content-Security-Policy (script-src 'self')
  // refuses to run: always emit them as files.
  // The list script (site/scripts/list.ts) makes its rows in the browser with the build's words
  // (site/lib/i18n/), which read the language from ENCOURS_LANG: the browser has no environment,
  // so the build writes the language in.
  // The chart worker (site/lib/charts/pool.ts) is started from its source file, which Node runs as
  // it is: its path is written in here, where it is known.
  vite: {
    build: { assetsInlineLimit: 0 },
    define: {
      'process.env.ENCOURS_LANG': JSON.stringify(process.env.ENCOURS_LANG ?? ''),
      'process.env.ENCOURS_CHART_WORKER': JSON.stringify(fileURLToPath(new URL('./site/lib/charts/chart-worker.ts', import.meta.url))),
    },
  },
  devToolbar: { enabled: false },
  // Astro's incremental build: a page whose cacheKey (site/lib/page-keys.ts), code and configuration
  // are the last build's is copied from the cache folder instead of rendered again.
  ...(process.env.ENCOURS_SITE_CACHE ? { cacheDir: process.env.ENCOURS_SITE_CACHE, experimental: { incrementalBuild: true } } : {}),
  integrations: [encryptedSite()],
});
