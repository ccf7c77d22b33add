// What the warehouse says about itself: its dictionary, its lineage, the quality report, run history, files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import { lineageSchema, type Lineage } from '../../../shared/lineage.ts';
import type { RunFigures } from '../../../shared/run-history.ts';
import { memo, warehouseDir, type Manifest } from '../read.ts';

const dictionaryColumn = z.object({ name: z.string(), type: z.string(), description: z.string(), description_fr: z.string().optional() });
const dictionaryTable = z.object({ table: z.string(), description: z.string(), description_fr: z.string().optional(), columns: z.array(dictionaryColumn) });

export type { Lineage };
export type DictionaryColumn = z.infer<typeof dictionaryColumn>;
export type DictionaryTable = z.infer<typeof dictionaryTable>;

/** The data dictionary shipped with the warehouse (empty for a warehouse without one), checked as it is read. */
export function dataDictionary(): DictionaryTable[] {
  const file = join(warehouseDir, 'data_dictionary.json');
  if (!existsSync(file)) return [];
  const parsed = z.array(dictionaryTable).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a data dictionary: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Which model each table is built from, by subject (lineage.json, written by the run from the same
 * graph as docs/lineage.md), checked as it is read; no subject for a warehouse without one.
 */
export function warehouseLineage(): Lineage {
  const file = join(warehouseDir, 'lineage.json');
  if (!existsSync(file)) return { subjects: [] };
  const parsed = lineageSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not the lineage this site reads (shared/lineage.ts): ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** One earlier (or this) run's manifest, as run_history.json keeps them, newest first. */
export interface RunRecord {
  run_id: string;
  run_at: string;
  as_of_date: string;
  duration_ms?: number;
  inputs: Manifest['inputs'];
  headline?: Record<string, string | number | boolean | null>;
  /** Each headline figure's value and its change since the run before (etl/run-changes.ts); absent from an older ETL's history. */
  figures?: RunFigures;
}

/** The runs the warehouse remembers, newest first (just this one for a warehouse without history). */
export function runHistory(): RunRecord[] {
  const file = join(warehouseDir, 'run_history.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunRecord[]) : [];
}

/** A file of the warehouse the site offers for download: Parquet tables and the JSON beside them. */
export interface WarehouseFile {
  name: string;
  bytes: number;
}

const downloadable = /^[A-Za-z0-9_-]+\.(parquet|json)$/;

/** The warehouse's single-file tables and JSON documents (a partitioned table is a folder: not listed). */
export function warehouseFiles(): WarehouseFile[] {
  if (!existsSync(warehouseDir)) return [];
  return readdirSync(warehouseDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && downloadable.test(entry.name))
    .map((entry) => ({ name: entry.name, bytes: statSync(join(warehouseDir, entry.name)).size }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The bytes of one file listed by warehouseFiles. */
export function warehouseFileBytes(name: string): Uint8Array<ArrayBuffer> {
  if (!downloadable.test(name)) throw new Error(`not a warehouse file: ${name}`);
  return new Uint8Array(readFileSync(join(warehouseDir, name)));
}
