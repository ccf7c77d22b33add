// The warehouse's lineage.json: which model each table is built from, by subject. The run writes it
// (etl/lineage.ts, the same graph that writes docs/lineage.md) and the site's about page reads it,
// one schema for both, as shared/manifest.ts does for the manifest.
import { z } from 'zod';

const names = z.array(z.string());

export const lineageModelSchema = z.object({
  name: z.string(),
  layer: z.enum(['staging', 'intermediate', 'marts']),
  /** The model's SQL file, from the repository's root (etl/models/<subject>/<name>.sql). */
  sql: z.string(),
  /** The first sentence(s) of the model's header comment: what a row is. */
  row: z.string(),
  /** What it reads, by kind: published tables, intermediate and staging models, raw inputs, settings tables. */
  reads: z.object({ marts: names, intermediate: names, staging: names, inputs: names, settings: names }),
  /** The models that read it. */
  read_by: names,
  /** A published table's contract: its .json beside the SQL and how many columns it describes. */
  contract: z.object({ file: z.string(), columns: z.number() }).nullable(),
  /** The tests declared in the model's .json, each in words ("invoice_id is unique"). */
  tests: names,
  /** The data tests of etl/checks that read it (file names): a run stops when one returns a row. */
  checks: names,
});

export const lineageSchema = z.object({
  subjects: z.array(z.object({ subject: z.string(), models: z.array(lineageModelSchema) })),
});

export type LineageModel = z.infer<typeof lineageModelSchema>;
export type Lineage = z.infer<typeof lineageSchema>;
