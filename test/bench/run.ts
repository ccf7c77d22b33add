#!/usr/bin/env node
// npm run bench [-- --scale 1|10 --steps etl,site --format csv|fec]
// Generates a synthetic ledger (scale 1: 10,000 clients, 1,000,000 invoices; scale 10: ten times
// that) as open-items CSV or as a FEC (about 2.9 lines per invoice), times each ETL step and the
// site build in separate processes, prints wall time, rows per second and peak memory, and writes
// the results to test-output/bench/. The ETL runs four times, each beside its floor (test/bench/floor.ts,
// measured just before it): a full run (--full), the same exports again (the warehouse is kept),
// one more day of exports (open items only: about 500 invoices and 300 payments) and that day again.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { $, argv, chalk } from 'zx';

import { addNextDay, generateLedger, type LedgerFormat } from './ledger.ts';

const scale = Number(argv.scale ?? 1);
const steps = String(argv.steps ?? 'etl,site').split(',');
const format: LedgerFormat = argv.format === 'fec' ? 'fec' : 'csv';
const size = { clients: 10_000 * scale, invoices: 1_000_000 * scale };
const name = `scale-${scale}${format === 'fec' ? '-fec' : ''}`;
const root = join('test-output', 'bench', name);
const inputDir = join(root, 'input');
const warehouseDir = join(root, 'warehouse');
const results: Record<string, unknown> = {
  scale,
  format,
  size,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  at: new Date().toISOString(),
};

if (!existsSync(join(inputDir, format === 'fec' ? 'FEC.txt' : 'invoices.csv'))) {
  const t = performance.now();
  await generateLedger(inputDir, size, format);
  console.log(`generated ${size.invoices.toLocaleString('en-US')} invoices${format === 'fec' ? ' as a FEC' : ''} in ${((performance.now() - t) / 1000).toFixed(1)} s → ${inputDir}`);
}

const json = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown> & { ms: number; peakRssMb: number };

if (steps.includes('etl')) {
  // A ten-times ledger runs within 16 GB: DuckDB's limit is set below it and it spills the rest.
  const memoryLimit = argv['memory-limit'] ? String(argv['memory-limit']) : scale >= 10 ? '12GB' : undefined;
  const limitArgs = memoryLimit ? ['--memory-limit', memoryLimit] : [];
  const floor = async (input: string) => json((await $`node test/bench/floor.ts --input ${input} --out ${join(root, 'floor')}`).stdout);
  const etl = async (input: string, ...more: string[]) => json((await $`node test/bench/etl-step.ts --input ${input} --warehouse ${warehouseDir} ${limitArgs} ${more}`).stdout);
  // Each run beside its floor measured just before it (DuckDB alone reading the same exports and
  // writing them back as zstd Parquet), so that a busy machine slows both alike.
  const runs: { run: string; ms: number; floorMs: number; peakRssMb: number; kept: boolean }[] = [];
  const measure = async (run: string, input: string, ...more: string[]) => {
    const base = await floor(input);
    const out = await etl(input, ...more);
    runs.push({ run, ms: out.ms, floorMs: base.ms, peakRssMb: out.peakRssMb, kept: out.kept === true });
    return out;
  };
  const out = await measure('full run', inputDir, '--full');
  const stepRows = out.steps as { step: string; rows?: number; ms: number }[];
  console.log(chalk.bold(`\nETL, ${size.invoices.toLocaleString('en-US')} invoices${format === 'fec' ? ' from a FEC' : ''}`));
  for (const s of stepRows) {
    const rate = s.rows && s.ms > 0 ? `${Math.round((s.rows / s.ms) * 1000).toLocaleString('en-US')} rows/s` : '';
    console.log(`  ${s.step.padEnd(44)} ${`${(s.ms / 1000).toFixed(2)} s`.padStart(9)} ${String(s.rows?.toLocaleString('en-US') ?? '').padStart(12)}  ${rate}`);
  }
  console.log(`  ${'total'.padEnd(44)} ${`${(out.ms / 1000).toFixed(2)} s`.padStart(9)}   peak memory ${Math.round(out.peakRssMb)} MB`);
  await measure('the same exports again', inputDir);
  if (format === 'csv') {
    const nextDir = join(root, 'input-next-day');
    if (!existsSync(join(nextDir, 'invoices.csv'))) await addNextDay(inputDir, nextDir, size);
    await measure('one more day (500 invoices, 300 payments)', nextDir);
    await measure('that day again', nextDir);
  }
  console.log(chalk.bold('\nETL against its floor (DuckDB alone: the same exports to zstd Parquet)'));
  for (const r of runs) {
    console.log(`  ${r.run.padEnd(44)} ${`${(r.ms / 1000).toFixed(2)} s`.padStart(9)}  floor ${`${(r.floorMs / 1000).toFixed(2)} s`.padStart(7)}  ${`${(r.ms / r.floorMs).toFixed(1)}×`.padStart(6)}  peak ${Math.round(r.peakRssMb)} MB${r.kept ? '  (warehouse kept: nothing changed)' : ''}`);
  }
  results.etl = { ...out, runs };
}

