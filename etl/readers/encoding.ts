// What a text file's bytes are: UTF-8 or one of the single-byte code pages French accounting
// packages write (Windows-1252, ISO-8859-15, the DOS code page 850), and whether its lines end
// with CR CR LF. Read in chunks, so a file of several hundred megabytes is never held whole.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

import { forEachLineChunk } from './line-chunks.ts';

export interface ByteScan {
  encoding: DetectedEncoding;
  crcrlf: boolean;
}

export type DetectedEncoding = 'utf-8' | 'cp850' | 'windows-1252' | 'iso-8859-15';

/** Reads the file by chunks of whole lines (line-chunks.ts), counting the bytes that tell the code page. */
export function scanBytes(path: string): ByteScan {
  const counts = { utf8: true, low: 0, cp850Letters: 0, high: 0 };
  let crcrlf = false;
  forEachLineChunk(path, (bytes) => {
    if (!crcrlf && bytes.includes('\r\r\n')) crcrlf = true;
    countBytes(bytes, counts);
  }, { longLines: 'split' });
  return { encoding: encodingOf(counts), crcrlf };
}

interface ByteCounts {
  utf8: boolean;
  low: number;
  cp850Letters: number;
  high: number;
}

const cp850French = new Set([0x80, 0x81, 0x82, 0x83, 0x85, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x90, 0x93, 0x96, 0x97]);

function countBytes(bytes: Uint8Array, counts: ByteCounts): void {
  if (counts.utf8 && isUtf8(bytes)) return;
  counts.utf8 = false;
  for (const byte of bytes) {
    if (byte >= 0x80 && byte <= 0x9f) {
      counts.low++;
      if (cp850French.has(byte)) counts.cp850Letters++;
    } else if (byte >= 0xc0) counts.high++;
  }
}

/**
 * UTF-8 when the bytes are valid UTF-8. Otherwise a single-byte code page: the DOS code page 850
 * puts French accented letters at 0x80–0x9F (é 0x82, è 0x8A, à 0x85, ç 0x87), where Windows-1252
 * has only punctuation (’ “ ” – €) and ISO-8859-15 nothing; both put them at 0xC0–0xFF.
 */
function encodingOf(counts: ByteCounts): DetectedEncoding {
  if (counts.utf8) return 'utf-8';
  if (counts.low === 0) return 'iso-8859-15';
  return counts.cp850Letters > counts.high ? 'cp850' : 'windows-1252';
}

/** The encoding of a whole file's bytes (see encodingOf). */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const counts = { utf8: true, low: 0, cp850Letters: 0, high: 0 };
  countBytes(bytes, counts);
  return encodingOf(counts);
}

/** What the first bytes of a file say it is, whatever its name: a workbook, UTF-16 text, or other text. */
export type FileSignature = 'xlsx' | 'xls' | 'utf-16le' | 'utf-16be' | 'text';

/**
 * An .xlsx is a ZIP (PK 03 04), an .xls an OLE compound file (D0 CF 11 E0); UTF-16 text starts
 * with its BOM (FF FE or FE FF) or, without one, has a NUL byte beside most ASCII characters —
 * which no UTF-8 or single-byte export has.
 */
export function fileSignature(path: string): FileSignature {
  const head = Buffer.alloc(65536);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, length);
  const startsWith = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (startsWith(0xff, 0xfe)) return 'utf-16le';
  if (startsWith(0xfe, 0xff)) return 'utf-16be';
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 ? oddNuls++ : evenNuls++;
  if (oddNuls > bytes.length / 4) return 'utf-16le';
  if (evenNuls > bytes.length / 4) return 'utf-16be';
  return 'text';
}

/** Whether the file's first line (its header) is valid UTF-8, read from its first 64 KiB. */
export function firstLineIsUtf8(path: string): boolean {
  const head = Buffer.alloc(65536);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const end = head.subarray(0, length).indexOf(0x0a);
  return isUtf8(head.subarray(0, end === -1 ? length : end));
}
