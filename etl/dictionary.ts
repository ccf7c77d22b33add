// The data dictionary: one JSON file beside each mart (etl/models/<subject>/<table>.json) describing
// the table and each column with its DuckDB type. Shipped in the warehouse as data_dictionary.json
// and shown on the site; a test fails when a column changes without its entry changing too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { martFiles, modelsDir, type DeclaredTest } from './model-graph.ts';

export interface TableEntry {
  table: string;
  description: string;
  /** The table's description in French (the French site's data dictionary). */
  description_fr?: string;
  columns: { name: string; type: string; description: string; description_fr?: string }[];
  /** The tests the runner runs on the table (etl/model-graph.ts); `not_null` ones also type the site's rows. */
  tests?: DeclaredTest[];
}

export function readDictionary(dir = modelsDir): TableEntry[] {
  return martFiles(dir).map(({ name, subject }) => {
    const path = join(dir, subject, `${name}.json`);
    if (!existsSync(path)) return { table: name, description: '(not documented)', columns: [] };
    return JSON.parse(readFileSync(path, 'utf8')) as TableEntry;
  });
}