if (steps.includes('site')) {
  const outDir = join(root, 'site');
  const out = json((await $({ env: { ...process.env, ENCOURS_WAREHOUSE: warehouseDir, ENCOURS_SITE_OUT: outDir } })`node test/bench/site-step.ts`).stdout);
  const clientPages = existsSync(join(outDir, 'clients')) ? readdirSync(join(outDir, 'clients')).filter((d) => existsSync(join(outDir, 'clients', d, 'index.html'))) : [];
  const pages = clientPages.length + 1;
  const sizes = clientPages.map((d) => statSync(join(outDir, 'clients', d, 'index.html')).size);
  const overviewKb = statSync(join(outDir, 'index.html')).size / 1024;
  const largestClientKb = Math.max(0, ...sizes) / 1024;
  const { files: htmlPages, bytes: htmlBytes } = countHtml(outDir);
  console.log(chalk.bold('\nSite build'));
  console.log(`  ${pages.toLocaleString('en-US')} pages in ${(out.ms / 1000).toFixed(1)} s (${Math.round((pages / out.ms) * 1000)} pages/s: client pages and the overview; ${htmlPages.toLocaleString('en-US')} HTML files in all, ${Math.round((htmlPages / out.ms) * 1000)}/s), peak memory ${Math.round(out.peakRssMb)} MB`);
  // The floor: Astro alone rendering as many pages of the same mean size, nothing read or computed.
  const meanKb = htmlBytes / htmlPages / 1024;
  // On a shared machine the CPU time (user + system) is the steadier measure: both rates are given.
  const floor = json((await $`node test/bench/astro-floor.ts --pages ${htmlPages} --kb ${meanKb.toFixed(1)}`).stdout) as ReturnType<typeof json> & { pages: number; meanKb: number; cpuMs: number };
  const floorRate = (floor.pages / floor.ms) * 1000;
  const ourRate = (htmlPages / out.ms) * 1000;
  const [floorCpuRate, ourCpuRate] = [(floor.pages / floor.cpuMs) * 1000, (htmlPages / (out.cpuMs as number)) * 1000];
  console.log(`  Astro alone: ${floor.pages.toLocaleString('en-US')} pages of ${floor.meanKb.toFixed(1)} KB (ours: ${meanKb.toFixed(1)} KB) in ${(floor.ms / 1000).toFixed(1)} s, ${Math.round(floorRate)} pages/s: ours ${(ourRate / floorRate).toFixed(2)}× its pace`);
  console.log(`  per CPU second: ours ${Math.round(ourCpuRate)} pages, Astro alone ${Math.round(floorCpuRate)}: ${(ourCpuRate / floorCpuRate).toFixed(2)}× its pace`);
  console.log(`  overview ${overviewKb.toFixed(0)} KB, largest client page ${largestClientKb.toFixed(1)} KB`);
  // The long lists (site/lib/lists.ts): each static page's HTML (target: under 300 KB) and the rows file.
  const lists: Record<string, { pagesKb: number[]; rowsKb: number }> = {};
  for (const list of ['clients', 'ageing', 'collections']) {
    const later = existsSync(join(outDir, list, 'page')) ? readdirSync(join(outDir, list, 'page')).map(Number).sort((a, b) => a - b) : [];
    const files = [join(outDir, list, 'index.html'), ...later.map((n) => join(outDir, list, 'page', String(n), 'index.html'))];
    const pagesKb = files.map((f) => statSync(f).size / 1024);
    const rowsFile = join(outDir, list, 'rows.arrow');
    lists[list] = { pagesKb, rowsKb: existsSync(rowsFile) ? statSync(rowsFile).size / 1024 : 0 };
    console.log(`  /${list}/: ${pagesKb.length} pages, first ${pagesKb[0]!.toFixed(0)} KB, largest ${Math.max(...pagesKb).toFixed(0)} KB (${pagesKb.map((k) => k.toFixed(0)).join(' ')}); rows.arrow ${lists[list].rowsKb.toFixed(0)} KB`);
  }
  results.site = { ...out, pages, pagesPerSecond: (pages / out.ms) * 1000, htmlPages, htmlPagesPerSecond: ourRate, meanKb, overviewKb, largestClientKb, lists, htmlPagesPerCpuSecond: ourCpuRate, astroAlone: { ...floor, pagesPerSecond: floorRate, pagesPerCpuSecond: floorCpuRate } };
}

/** HTML files under `dir`, and their bytes. */
function countHtml(dir: string): { files: number; bytes: number } {
  const sum = { files: 0, bytes: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = countHtml(path);
      sum.files += inner.files;
      sum.bytes += inner.bytes;
    } else if (entry.name.endsWith('.html')) {
      sum.files += 1;
      sum.bytes += statSync(path).size;
    }
  }
  return sum;
}

mkdirSync(join('test-output', 'bench'), { recursive: true });
const file = join('test-output', 'bench', `results-${name}.json`);
// A run of some steps keeps the figures of the steps it did not run (`--steps site` after an ETL run).
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(file, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
console.log(chalk.dim(`\nresults: ${file}`));
