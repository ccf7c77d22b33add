// @ts-check
// The encrypted site's unlock script (copied to /_encours/unlock.js by etl/site-encrypt.ts; only in
// an encrypted build). Web Crypto only, the same constants as etl/site-crypto.ts:
//   master key = PBKDF2-SHA256(passphrase NFC, site salt, iterations) — once per tab session,
//   file key   = HKDF-SHA256(master key, file salt, 'encours file v1'), AES-256-GCM.
// The master key is kept in sessionStorage (this tab only, gone when it closes) so links between
// pages open without asking again. A wrong passphrase fails GCM's check: the form says so, and
// nothing of the page is shown.

const storageKey = 'encours-site-key';
const info = new TextEncoder().encode('encours file v1');
const magic = 'ENC1';

const form = /** @type {HTMLFormElement} */ (document.getElementById('encours-unlock'));
const input = /** @type {HTMLInputElement} */ (document.getElementById('encours-passphrase'));
const statusLine = /** @type {HTMLElement} */ (document.getElementById('encours-status'));
const payload = fromBase64(document.getElementById('encours-payload')?.textContent ?? '');

/** @typedef {{ encrypted: true, format: 1, key: { kdf: string, iterations: number, salt: string } }} SiteMarker */

await start();
export {};

async function start() {
  if (!globalThis.crypto?.subtle) {
    form.hidden = false;
    fail(form.dataset.noCrypto ?? '');
    input.disabled = true;
    return;
  }
  /** @type {SiteMarker} */
  const marker = await (await fetch(form.dataset.marker ?? '', { cache: 'no-cache' })).json();
  const saved = readSaved(marker.key.salt);
  if (saved) {
    const html = await decryptOrNull(saved, payload);
    if (html !== null) return show(saved, html);
    sessionStorage.removeItem(storageKey);
  }
  form.hidden = false;
  input.focus();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void unlock(marker);
  });
}

/** @param {SiteMarker} marker */
async function unlock(marker) {
  const button = /** @type {HTMLButtonElement} */ (form.querySelector('button'));
  button.disabled = true;
  statusLine.className = '';
  statusLine.textContent = form.dataset.working ?? '';
  const master = await deriveMaster(input.value, marker.key);
  const html = await decryptOrNull(master, payload);
  button.disabled = false;
  if (html === null) {
    input.value = '';
    input.focus();
    return fail(form.dataset.wrong ?? '');
  }
  sessionStorage.setItem(storageKey, JSON.stringify({ salt: marker.key.salt, key: toBase64(master) }));
  show(master, html);
}

/**
 * Replaces the shell with the decrypted page. document.open() keeps this window and its Content
 * Security Policy; the page's module scripts (/_astro/…) load and run as they would from the server.
 * @param {Uint8Array<ArrayBuffer>} master
 * @param {string} html
 */
function show(master, html) {
  // The list pages load their rows from a file of the site (site/scripts/list.ts): here every such
  // file is encrypted, so they fetch through this, which reads <path>.enc and decrypts it.
  globalThis.encoursFetch = async (/** @type {string} */ path) => {
    const response = await fetch(`${path}.enc`);
    if (!response.ok) return response;
    const plain = await decryptBytes(master, new Uint8Array(await response.arrayBuffer()));
    return new Response(plain, { headers: { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
  };
  document.open();
  document.write(html);
  document.close();
  document.addEventListener('click', (event) => void download(master, event));
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView();
}

/**
 * A link to a file of the site with a `download` attribute: its encrypted copy (<path>.enc) is
 * fetched, decrypted here and saved under its own name.
 * @param {Uint8Array<ArrayBuffer>} master
 * @param {MouseEvent} event
 */
async function download(master, event) {
  const link = event.target instanceof Element ? event.target.closest('a[download]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin || link.protocol === 'blob:') return;
  event.preventDefault();
  const response = await fetch(`${link.pathname}.enc`);
  const plain = await decryptBytes(master, new Uint8Array(await response.arrayBuffer()));
  const name = link.getAttribute('download') || decodeURIComponent(link.pathname.split('/').pop() ?? 'encours');
  const save = document.createElement('a');
  save.href = URL.createObjectURL(new Blob([plain], { type: 'application/octet-stream' }));
  save.download = name;
  save.click();
  setTimeout(() => URL.revokeObjectURL(save.href), 10_000);
}

/**
 * @param {string} passphrase
 * @param {{ iterations: number, salt: string }} params
 */
async function deriveMaster(passphrase, params) {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(params.salt), iterations: params.iterations }, base, 256);
  return new Uint8Array(bits);
}

/**
 * The file's bytes; throws when the key is wrong or the file was changed.
 * @param {Uint8Array<ArrayBuffer>} master
 * @param {Uint8Array<ArrayBuffer>} sealed
 */
async function decryptBytes(master, sealed) {
  if (String.fromCharCode(...sealed.subarray(0, 4)) !== magic) throw new Error('not an encours encrypted file');
  const salt = sealed.subarray(4, 20);
  const iv = sealed.subarray(20, 32);
  const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed.subarray(32)));
}

/**
 * @param {Uint8Array<ArrayBuffer>} master
 * @param {Uint8Array<ArrayBuffer>} sealed
 */
async function decryptOrNull(master, sealed) {
  try {
    return new TextDecoder().decode(await decryptBytes(master, sealed));
  } catch {
    return null;
  }
}

/** @param {string} salt the site salt the saved key was derived with: a rebuilt site has a new one */
function readSaved(salt) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
    return saved && saved.salt === salt ? fromBase64(saved.key) : null;
  } catch {
    return null;
  }
}

/** @param {string} message */
function fail(message) {
  statusLine.className = 'error';
  statusLine.textContent = message;
}

/** @param {string} text */
function fromBase64(text) {
  return Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
}

/** @param {Uint8Array<ArrayBuffer>} bytes */
function toBase64(bytes) {
  return btoa(String.fromCharCode(...bytes));
}
