import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Whole runs and browser tests start DuckDB, Astro and Chromium: give them room, not flakiness.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    globalSetup: ['test/global-setup.ts'],
    // Two test files at a time. Vitest's default on a 2-core machine is one worker (cores − 1), so
    // every file waited for the one before while much of a file's time is spent waiting: on ETL
    // runs in child processes, on Chromium drawing pages, on the disk. Each file still runs in its
    // own process (the default 'forks' pool, isolated). More workers, or tests run at once inside
    // the browser files, made Chromium miss its 30 s page-load timeout on a busy machine.
    maxWorkers: 2,
  },
});
