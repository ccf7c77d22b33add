// The folder a run works in, and the lock that keeps two runs off one warehouse. Everything a run
// writes — the warehouse it builds, re-encoded copies of the exports, DuckDB's spill files — lives
// in <warehouse>-runs/.partial-<run id>/ and goes with it, so no copy of the books is left in the
// system temp folder. A run holds <warehouse>-runs/.lock from start to end: a second run on the
// same warehouse stops at once (naming the first) rather than waiting, because a nightly that
// waits behind a stuck run only hides it. A lock whose process is gone is stale and taken over,
// and partial folders of earlier runs — dead, since only the lock holder writes — are removed.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { newRunId } from './publish.ts';

export interface RunFolder {
  runId: string;
  /** <warehouse>-runs: finished runs, the lock and partial folders. */
  runsDir: string;
  /** This run's own folder; removed by release(). */
  partialDir: string;
  /** Where the warehouse is written before it is moved to runsDir/<runId> and swapped in. */
  outDir: string;
  /** Re-encoded copies of the exports (DuckDB reads only UTF-8 and Latin-1). */
  scratchDir: string;
  /** DuckDB's temp_directory, where it spills what does not fit in memoryLimit. */
  spillDir: string;
  /** Removes the run's partial folder and its lock; safe to call twice. */
  release(): void;
}

/** A run that must not go on; the message says why and what to do. */
export class RunStopped extends Error {}

interface LockOwner {
  pid: number;
  started_at: string;
}

/** Takes the warehouse's lock, removes what failed runs left, and creates this run's folder. */
export function openRunFolder(warehouseDir: string, startedAt = new Date()): RunFolder {
  const runsDir = `${warehouseDir}-runs`;
  mkdirSync(runsDir, { recursive: true });
  const lockFile = join(runsDir, '.lock');
  takeLock(lockFile, warehouseDir, startedAt);
  let released = false;
  const runId = newRunId(startedAt);
  const partialDir = join(runsDir, `.partial-${runId}`);
  const release = () => {
    if (released) return;
    released = true;
    try {
      rmSync(partialDir, { recursive: true, force: true });
      rmSync(lockFile, { force: true });
    } catch {
      // A disk gone read-only mid-run: what is left is a dead run's, removed by the next run.
    }
  };
  try {
    for (const name of readdirSync(runsDir)) {
      if (name.startsWith('.partial-')) rmSync(join(runsDir, name), { recursive: true, force: true });
    }
    const folder = { runId, runsDir, partialDir, outDir: join(partialDir, 'warehouse'), scratchDir: join(partialDir, 'scratch'), spillDir: join(partialDir, 'duckdb-spill'), release };
    for (const dir of [folder.outDir, folder.scratchDir, folder.spillDir]) mkdirSync(dir, { recursive: true });
    return folder;
  } catch (error) {
    release();
    throw error;
  }
}

function takeLock(lockFile: string, warehouseDir: string, startedAt: Date): void {
  const owner: LockOwner = { pid: process.pid, started_at: startedAt.toISOString() };
  // Two tries: the second after removing a stale lock. 'wx' fails if the file exists, so of two
  // runs starting together exactly one gets it.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // Created but not written (a full disk): an empty lock would only confuse the next run.
        try {
          rmSync(lockFile, { force: true });
        } catch {
          // Not created at all (a read-only disk): nothing to remove.
        }
        throw error;
      }
    }
    const other = readOwner(lockFile);
    if (other && isAlive(other.pid)) {
      throw new RunStopped(
        `another encours run (process ${other.pid}, started ${other.started_at}) is writing the warehouse ${warehouseDir}; ` +
          `this run stopped without touching it. Run again when that one has finished — or, if process ${other.pid} is not an encours run, delete ${lockFile}.`,
      );
    }
    rmSync(lockFile, { force: true });
  }
  throw new RunStopped(`another encours run took the lock ${lockFile} at the same moment; run again when it has finished.`);
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, started_at: String(owner.started_at) } : null;
  } catch {
    // Unreadable or half-written (a run killed while writing it): no live owner to name.
    return null;
  }
}

/** Signal 0 checks that the process exists without touching it; EPERM means it exists as another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What a user should read for an error writing the warehouse's folders (a read-only mount, a full
 * disk, no permission), from Node's error code or DuckDB's IO error text; null for anything else.
 * With `onlyIfNamed`, only an error that names a path under the warehouse counts (while reading
 * the exports, a permission error is about an input file, not the warehouse).
 */
export function writeProblem(error: unknown, warehouseDir: string, { onlyIfNamed = false } = {}): RunStopped | null {
  if (error instanceof RunStopped) return null;
  const code = (error as NodeJS.ErrnoException).code;
  const text = String((error as Error).message ?? error);
  if (onlyIfNamed && !text.includes(warehouseDir)) return null;
  const cause =
    code === 'ENOSPC' || code === 'EDQUOT' || /No space left on device|Disk quota exceeded/i.test(text)
      ? 'the disk is full'
      : code === 'EROFS' || /Read-only file system/i.test(text)
        ? 'it is on a read-only file system'
        : code === 'EACCES' || code === 'EPERM' || /Permission denied/i.test(text)
          ? 'permission denied'
          : null;
  if (!cause) return null;
  return new RunStopped(
    `cannot write the warehouse folder ${warehouseDir} (and ${warehouseDir}-runs beside it): ${cause}. ` +
      'Free some space or fix the folder\'s permissions (or choose another folder with --warehouse), then run again.',
  );
}
