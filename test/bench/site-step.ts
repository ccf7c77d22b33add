// Builds the site in its own process and prints a JSON line with the time and peak memory.
import { build } from 'astro';

const started = performance.now();
await build({ logLevel: 'warn' });
console.log(JSON.stringify({ ms: performance.now() - started, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
