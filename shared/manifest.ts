// The warehouse's manifest.json: what a run writes (etl/publish-warehouse.ts) and what the site
// reads (site/lib/warehouse/query.ts), one schema for both, so a field the run renames or drops
// stops the site's build with the field's name instead of showing a blank.
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]).nullable();

export const manifestSchema = z.object({
  tool: z.string(),
  version: z.string(),
  run_id: z.string(),
  run_at: z.string(),
  as_of_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date'),
  /** The company currency every amount is in. */
  currency: z.string(),
  duration_ms: z.number(),
  config_file: z.string().nullable(),
  /** read_as: how an open-items file was read (encoding or workbook, decimal sign detected or set). */
  inputs: z.array(
    z.object({
      file: z.string(),
      kind: z.string(),
      size_bytes: z.number(),
      sha256: z.string(),
      rows: z.number(),
      rejected_rows: z.number(),
      read_as: z.string().nullable(),
    }),
  ),
  tables: z.record(z.string(), z.object({ file: z.string(), rows: z.number() })),
  /** The invoices table's rows by kind: the run's last line counts invoices and credit notes apart (absent in older manifests). */
  documents: z.object({ invoices: z.number(), credit_notes: z.number() }).optional(),
  /** What the warehouse was built from, as hashes (etl/fingerprint.ts): a run with the same keeps it (absent in older manifests). */
  fingerprint: z
    .object({
      code: z.string(),
      config: z.string(),
      reference: z.string(),
      as_of: z.string().nullable(),
      inputs: z.record(z.string(), z.string()),
    })
    .optional(),
  /** The run_summary row: headline figures to compare run to run. */
  headline: z.record(z.string(), scalar),
});

export type Manifest = z.infer<typeof manifestSchema>;
