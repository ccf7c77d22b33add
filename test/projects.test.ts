// The split of the test files into Vitest projects (test/projects.ts, vitest.config.ts): a file
// that reads the whole-run set-up must run after it, one that runs the ETL must not slow the quick
// 'unit' project down, and a file misplaced anyway must fail loudly, not read undefined.
import { cpSync, globSync, mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { projectDir, testProjects } from './projects.ts';

/** test/fixtures/test-projects/ copied as the test folder of a new project, each file without its .txt. */
function fixtureProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'encours-projects-'));
  cpSync(join(projectDir, 'test', 'fixtures', 'test-projects'), join(root, 'test'), { recursive: true });
  for (const file of readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.txt')) renameSync(join(root, 'test', file), join(root, 'test', file.slice(0, -'.txt'.length)));
  }
  return root;
}

describe('testProjects', () => {
  it('puts a file by what it does: reads the set-up (itself or two imports down), runs the ETL, or neither', () => {
    expect(testProjects(fixtureProject())).toEqual({
      // page.test.ts imports harness.ts, which imports sample.ts, which reads the sample warehouse.
      wholeRun: ['test/browser/page.test.ts', 'test/reads-sample.test.ts'],
      // One builds a warehouse from a fixture, the other starts the command line.
      etlRuns: ['test/command-line.test.ts', 'test/fixture-run.test.ts'],
      // one-model.test.ts imports helpers.ts, where buildWarehouse calls runEtl, but calls only
      // runModel; the two cycle files import each other and read nothing.
      unit: ['test/cycle-a.test.ts', 'test/one-model.test.ts'],
    });
  });

  it('places every test file of this project in exactly one project', () => {
    const { unit, etlRuns, wholeRun } = testProjects();
    const all = globSync('test/**/*.test.ts', { cwd: projectDir }).sort();
    expect([...unit, ...etlRuns, ...wholeRun].sort()).toEqual(all);
    // One of each, known by what it does: Intl formatting, a run of the command line on broken
    // exports, pages of the sample's site in Chromium.
    expect(unit).toContain('test/site/format.test.ts');
    expect(etlRuns).toContain('test/etl/bad-input-suite.test.ts');
    expect(wholeRun).toContain('test/browser/finance.test.ts');
    // This file runs without the set-up: the alias below is the one reading of it.
    expect(unit).toContain('test/projects.test.ts');
  });
});

describe('test/unit-setup.ts', () => {
  it('makes reading the whole-run set-up fail outside the whole-run project, naming the fix', () => {
    // Through an alias, which test/projects.ts does not see: the guard is for what it misses.
    const read = inject;
    expect(() => read('sampleWarehouse')).toThrow(/inject of 'sampleWarehouse' outside the 'whole-run' test project/);
  });
});
