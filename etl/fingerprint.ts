// What a warehouse was built from, as hashes: the code (the ETL's sources, the models and the
// DuckDB it ran on), the configuration, the reference tables, the as-of date asked for and each
// input file. Stored in the manifest; a run whose fingerprint equals the published warehouse's has
// nothing to recompute — every figure is a function of these, nothing reads the clock — so it keeps
// that warehouse as it is (--full rebuilds it anyway). Anything else is a full run, and the log says why.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import type { Manifest } from '../shared/manifest.ts';
import type { Config } from './config.ts';
import { etlDir } from './model-graph.ts';

export interface Fingerprint {
  code: string;
  config: string;
  reference: string;
  /** The --as-of date given, or null for the latest date in the inputs (itself a function of them). */
  as_of: string | null;
  /** Each file of the input folder (path relative to it) and its sha256. */
  inputs: Record<string, string>;
}

const projectDir = resolve(etlDir, '..');

export function fingerprint(options: { inputDir: string; config: Config; asOf?: string; modelsDir: string }): Fingerprint {
  const code = hashFiles([join(projectDir, 'etl'), join(projectDir, 'shared'), resolve(options.modelsDir)], /\.(ts|sql|json)$/);
  const duckdb = JSON.parse(readFileSync(join(projectDir, 'node_modules', '@duckdb', 'node-api', 'package.json'), 'utf8')) as { version: string };
  const referenceDir = join(projectDir, 'data', 'reference');
  const ratesFile = resolve(projectDir, options.config.penalties.ratesFile);
  const inputDir = resolve(options.inputDir);
  return {
    code: sha256(`${code}\nduckdb ${duckdb.version}`),
    config: sha256(JSON.stringify(options.config)),
    reference: hashFiles([referenceDir, ratesFile], /./),
    as_of: options.asOf ?? null,
    inputs: Object.fromEntries(listFiles(inputDir, /./).map((file) => [relative(inputDir, file), sha256(readFileSync(file))])),
  };
}

/** Why `current` cannot reuse the warehouse `previous` describes, in words; null when it can. */
export function changeFrom(previous: Manifest | null, current: Fingerprint): string | null {
  const before = previous?.fingerprint;
  if (!previous) return 'no previous warehouse';
  if (!before) return 'the previous warehouse has no fingerprint (built by an older version)';
  if (before.code !== current.code) return 'the code changed (ETL, models or DuckDB version)';
  if (before.config !== current.config) return 'the configuration changed';
  if (before.reference !== current.reference) return 'the reference tables changed (data/reference, the ECB rates file)';
  if (before.as_of !== current.as_of) return `the as-of date asked for changed (${before.as_of ?? 'latest in the inputs'} → ${current.as_of ?? 'latest in the inputs'})`;
  const files = new Set([...Object.keys(before.inputs), ...Object.keys(current.inputs)]);
  const changed = [...files].filter((file) => before.inputs[file] !== current.inputs[file]).sort();
  if (changed.length) return `the inputs changed (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? `, and ${changed.length - 5} more` : ''})`;
  return null;
}

/** One hash over the files under `roots` whose names match, by relative path and content. */
function hashFiles(roots: string[], pattern: RegExp): string {
  const hash = createHash('sha256');
  for (const root of roots) {
    for (const file of listFiles(root, pattern)) {
      hash.update(`${relative(projectDir, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/** The regular files under `path` (itself when it is a file), sorted; hidden names and node_modules left out. */
function listFiles(path: string, pattern: RegExp): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return pattern.test(path) ? [path] : [];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => listFiles(join(path, entry.name), pattern));
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
