// The encrypted site's primitives: a file opens with the passphrase's key only, every file gets its
// own salt and IV, and a changed byte is refused rather than decrypted into something else.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { decryptFile, encryptFile, masterKey, newMasterKey } from '../../etl/site-crypto.ts';
import { encryptSite } from '../../etl/site-encrypt.ts';

const plain = new TextEncoder().encode('<p>Dupont SA owes 1 234,56 €</p>');

describe('encryptFile', () => {
  const { params, key } = newMasterKey('correct horse battery staple', 1000);

  it('round-trips with the key the same passphrase and salt derive again', () => {
    expect(decryptFile(masterKey('correct horse battery staple', params), encryptFile(key, plain)).toString()).toBe('<p>Dupont SA owes 1 234,56 €</p>');
  });

  it('refuses a wrong passphrase', () => {
    expect(() => decryptFile(masterKey('correct horse battery stapler', params), encryptFile(key, plain))).toThrow();
  });

  it('gives the same text twice two unrelated ciphertexts (fresh 16-byte salt and 12-byte IV per file)', () => {
    const [a, b] = [encryptFile(key, plain), encryptFile(key, plain)];
    expect(a.subarray(0, 4).toString()).toBe('ENC1');
    expect(a.subarray(4, 20).equals(b.subarray(4, 20))).toBe(false);
    expect(a.subarray(20, 32).equals(b.subarray(20, 32))).toBe(false);
    // magic 4 + salt 16 + IV 12 + text + GCM tag 16
    expect(a.length).toBe(4 + 16 + 12 + plain.length + 16);
  });

  it('refuses a file with one byte changed', () => {
    const sealed = encryptFile(key, plain);
    sealed[40]! ^= 1;
    expect(() => decryptFile(key, sealed)).toThrow();
  });
});

describe('newMasterKey', () => {
  it('uses PBKDF2-SHA256 at 600,000 iterations by default, with a new salt each build', () => {
    const a = newMasterKey('correct horse battery staple');
    const b = newMasterKey('correct horse battery staple', 1000);
    expect(a.params.iterations).toBe(600_000);
    expect(a.params.kdf).toBe('PBKDF2-SHA256');
    expect(a.params.salt).not.toBe(b.params.salt);
    expect(a.key).toHaveLength(32);
  });
});

describe('encryptSite', () => {
  it('refuses a short passphrase and leaves the site as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-short-'));
    writeFileSync(join(dir, 'index.html'), '<html lang="fr"><body>Dupont SA</body></html>');
    expect(() => encryptSite(dir, 'hunter2')).toThrow('ENCOURS_SITE_KEY: the passphrase has 7 characters, at least 16 are needed');
    expect(readdirSync(dir)).toEqual(['index.html']);
  });
});
