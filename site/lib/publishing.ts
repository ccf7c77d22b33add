// What a published build leaves out. Local builds (npm start, npm run build, the tests) offer the
// warehouse's files under /data/ as they always did; a published build (ENCOURS_PUBLISHED=1, set by
// `npm run nightly -- --publish` and the nightly workflow) offers them only when asked to with
// ENCOURS_PUBLISH_DATA=1 — and then encrypted like the pages when ENCOURS_SITE_KEY is set.
// Read when called, not when the module loads: the tests build several sites in one process.

/** Whether this build offers the warehouse's Parquet and JSON files for download. */
export function offersDataFiles(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ENCOURS_PUBLISHED !== '1' || env.ENCOURS_PUBLISH_DATA === '1';
}
