#!/usr/bin/env node
// npm run history -- save DIR | restore DIR [--warehouse data/warehouse]
// What a nightly on a fresh machine (CI) needs from the run before it, carried in a folder that the
// workflow keeps as an artifact (or a cache) and hands back the next night:
//   DIR/warehouse-history/  the manifests of the last runs (data/warehouse-history/): the run
//                           history and "since the previous run" on /about/ and in the summary;
//   DIR/warehouse/          the last published warehouse: what the next run compares itself with
//                           before it publishes, as on a machine that kept it.
// `restore` puts them back where the ETL looks for them, never over a newer local warehouse; an
// empty or missing DIR (the first night) is not an error: the history starts with this run.
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { argv, chalk } from 'zx';

import { swapIn } from './publish.ts';
import type { Manifest } from './publish-warehouse.ts';

/** Copies the run history and the current warehouse of `warehouseDir` into `dir` (emptied first). */
export function saveHistory(dir: string, warehouseDir = 'data/warehouse'): string {
  rmSync(join(dir, 'warehouse-history'), { recursive: true, force: true });
  rmSync(join(dir, 'warehouse'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const historyDir = `${warehouseDir}-history`;
  const runs = existsSync(historyDir) ? readdirSync(historyDir).filter((f) => f.endsWith('.json')) : [];
  if (runs.length > 0) cpSync(historyDir, join(dir, 'warehouse-history'), { recursive: true });
  const manifest = readManifest(warehouseDir);
  if (manifest) cpSync(realpathSync(warehouseDir), join(dir, 'warehouse'), { recursive: true, dereference: true });
  return `saved ${runs.length} run manifest(s)${manifest ? ` and the warehouse of run ${manifest.run_id} (as of ${manifest.as_of_date})` : ', no warehouse'} into ${dir}`;
}

/** Puts back what saveHistory wrote into `dir`; returns what it did, in words. */
export function restoreHistory(dir: string, warehouseDir = 'data/warehouse'): string {
  const said: string[] = [];
  const savedRuns = join(dir, 'warehouse-history');
  if (existsSync(savedRuns)) {
    const runs = readdirSync(savedRuns).filter((f) => /^[\w-]+\.json$/.test(f));
    mkdirSync(`${warehouseDir}-history`, { recursive: true });
    // Run ids are unique: a manifest already here is the same run, so copying over it changes nothing.
    for (const file of runs) cpSync(join(savedRuns, file), join(`${warehouseDir}-history`, file));
    said.push(`${runs.length} run manifest(s)`);
  }
  const saved = readManifest(join(dir, 'warehouse'));
  const current = readManifest(warehouseDir);
  if (saved && !isComplete(join(dir, 'warehouse'), saved)) {
    said.push(`not the warehouse of run ${saved.run_id}: files of its manifest are missing`);
  } else if (saved && current && current.run_at >= saved.run_at) {
    said.push(`not the warehouse of run ${saved.run_id}: the one here (run ${current.run_id}) is as new or newer`);
  } else if (saved) {
    // Into the runs folder under its own run id, then swapped in like a run's own warehouse.
    const target = join(`${warehouseDir}-runs`, saved.run_id);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(`${warehouseDir}-runs`, { recursive: true });
    cpSync(join(dir, 'warehouse'), target, { recursive: true });
    swapIn(warehouseDir, target);
    said.push(`the warehouse of run ${saved.run_id} (as of ${saved.as_of_date})`);
  }
  return said.length > 0 ? `restored from ${dir}: ${said.join('; ')}` : `nothing to restore in ${dir}: the run history starts with this run`;
}

function readManifest(warehouseDir: string): Manifest | null {
  const file = join(warehouseDir, 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Every table file the manifest lists is there (a cut-short upload or cache must not pass for a warehouse). */
function isComplete(dir: string, manifest: Manifest): boolean {
  return Object.values(manifest.tables).every(({ file }) => existsSync(join(dir, file)) && (file.endsWith('/') ? lstatSync(join(dir, file)).isDirectory() : true));
}

if (import.meta.main) {
  const [command, dir] = argv._.map(String);
  const warehouseDir = typeof argv.warehouse === 'string' ? argv.warehouse : 'data/warehouse';
  if ((command !== 'save' && command !== 'restore') || !dir) {
    console.error('usage: npm run history -- save DIR | restore DIR [--warehouse data/warehouse]');
    process.exit(2);
  }
  console.log(chalk.bold(`history: ${command === 'save' ? saveHistory(dir, warehouseDir) : restoreHistory(dir, warehouseDir)}`));
}
