// Which Vitest project a test file belongs to (vitest.config.ts), decided from the file itself so
// that no list of files has to be kept by hand:
// - 'whole-run': the file reads the whole-run set-up (vitest's inject, fed by test/global-setup.ts:
//   the sample generated and run through the ETL once per test run), itself or through a local
//   module it imports, however deep; the browser files are here, through test/browser/harness.ts;
// - 'etl-runs': the file runs the ETL on its own fixtures (it calls runEtl, buildWarehouse or
//   sharedWarehouse, or starts a child process: the command line), a few seconds per run;
// - 'unit': everything else, without any set-up: a file starts in a second or two.
// test/unit-setup.ts makes inject throw outside 'whole-run', for whatever this reading of the text
// misses (a call through an alias, a module imported by a path it does not follow).
import { existsSync, globSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const projectDir = join(import.meta.dirname, '..');

export interface TestProjects {
  unit: string[];
  etlRuns: string[];
  wholeRun: string[];
}

/** Every test file under `root`/test, relative to `root`, by the project it runs in. */
export function testProjects(root = projectDir): TestProjects {
  const projects: TestProjects = { unit: [], etlRuns: [], wholeRun: [] };
  const seen = new Map<string, boolean>();
  for (const file of globSync('test/**/*.test.ts', { cwd: root }).sort()) {
    const path = resolve(root, file);
    if (readsSetup(path, seen)) projects.wholeRun.push(file);
    else if (runsEtl(path)) projects.etlRuns.push(file);
    else projects.unit.push(file);
  }
  return projects;
}

/** Whether `file`, or a module it imports by a relative path (transitively), calls inject. */
export function readsSetup(file: string, seen = new Map<string, boolean>()): boolean {
  const known = seen.get(file);
  if (known !== undefined) return known;
  seen.set(file, false); // an import cycle adds nothing the files on it do not say themselves
  const text = readFileSync(file, 'utf8');
  const reads = callsInject.test(text) || localImports(text, dirname(file)).some((imported) => readsSetup(imported, seen));
  seen.set(file, reads);
  return reads;
}

/**
 * Whether the test file itself runs the ETL. Only the file's own text: test/helpers.ts, which
 * defines these functions, also holds runModel (one SQL model on hand-made tables, a unit test).
 */
export function runsEtl(file: string): boolean {
  return runsTheEtl.test(readFileSync(file, 'utf8'));
}

// Written without the calls' own spelling, so that this module does not match itself.
const callsInject = /\binject\s*[(<]/;
const runsTheEtl = /\b(?:runEtl|buildWarehouse|sharedWarehouse)\s*\(|['"]node:child_process['"]/;
const importedPath = /\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+\.ts)['"]/g;

function localImports(text: string, dir: string): string[] {
  return [...text.matchAll(importedPath)].map((match) => resolve(dir, match[1]!)).filter((path) => existsSync(path));
}
