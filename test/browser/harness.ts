// Browser test harness: build the site from a warehouse into a temp folder with Astro's build(),
// serve it on localhost with a tiny static server, and drive Debian's Chromium through
// playwright-core, recording anything a user would notice went wrong.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, sep } from 'node:path';

import { build } from 'astro';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const projectDir = join(import.meta.dirname, '..', '..');
const buildsDir = join(projectDir, 'test-output', 'site-builds');
/** The global setup's folder (test/global-setup.ts), emptied at the start of each test run. */
const sampleRunDir = join(projectDir, 'test-output', 'sample-run');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Builds the site for `warehouseDir` into a new folder under test-output/site-builds/ and returns it.
 * Inside the project on purpose: for an outDir outside the working directory Astro writes its
 * prerender chunks to ./.astro/.prerender/, the same path every build, so a second build in this
 * process would import the first one's cached modules (and its data), and two builds at once
 * would overwrite each other's chunks. The site reads its settings from the environment when its
 * modules load, so they are set for the build and put back.
 */
export async function buildSite(warehouseDir: string, env: Record<string, string> = {}, outDir = join(mkdtempSync(join(mkdirp(buildsDir), 'site-')), 'dist')): Promise<string> {
  const settings: Record<string, string> = { ASTRO_TELEMETRY_DISABLED: '1', ENCOURS_WAREHOUSE: warehouseDir, ENCOURS_SITE_OUT: outDir, ...env };
  const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  try {
    await build({ root: projectDir, outDir, logLevel: 'error' });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return outDir;
}

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The bundled sample's site in `language` (default settings), built once per test run and shared
 * by every test file that only reads it: a build costs 20–40 s, and five files used to make their
 * own. The first file to ask builds it under test-output/sample-run/ (emptied by the global setup,
 * and out of removeSite's reach); files asking meanwhile, in other workers, wait for its marker.
 */
export function sampleSite(language: 'fr' | 'en' = 'fr'): Promise<string> {
  sampleSites[language] ??= buildSampleSiteOnce(language);
  return sampleSites[language];
}

const sampleSites: Partial<Record<'fr' | 'en', Promise<string>>> = {};

async function buildSampleSiteOnce(language: 'fr' | 'en'): Promise<string> {
  const folder = join(sampleRunDir, `site-${language}`);
  const outDir = join(folder, 'dist');
  const built = join(folder, 'built');
  const failed = join(folder, 'failed');
  mkdirSync(sampleRunDir, { recursive: true });
  let builder = true;
  try {
    mkdirSync(folder); // atomic: only one worker gets to build
  } catch {
    builder = false;
  }
  if (builder) {
    try {
      await buildSite(inject('sampleWarehouse'), { ENCOURS_LANG: language }, outDir);
      writeFileSync(built, '');
    } catch (error) {
      writeFileSync(failed, String((error as Error).stack ?? error));
      throw error;
    }
    return outDir;
  }
  const deadline = Date.now() + 600_000;
  while (!existsSync(built)) {
    if (existsSync(failed)) throw new Error(`the shared sample site (${language}) failed to build in another test file:\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the shared sample site (${language}) was not built within 10 minutes (${folder})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return outDir;
}

/** Deletes a folder made by buildSite. */
export function removeSite(outDir: string): void {
  if (outDir.startsWith(buildsDir + sep)) rmSync(dirname(outDir), { recursive: true, force: true });
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

/** Serves `root` on 127.0.0.1 (a free port); folders answer with their index.html. */
export function serve(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let path = join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!(path === root || path.startsWith(root + sep)) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server });
    }),
  );
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Chromium for a test file's tests, and the sites the file builds: launched before its tests, and
 * after them every server stopped and every site built through `buildAndServe` removed.
 */
export function browserSession(): {
  readonly browser: Browser;
  buildAndServe: (warehouseDir: string, env?: Record<string, string>) => Promise<string>;
  serveSite: (siteDir: string) => Promise<string>;
} {
  let browser: Browser | undefined;
  const servers: Server[] = [];
  const sites: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) server.close();
    for (const site of sites) removeSite(site);
  });
  const serveSite = async (siteDir: string) => {
    const { url, server } = await serve(siteDir);
    servers.push(server);
    return url;
  };
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll: use it inside a test or a hook');
      return browser;
    },
    buildAndServe: async (warehouseDir, env = {}) => {
      const siteDir = await buildSite(warehouseDir, env);
      sites.push(siteDir);
      return serveSite(siteDir);
    },
    serveSite,
  };
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  dialogs: string[];
}

export const noProblems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [], dialogs: [] };

/** Records what a user would notice went wrong: console errors, failed or third-party requests, dialogs. */
export function watch(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(error.message));
  page.on('requestfailed', (request) => problems.failedRequests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) problems.foreignRequests.push(url);
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return problems;
}

/** The number of pages in a PDF, from its page objects. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
