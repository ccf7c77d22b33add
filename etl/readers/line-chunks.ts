// Reading a file in chunks of whole lines, shared by the byte scan (encoding.ts) and the line
// scan (lines.ts): a file of several hundred megabytes is never held whole, and no chunk ends
// inside a line, so neither a UTF-8 character nor a CR CR LF is ever cut in two.
import { closeSync, openSync, readSync } from 'node:fs';

const LF = 0x0a;

/**
 * Calls `chunk` with about 16 MiB of the file at a time, each ending just after a line feed (the
 * last one: the file's rest, with or without its final line feed). The buffer grows for a line
 * longer than it, or with `longLines: 'split'` that line comes in buffer-sized pieces. The bytes are overwritten after `chunk` returns: keep what you need.
 */
export function forEachLineChunk(path: string, chunk: (bytes: Buffer) => void, { longLines = 'grow' }: { longLines?: 'grow' | 'split' } = {}): void {
  let buffer = Buffer.alloc(16 * 2 ** 20);
  const fd = openSync(path, 'r');
  try {
    let carried = 0;
    let position = 0;
    for (;;) {
      const read = readSync(fd, buffer, carried, buffer.length - carried, position);
      position += read;
      const filled = carried + read;
      if (read === 0) {
        if (filled > 0) chunk(buffer.subarray(0, filled));
        return;
      }
      // The carried bytes hold no line end: look only in what was just read.
      const lastLf = buffer.subarray(carried, filled).lastIndexOf(LF);
      const cut = lastLf === -1 ? 0 : carried + lastLf + 1;
      if (cut === 0 && filled === buffer.length && longLines === 'split') {
        // A line longer than the buffer, for a caller that only counts bytes: give it as it is
        // rather than grow the buffer (a 50 MB line would take seconds).
        chunk(buffer);
        carried = 0;
        continue;
      }
      if (cut === 0) {
        // No line end yet: read on, into a larger buffer when this one is full.
        if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
        carried = filled;
        continue;
      }
      chunk(buffer.subarray(0, cut));
      carried = filled - cut;
      buffer.copy(buffer, 0, cut, filled);
    }
  } finally {
    closeSync(fd);
  }
}
