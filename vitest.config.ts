import { defineConfig } from 'vitest/config';

import { testProjects } from './test/projects.ts';

// Three projects, each file placed by what it does (test/projects.ts), never by a list kept by hand:
// 'unit' needs nothing and starts in a second or two (`npm run test:unit`); 'etl-runs' runs the ETL
// on its own fixtures; 'whole-run' reads the sample generated and run through the ETL once per test
// run by test/global-setup.ts, and (the browser files) the site built from it.
const { unit, etlRuns, wholeRun } = testProjects();
const withoutSetup = ['test/unit-setup.ts'];

export default defineConfig({
  test: {
    // Whole runs and browser tests start DuckDB, Astro and Chromium: give them room, not flakiness.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two test files at a time. Vitest's default on a 2-core machine is one worker (cores − 1), so
    // every file waited for the one before while much of a file's time is spent waiting: on ETL
    // runs in child processes, on Chromium drawing pages, on the disk. Each file still runs in its
    // own process (the default 'forks' pool, isolated). More workers, or tests run at once inside
    // the browser files, made Chromium miss its 30 s page-load timeout on a busy machine.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: unit, setupFiles: withoutSetup } },
      { extends: true, test: { name: 'etl-runs', include: etlRuns, setupFiles: withoutSetup } },
      { extends: true, test: { name: 'whole-run', include: wholeRun, globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});
