// Set-up of every file in the 'unit' and 'etl-runs' projects (vitest.config.ts), which run without
// the whole-run set-up: reading what that set-up provides fails there, naming the file's fix,
// instead of giving undefined and a failure far from its cause. test/projects.ts puts a file that calls inject in
// 'whole-run' by reading its text; this catches what that reading misses (a call through an alias,
// a module imported by a path it does not follow).
//
// Vitest's inject reads the worker's provided context, which Vitest keeps on a global of its own
// (not a public API, hence the check: if a Vitest upgrade moves it, this fails loudly too).
const state = (globalThis as { __vitest_worker__?: { providedContext?: object } }).__vitest_worker__;
if (!state || typeof state.providedContext !== 'object') {
  throw new Error("test/unit-setup.ts: Vitest's worker state (__vitest_worker__.providedContext) is not where it was; update this guard for the Vitest in use");
}
state.providedContext = new Proxy(
  {},
  {
    get(_, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      throw new Error(
        `inject of '${key}' outside the 'whole-run' test project: this file reads the whole-run set-up (test/global-setup.ts) but was not put in 'whole-run'. ` +
          `Call inject directly in the test file or in a module it imports by a relative path, so that test/projects.ts sees it.`,
      );
    },
  },
);
