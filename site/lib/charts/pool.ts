// Draws charts in a worker thread while the build renders other pages. The two Plot charts on each
// of 10,000 client pages were about a third of the build's time, all on its one JavaScript thread;
// in a worker they are drawn on the machine's other core (docs/performance.md: the same CPU time,
// 0.82x the wall time). One worker: the build's own thread stays the busier of the two.
import { Worker } from 'node:worker_threads';

import type { ChartMessage, ChartReply } from './chart-worker.ts';
import type { ChartRequest } from './requests.ts';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();

/** The request's SVG text, drawn in the worker; a chart that fails fails the page with the worker's error. */
export function drawChart(request: ChartRequest): Promise<string> {
  const chartWorker = started();
  const id = nextId++;
  // Held while a chart is awaited (the build must not end on it), let go when none is.
  if (pending.size === 0) chartWorker.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    chartWorker.postMessage({ id, request } satisfies ChartMessage);
  });
}

function started(): Worker {
  if (worker) return worker;
  // The worker's source file, written in by astro.config.mjs: the build bundles this module into
  // its own chunks, where no path relative to it leads back to site/lib/charts/.
  const file = process.env.ENCOURS_CHART_WORKER;
  if (!file) throw new Error('ENCOURS_CHART_WORKER is not set: the chart worker is started from a build (astro.config.mjs sets it)');
  const created = new Worker(file);
  created.unref();
  created.on('message', (reply: ChartReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) created.unref();
    if ('error' in reply) waiting.reject(new Error(`chart worker: ${reply.error}`));
    else waiting.resolve(reply.svg);
  });
  // A worker that dies takes every chart it owed with it: each waiting page fails, saying why.
  const failAll = (error: Error) => {
    worker = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  created.on('error', failAll);
  created.on('exit', (code) => failAll(new Error(`chart worker exited with code ${code}`)));
  return (worker = created);
}
