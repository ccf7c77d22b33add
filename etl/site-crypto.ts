// The encrypted site's cryptography, build side (the browser side is site/unlock/unlock.js; both
// must agree on every constant here). Standard primitives only, from Node's crypto:
//   master key  = PBKDF2-HMAC-SHA256(passphrase NFC, site salt, 600,000 iterations) → 32 bytes
//                 (OWASP's 2023 figure for PBKDF2-SHA256); run once per build and once per browser
//                 session, not once per file: 1,500 pages × 600,000 iterations would take minutes.
//   file key    = HKDF-SHA256(master key, a fresh 16-byte salt per file, info) → AES-256 key
//   file        = 'ENC1' | file salt (16) | IV (12, fresh per file) | AES-256-GCM ciphertext | tag (16)
// A wrong passphrase gives a wrong master key, and GCM's tag then refuses every file.
import { createCipheriv, createDecipheriv, hkdfSync, pbkdf2Sync, randomBytes } from 'node:crypto';

export const kdfIterations = 600_000;
export const fileInfo = 'encours file v1';
const magic = Buffer.from('ENC1');
const saltBytes = 16;
const ivBytes = 12;
const tagBytes = 16;

/** The marker an encrypted build carries (the publishing check reads it) and the unlock script. */
export const markerFile = '_encours/site.json';
export const unlockScript = '_encours/unlock.js';
/**
 * Code and style every page needs once unlocked; they carry nothing from the books. print.css is
 * the letters' and statements' sheet: encrypted, it was a 404 for the decrypted page, which then
 * printed unstyled.
 */
export const plainFiles = /^(_astro\/[^/]+\.(js|css)|styles\.css|print\.css|favicon\.svg|robots\.txt)$/;

/** What _encours/site.json says: the build is encrypted, and how to derive its master key. */
export interface SiteMarker {
  encrypted: true;
  format: 1;
  key: KeyParams;
}

/** What the browser needs to derive the master key (public: a salt and a count are no secret). */
export interface KeyParams {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
}

/** A fresh site salt, and the master key the passphrase gives with it. */
export function newMasterKey(passphrase: string, iterations = kdfIterations): { params: KeyParams; key: Buffer } {
  const params: KeyParams = { kdf: 'PBKDF2-SHA256', iterations, salt: randomBytes(saltBytes).toString('base64') };
  return { params, key: masterKey(passphrase, params) };
}

export function masterKey(passphrase: string, params: KeyParams): Buffer {
  return pbkdf2Sync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), params.iterations, 32, 'sha256');
}

export function encryptFile(master: Buffer, plain: Uint8Array): Buffer {
  const salt = randomBytes(saltBytes);
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', fileKey(master, salt), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([magic, salt, iv, body, cipher.getAuthTag()]);
}

/** The inverse of encryptFile; throws when the key is wrong or a byte was changed. */
export function decryptFile(master: Buffer, sealed: Uint8Array): Buffer {
  const bytes = Buffer.from(sealed);
  if (!bytes.subarray(0, magic.length).equals(magic)) throw new Error('not an encours encrypted file');
  const salt = bytes.subarray(magic.length, magic.length + saltBytes);
  const iv = bytes.subarray(magic.length + saltBytes, magic.length + saltBytes + ivBytes);
  const decipher = createDecipheriv('aes-256-gcm', fileKey(master, salt), iv);
  decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
  return Buffer.concat([decipher.update(bytes.subarray(magic.length + saltBytes + ivBytes, bytes.length - tagBytes)), decipher.final()]);
}

function fileKey(master: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, salt, fileInfo, 32));
}
