// Builds the site in its own process and prints a JSON line with the time, the CPU time (user and
// system: on a shared machine the steadier of the two) and the peak memory.
import { build } from 'astro';

const started = performance.now();
await build({ logLevel: 'warn' });
const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (userCPUTime + systemCPUTime) / 1000, peakRssMb: maxRSS / 1024 }));
