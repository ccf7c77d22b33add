// The worker thread that draws the site's per-client charts (pool.ts): a request in, its SVG text
// (or the error that stopped it) out. It reads no warehouse: everything a chart shows is in its request.
import { parentPort } from 'node:worker_threads';

import { t } from '../i18n/index.ts';
import { makeFormat, type Format } from '../make-format.ts';
import { drawRequest, type ChartRequest } from './requests.ts';

export interface ChartMessage {
  id: number;
  request: ChartRequest;
}

export type ChartReply = { id: number; svg: string } | { id: number; error: string };

/** The formatter of a request's locale and currency, made once for each pair. */
const formats = new Map<string, Format>();
function formatFor({ locale, currency }: ChartRequest): Format {
  const key = `${locale} ${currency}`;
  let intl = formats.get(key);
  if (!intl) formats.set(key, (intl = makeFormat(locale, currency, t)));
  return intl;
}

const port = parentPort;
if (!port) throw new Error('chart-worker.ts runs as a worker thread (site/lib/charts/pool.ts)');
port.on('message', ({ id, request }: ChartMessage) => {
  let reply: ChartReply;
  try {
    reply = { id, svg: drawRequest(request, formatFor(request)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});

