// The publishing check on fake GitHub API answers (no network): a public Pages site gets only an
// encrypted build, a private one gets either, and a build whose marker lies is refused.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkPages, siteEncryption, type Fetcher } from '../../etl/publish-check.ts';
import { encryptSite } from '../../etl/site-encrypt.ts';

/** A two-page site with a CSV, as Astro would build it; encrypted when a passphrase is given. */
function site(passphrase?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'encours-check-'));
  mkdirSync(join(dir, 'clients', 'C1'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="fr"><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'"><title>x</title></head><body>Dupont SA 1 234 €</body></html>');
  writeFileSync(join(dir, 'clients', 'C1', 'index.html'), '<!doctype html><html lang="en"><body>Dupont SA</body></html>');
  writeFileSync(join(dir, 'quality.csv'), 'a;b\n1;2\n');
  writeFileSync(join(dir, 'styles.css'), 'body{}');
  if (passphrase) encryptSite(dir, passphrase, { iterations: 1000 });
  return dir;
}

/** A fake fetch answering GET /repos/{repo}/pages with `status` and `body`, recording the calls. */
function github(status: number, body: unknown = {}): Fetcher & { calls: { url: string; headers: Record<string, string> }[] } {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetcher = async (url: string, init: { headers: Record<string, string> }) => {
    calls.push({ url, headers: init.headers });
    return { status, json: async () => body };
  };
  return Object.assign(fetcher, { calls });
}

const repo = 'acme/books';
const passphrase = 'a long passphrase of several words';

describe('checkPages', () => {
  it('refuses a plain build on a public Pages site (Free/Pro/Team: only `public`), naming the ways out', async () => {
    const fetcher = github(200, { url: 'x', public: true, html_url: 'https://acme.github.io/books/' });
    const result = await checkPages({ repo, token: 't0k', siteDir: site(), fetcher });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Refusing to publish: the Pages site of acme\/books is public/);
    expect(result.message).toMatch(/ENCOURS_SITE_KEY/);
    expect(fetcher.calls).toEqual([{ url: 'https://api.github.com/repos/acme/books/pages', headers: expect.objectContaining({ authorization: 'Bearer t0k' }) }]);
  });

  it('refuses a plain build when Enterprise says visibility public, whatever `public` says', async () => {
    const result = await checkPages({ repo, token: 't', siteDir: site(), fetcher: github(200, { visibility: 'public', public: false }) });
    expect(result.ok).toBe(false);
  });

  it('takes a site that says nothing about its visibility as public', async () => {
    expect((await checkPages({ repo, token: 't', siteDir: site(), fetcher: github(200, {}) })).ok).toBe(false);
  });

  it('publishes a plain build to private Pages (Enterprise Cloud), saying who can read it', async () => {
    const result = await checkPages({ repo, token: 't', siteDir: site(), fetcher: github(200, { visibility: 'private', public: false }) });
    expect(result).toEqual({ ok: true, message: expect.stringMatching(/private: only people with read access to the repository/) });
  });

  it('publishes an encrypted build to public Pages', async () => {
    const result = await checkPages({ repo, token: 't', siteDir: site(passphrase), fetcher: github(200, { public: true }) });
    expect(result).toEqual({ ok: true, message: expect.stringMatching(/public, and the build is encrypted/) });
  });

  it('refuses when Pages is not enabled, or GitHub answers an error', async () => {
    expect(await checkPages({ repo, token: 't', siteDir: site(), fetcher: github(404) })).toEqual({ ok: false, message: expect.stringMatching(/not enabled/) });
    expect(await checkPages({ repo, token: 't', siteDir: site(passphrase), fetcher: github(403) })).toEqual({ ok: false, message: expect.stringMatching(/answered 403/) });
  });

  it('refuses an "encrypted" build holding a plain file, before asking GitHub', async () => {
    const dir = site(passphrase);
    writeFileSync(join(dir, 'collections.csv'), 'client;amount\nDupont SA;1234\n');
    const fetcher = github(200, { public: true });
    const result = await checkPages({ repo, token: 't', siteDir: dir, fetcher });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/says it is encrypted but 1 file\(s\) are not, e\.g\. collections\.csv/) });
    expect(fetcher.calls).toEqual([]);
  });
});

describe('siteEncryption', () => {
  it('reads a plain build as plain and an encrypted one as encrypted with nothing left plain', () => {
    expect(siteEncryption(site())).toEqual({ encrypted: false, problems: [] });
    expect(siteEncryption(site(passphrase))).toEqual({ encrypted: true, problems: [] });
  });
});

describe('.github/workflows/nightly.yml', () => {
  const workflow = readFileSync(join(import.meta.dirname, '..', '..', '.github', 'workflows', 'nightly.yml'), 'utf8');
  const deploy = workflow.slice(workflow.indexOf('\n  deploy:\n'));
  const build = workflow.slice(workflow.indexOf('\n  build:\n'), workflow.indexOf('\n  deploy:\n'));

  it('deploys only when the ENCOURS_PUBLISH variable names Pages, and checks the site before deploying it', () => {
    expect(deploy).toMatch(/^\n  deploy:\n    needs: build\n    if: vars\.ENCOURS_PUBLISH == 'pages'\n/);
    const check = deploy.indexOf('node etl/publish-check.ts pages --site');
    expect(check).toBeGreaterThan(0);
    expect(deploy.indexOf('actions/upload-pages-artifact')).toBeGreaterThan(check);
    expect(deploy.indexOf('actions/deploy-pages')).toBeGreaterThan(check);
  });

  it('the build job publishes nothing: no Pages permission, no Pages artifact', () => {
    expect(build).not.toMatch(/pages: write|upload-pages-artifact|deploy-pages/);
    expect(workflow).toMatch(/^permissions: \{\}$/m);
  });

  it('restores the previous run before the ETL and saves this one after', () => {
    const restore = build.indexOf('npm run history -- restore');
    const nightly = build.indexOf('npm run nightly -- --publish');
    const save = build.indexOf('npm run history -- save');
    expect([restore > 0, nightly > restore, save > nightly]).toEqual([true, true, true]);
  });
});
