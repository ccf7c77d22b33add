#!/usr/bin/env node
// node etl/publish-check.ts pages --site DIR : run by the nightly workflow's deploy job before it
// publishes to GitHub Pages. It asks GitHub who can read the repository's Pages site
// (GET /repos/{owner}/{repo}/pages: `visibility` on Enterprise Cloud, else `public`) and refuses —
// a message and exit code 1 — to put the books on a public site unless the build is encrypted.
// A Pages site is public on Free, Pro and Team plans even for a private repository.
// Needs GITHUB_REPOSITORY and GITHUB_TOKEN (pages: read); GITHUB_API_URL for GitHub Enterprise Server.
// No dependency beyond Node, so the deploy job runs it without `npm ci`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { markerFile, plainFiles, type SiteMarker } from './site-crypto.ts';

/** What the check needs of fetch (the tests give a fake one: no network). */
export type Fetcher = (url: string, init: { headers: Record<string, string> }) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface CheckResult {
  ok: boolean;
  message: string;
}

/** Whether the built site in `siteDir` is encrypted, and anything in it that contradicts its marker. */
export function siteEncryption(siteDir: string): { encrypted: boolean; problems: string[] } {
  const file = join(siteDir, markerFile);
  if (!existsSync(file)) return { encrypted: false, problems: [] };
  const marker = JSON.parse(readFileSync(file, 'utf8')) as Partial<SiteMarker>;
  if (marker.encrypted !== true) return { encrypted: false, problems: [] };
  // Trust the marker only as far as the files bear it out: every page a shell, nothing else plain.
  const problems: string[] = [];
  for (const entry of readdirSync(siteDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (plainFiles.test(path) || path.startsWith('_encours/') || path.endsWith('.enc')) continue;
    if (path.endsWith('.html') && readFileSync(join(siteDir, path), 'utf8').includes('<meta name="encours-encrypted" content="1">')) continue;
    problems.push(path);
  }
  return { encrypted: true, problems };
}

/** The verdict for publishing `siteDir` to the Pages site of `repo` ("owner/name"). */
export async function checkPages({ repo, token, siteDir, apiUrl = 'https://api.github.com', fetcher = fetch as Fetcher }: { repo: string; token: string; siteDir: string; apiUrl?: string; fetcher?: Fetcher }): Promise<CheckResult> {
  const { encrypted, problems } = siteEncryption(siteDir);
  if (problems.length > 0) {
    return { ok: false, message: `The build says it is encrypted but ${problems.length} file(s) are not, e.g. ${problems.slice(0, 3).join(', ')}: not publishing.` };
  }
  const response = await fetcher(`${apiUrl}/repos/${repo}/pages`, {
    headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' },
  });
  if (response.status === 404) {
    return { ok: false, message: `GitHub Pages is not enabled for ${repo} (or the token cannot see it): enable it in Settings → Pages with "GitHub Actions" as the source, or unset ENCOURS_PUBLISH.` };
  }
  if (response.status !== 200) return { ok: false, message: `GitHub answered ${response.status} to GET /repos/${repo}/pages: not publishing.` };
  const pages = (await response.json()) as { visibility?: unknown; public?: unknown };
  // `visibility` exists where Pages can be private (Enterprise Cloud); elsewhere only `public`, and
  // a site that does not say is taken as public.
  const isPublic = typeof pages.visibility === 'string' ? pages.visibility !== 'private' : pages.public !== false;
  if (!isPublic) {
    return { ok: true, message: `The Pages site of ${repo} is private: only people with read access to the repository can open it.${encrypted ? ' The build is encrypted too: they also need the passphrase.' : ''}` };
  }
  if (encrypted) {
    return { ok: true, message: `The Pages site of ${repo} is public, and the build is encrypted: anyone can fetch the files, only holders of the passphrase (ENCOURS_SITE_KEY) can read them.` };
  }
  return {
    ok: false,
    message:
      `Refusing to publish: the Pages site of ${repo} is public — anyone with its address could read every client's name, receivables and score — and this build is not encrypted. ` +
      'Set the ENCOURS_SITE_KEY secret (a long passphrase) to publish an encrypted site, make the Pages site private (GitHub Enterprise Cloud), ' +
      'or unset the ENCOURS_PUBLISH variable and keep the site as a build artifact.',
  };
}

async function main(args: string[]): Promise<number> {
  const [target, flag, siteDir = 'dist'] = args;
  if (target !== 'pages' || (flag !== undefined && flag !== '--site')) {
    console.error('usage: node etl/publish-check.ts pages [--site DIR]');
    return 2;
  }
  const repo = process.env.GITHUB_REPOSITORY;
  const token = process.env.GITHUB_TOKEN;
  if (!repo || !token) {
    console.error('publish-check: GITHUB_REPOSITORY and GITHUB_TOKEN must be set (the workflow passes them).');
    return 1;
  }
  const result = await checkPages({ repo, token, siteDir, apiUrl: process.env.GITHUB_API_URL });
  (result.ok ? console.log : console.error)(`publish-check: ${result.message}`);
  return result.ok ? 0 : 1;
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
