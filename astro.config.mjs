// The site: static pages rendered from the warehouse at build time. Where the warehouse is, where
// the pages go and the URL base come from the environment, so the nightly job can build aside.
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.ENCOURS_SITE_OUT ?? './dist',
  base: process.env.ENCOURS_BASE ?? '/',
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
