// One benchmark step in its own process, so its peak memory is its own: runs the ETL and prints
// a JSON line with each step's time and rows, whether the published warehouse was kept (nothing
// changed) and the process's peak resident memory. --full rebuilds whatever the fingerprint says.
import { argv } from 'zx';

import { loadConfig } from '../../etl/config.ts';
import { runEtl, type StepEvent } from '../../etl/pipeline.ts';

const input = String(argv.input);
const steps: StepEvent[] = [];
const { config, path } = loadConfig(undefined, input);
if (argv['memory-limit']) config.memoryLimit = String(argv['memory-limit']);
const started = performance.now();
const manifest = await runEtl({ inputDir: input, warehouseDir: String(argv.warehouse), config, configPath: path, full: argv.full === true, log: (e) => steps.push(e) });
console.log(JSON.stringify({ ms: performance.now() - started, steps, kept: manifest.kept ?? false, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
