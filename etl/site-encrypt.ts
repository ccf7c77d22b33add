// The encrypted site: with ENCOURS_SITE_KEY set, the built site is rewritten in place so that it
// can sit on any host and only holders of the passphrase read it (cryptography: site-crypto.ts).
//   - every page becomes a shell: the unlock form, no text from the books, and the page's own HTML
//     encrypted and embedded; site/unlock/unlock.js decrypts it and writes it in place;
//   - every other file except the site's own code and style (CSV, JSON, Parquet, …) becomes
//     `<name>.enc`; the unlock script fetches and decrypts it when a download link is clicked;
//   - _encours/site.json is the marker the publishing check reads, and holds the public KDF salt.
// Everything not known to be harmless is encrypted, so a new kind of file is never left plain.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { contentSecurityPolicy } from '../site/lib/csp.ts';
import { en } from '../site/lib/i18n/en.ts';
import { fr, type Labels } from '../site/lib/i18n/fr.ts';
import { encryptFile, markerFile, newMasterKey, plainFiles, unlockScript, type SiteMarker } from './site-crypto.ts';
import { copyDigests, mailFolder } from './site-mail.ts';

const unlockSource = join(import.meta.dirname, '..', 'site', 'unlock', 'unlock.js');
export const minPassphraseLength = 16;

export interface EncryptedSite {
  pages: number;
  files: number;
}

/** Encrypts the site built in `dir` (served under `base`) with `passphrase`, in place. */
export function encryptSite(dir: string, passphrase: string, { base = '/', iterations }: { base?: string; iterations?: number } = {}): EncryptedSite {
  if (passphrase.length < minPassphraseLength) {
    throw new Error(`ENCOURS_SITE_KEY: the passphrase has ${passphrase.length} characters, at least ${minPassphraseLength} are needed (a long phrase of several words)`);
  }
  const root = base.endsWith('/') ? base : `${base}/`;
  const { params, key } = newMasterKey(passphrase, iterations);
  const counts: EncryptedSite = { pages: 0, files: 0 };
  for (const file of listFiles(dir)) {
    const path = relative(dir, file).split(sep).join('/');
    if (plainFiles.test(path) || path.startsWith('_encours/')) continue;
    const bytes = readFileSync(file);
    if (path.endsWith('.html')) {
      writeFileSync(file, shellPage(bytes.toString('utf8'), encryptFile(key, bytes).toString('base64'), root));
      counts.pages += 1;
    } else {
      writeFileSync(`${file}.enc`, encryptFile(key, bytes));
      rmSync(file);
      counts.files += 1;
    }
  }
  mkdirSync(join(dir, dirname(markerFile)), { recursive: true });
  copyFileSync(unlockSource, join(dir, unlockScript));
  const marker: SiteMarker = { encrypted: true, format: 1, key: params };
  writeFileSync(join(dir, markerFile), `${JSON.stringify(marker, null, 2)}\n`);
  return counts;
}

/**
 * Astro integration (astro.config.mjs): copies the digests to the mail folder (etl/site-mail.ts),
 * then encrypts the build when ENCOURS_SITE_KEY is set.
 */
export function encryptedSite(): AstroIntegration {
  let base = '/';
  return {
    name: 'encours-encrypted-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        copyDigests(siteDir, mailFolder(siteDir));
        const passphrase = process.env.ENCOURS_SITE_KEY;
        if (!passphrase) return;
        const done = encryptSite(siteDir, passphrase, { base });
        logger.info(`encrypted ${done.pages} pages and ${done.files} data files (ENCOURS_SITE_KEY)`);
      },
    },
  };
}

/**
 * The page as published: the unlock form in the page's language, the page's own Content Security
 * Policy, and its encrypted HTML as base64 (a data block, never run). The title is generic: a
 * client page's title is the client's name.
 */
function shellPage(html: string, payload: string, base: string): string {
  const lang = /<html[^>]*\blang="([a-z-]+)"/i.exec(html)?.[1] ?? 'fr';
  const labels: Labels['unlock'] = (lang.startsWith('en') ? en : fr).unlock;
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1] ?? contentSecurityPolicy;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<meta name="encours-encrypted" content="1">
<title>${escapeHtml(labels.title)} · encours</title>
<link rel="icon" href="${base}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${base}styles.css">
<script type="module" src="${base}${unlockScript}"></script>
</head>
<body>
<main id="content" class="unlock">
<h1>${escapeHtml(labels.title)}</h1>
<form id="encours-unlock" hidden data-marker="${base}${markerFile}" data-working="${escapeHtml(labels.working)}" data-wrong="${escapeHtml(labels.wrong)}" data-no-crypto="${escapeHtml(labels.noCrypto)}">
<p>${escapeHtml(labels.intro)}</p>
<p><label for="encours-passphrase">${escapeHtml(labels.passphrase)}</label>
<input id="encours-passphrase" type="password" autocomplete="current-password" required>
<button type="submit">${escapeHtml(labels.submit)}</button></p>
<p id="encours-status" role="alert"></p>
</form>
<noscript><p>${escapeHtml(labels.noScript)}</p></noscript>
</main>
<script type="application/octet-stream" id="encours-payload">${payload}</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
