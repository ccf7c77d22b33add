// The floor a run is measured against: DuckDB alone, in its own process, reading the same exports
// (every CSV or FEC file of the input folder) and writing each back as a zstd Parquet file. Prints
// a JSON line with its wall time and peak memory, like etl-step.ts.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { argv } from 'zx';

import { openDatabase, sqlString } from '../../shared/duckdb.ts';

const input = String(argv.input);
const out = String(argv.out);
const started = performance.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const db = await openDatabase();
try {
  for (const file of readdirSync(input).filter((f) => /\.(csv|txt)$/i.test(f)).sort()) {
    const target = join(out, file.replace(/\.(csv|txt)$/i, '.parquet'));
    await db.run(`copy (select * from read_csv(${sqlString(join(input, file))}, header = true)) to ${sqlString(target)} (format parquet, compression zstd)`);
  }
} finally {
  db.close();
}
console.log(JSON.stringify({ ms: performance.now() - started, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
