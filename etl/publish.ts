// Publishing by atomic swap: a complete folder is pointed to by a symlink (data/warehouse, dist),
// replaced with one rename(). Readers see the old folder or the new one, never a half-written one.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** Points `link` at `target`; a plain folder found at `link` is moved beside the target, not deleted. */
export function swapIn(link: string, target: string): void {
  mkdirSync(dirname(link), { recursive: true });
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) {
    renameSync(link, join(dirname(target), `previous-${basename(target)}`));
  }
  const next = `${link}.new-${process.pid}`;
  rmSync(next, { force: true });
  symlinkSync(relative(dirname(link), target), next);
  renameSync(next, link);
}

/** Keeps the newest `keep` finished folders of `dir` (names sort by time) and removes stale partial ones. */
export function pruneFolders(dir: string, keep: number, current: string): void {
  const finished = readdirSync(dir).filter((name) => !name.startsWith('.') && !name.startsWith('previous-')).sort();
  for (const old of finished.slice(0, Math.max(0, finished.length - keep))) {
    if (old !== current) rmSync(join(dir, old), { recursive: true, force: true });
  }
  for (const partial of readdirSync(dir).filter((name) => name.startsWith('.partial-') && !name.endsWith(current))) {
    rmSync(join(dir, partial), { recursive: true, force: true });
  }
}

/** A sortable id for a run: UTC time to the second, then the process id. */
export function newRunId(at = new Date()): string {
  return `${at.toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}`;
}
