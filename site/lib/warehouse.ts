// The site's only door to the warehouse: every loader, by subject (site/lib/warehouse/). Each
// query runs once per build; see read.ts.
export { byClient, companyCurrency, penaltiesEnabled, readManifest, warehouseDir, type Manifest } from './read.ts';
export * from './warehouse/collections.ts';
export * from './warehouse/desk.ts';
export * from './warehouse/receivables.ts';
export * from './warehouse/metadata.ts';
export * from './warehouse/scores.ts';
export * from './warehouse/lists.ts';
