// The encrypted site's primitives: a file opens with the passphrase's key only, every file gets its
// own salt and IV, and a changed byte is refused rather than decrypted into something else.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { decryptFile, encryptFile, masterKey, newMasterKey } from '../../etl/site-crypto.ts';
import { encryptSite } from '../../etl/site-encrypt.ts';
import { copyDigests, mailFolder } from '../../etl/site-mail.ts';

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

describe('encryptSite on a built site', () => {
  /** A built site in small: a page, a letter (print.css), a digest with inline styles and no policy of its own, a CSV. */
  function site(): string {
    const dir = mkdtempSync(join(tmpdir(), 'encours-site-'));
    mkdirSync(join(dir, 'digest'));
    writeFileSync(join(dir, 'index.html'), '<html lang="fr"><head><link rel="stylesheet" href="/styles.css"></head><body>Dupont SA</body></html>');
    writeFileSync(join(dir, 'styles.css'), 'body { color: #111 }');
    writeFileSync(join(dir, 'print.css'), '.sheet { width: 210mm }');
    writeFileSync(join(dir, 'digest', 'Alice_20Martin.html'), '<html lang="fr"><body style="font-family:Arial">Dupont SA</body></html>');
    writeFileSync(join(dir, 'collections.csv'), 'Dupont SA;1234,56');
    return dir;
  }

  it('leaves the letters\' print.css in clear like styles.css, so a decrypted letter prints styled', () => {
    const dir = site();
    encryptSite(dir, 'vingt-deux lignes de grand livre', { iterations: 1000 });
    expect(readFileSync(join(dir, 'print.css'), 'utf8')).toBe('.sheet { width: 210mm }');
    expect(readFileSync(join(dir, 'styles.css'), 'utf8')).toBe('body { color: #111 }');
    expect(readdirSync(dir).sort()).toEqual(['_encours', 'collections.csv.enc', 'digest', 'index.html', 'print.css', 'styles.css']);
  });

  it('gives a page without a policy of its own the site\'s, which lets a digest\'s inline styles apply once decrypted', () => {
    const dir = site();
    encryptSite(dir, 'vingt-deux lignes de grand livre', { iterations: 1000 });
    const shell = readFileSync(join(dir, 'digest', 'Alice_20Martin.html'), 'utf8');
    expect(shell).not.toContain('Dupont SA');
    expect(/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(shell)?.[1]).toContain("style-src 'self' 'unsafe-inline'");
  });
});

describe('copyDigests', () => {
  it('copies the digests in clear to the mail folder beside the site, replacing the last build\'s', () => {
    const root = mkdtempSync(join(tmpdir(), 'encours-mail-'));
    const dir = join(root, 'dist');
    mkdirSync(join(dir, 'digest'), { recursive: true });
    writeFileSync(join(dir, 'digest', 'Alice_20Martin.html'), '<p>Dupont SA</p>');
    writeFileSync(join(dir, 'digest', 'Alice_20Martin.csv'), 'Dupont SA');
    const mail = mailFolder(`${dir}/`, {});
    expect(mail).toBe(join(root, 'dist-mail'));
    mkdirSync(mail);
    writeFileSync(join(mail, 'Bob_20Left.html'), 'a rep no longer in the worklist');
    expect(copyDigests(dir, mail)).toBe(2);
    expect(readdirSync(mail).sort()).toEqual(['Alice_20Martin.csv', 'Alice_20Martin.html']);
    expect(readFileSync(join(mail, 'Alice_20Martin.html'), 'utf8')).toBe('<p>Dupont SA</p>');
    expect(mailFolder(dir, { ENCOURS_MAIL_OUT: '/srv/mail' })).toBe('/srv/mail');
  });
});
