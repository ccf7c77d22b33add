// Browser test harness: build the site from a warehouse into a temp folder, serve it on
// localhost with a tiny static server, and drive Debian's Chromium through playwright-core.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';

import { chromium, type Browser, type Page } from 'playwright-core';

const projectDir = join(import.meta.dirname, '..', '..');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function buildSite(warehouseDir: string, env: Record<string, string> = {}): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'encours-site-')), 'dist');
  await promisify(execFile)(process.execPath, [join(projectDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
    cwd: projectDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ENCOURS_WAREHOUSE: warehouseDir, ENCOURS_SITE_OUT: outDir, ...env },
    maxBuffer: 1 << 26,
  });
  return outDir;
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.txt': 'text/plain', '.json': 'application/json', '.csv': 'text/csv' };

export function serve(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let path = join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!path.startsWith(root) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server });
  }));
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  dialogs: string[];
}

/** Records what a user would notice went wrong: console errors, failed or third-party requests, dialogs. */
export function watch(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [], dialogs: [] };
  page.on('console', (message) => message.type() === 'error' && problems.consoleErrors.push(message.text()));
  page.on('pageerror', (error) => problems.consoleErrors.push(error.message));
  page.on('requestfailed', (request) => problems.failedRequests.push(request.url()));
  page.on('response', (response) => response.status() >= 400 && problems.failedRequests.push(`${response.status()} ${response.url()}`));
  page.on('request', (request) => !request.url().startsWith(origin) && !request.url().startsWith('data:') && problems.foreignRequests.push(request.url()));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return problems;
}
