// The file is read in chunks of whole lines: together they are the file, byte for byte, and only
// the last may end without a line feed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { forEachLineChunk } from '../../etl/readers/line-chunks.ts';
import { scanBytes } from '../../etl/readers/encoding.ts';

function file(content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'encours-chunks-')), 'file.csv');
  writeFileSync(path, content);
  return path;
}

describe('forEachLineChunk', () => {
  it('gives the whole file, the last line even without its line feed', () => {
    const content = 'a;b\r\r\n1;"deux\nlignes"\n\n3;é';
    const chunks: string[] = [];
    forEachLineChunk(file(content), (bytes) => chunks.push(bytes.toString('utf8')));
    expect(chunks.join('')).toBe(content);
  });

  it('gives a line longer than its 16 MiB buffer whole, or in pieces when asked to split it', () => {
    const content = `header\n${'x'.repeat(20 * 2 ** 20)}\nlast`;
    const path = file(content);
    const whole: number[] = [];
    forEachLineChunk(path, (bytes) => whole.push(bytes.length));
    expect(whole).toEqual([7, 20 * 2 ** 20 + 1, 4]);
    const split: string[] = [];
    forEachLineChunk(path, (bytes) => split.push(bytes.toString('latin1')), { longLines: 'split' });
    expect(split.length).toBeGreaterThan(2);
    expect(split.join('')).toBe(content);
  });

  it('gives nothing for an empty file', () => {
    const chunks: Buffer[] = [];
    forEachLineChunk(file(''), (bytes) => chunks.push(Buffer.from(bytes)));
    expect(chunks).toEqual([]);
  });
});

describe('scanBytes', () => {
  it('tells Windows-1252 from UTF-8 and finds CR CR LF line ends', () => {
    expect(scanBytes(file(Buffer.from('nom;montant\r\r\nSoci\xe9t\xe9 G\xe9n\xe9rale;12,50\r\r\n', 'latin1')))).toEqual({ encoding: expect.stringMatching(/windows-1252|iso-8859-15/), crcrlf: true });
    expect(scanBytes(file('nom;montant\nSociété;12,50\n'))).toEqual({ encoding: 'utf-8', crcrlf: false });
  });
});
