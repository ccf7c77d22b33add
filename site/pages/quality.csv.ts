// /quality.csv: every row of the last run's quality report (the page lists the first 500).
import { format } from '../lib/format.ts';
import { t } from '../lib/i18n/index.ts';
import { qualityCsv } from '../lib/quality-csv.ts';
import { reasonWords, wordedReason } from '../lib/quality.ts';
import { read } from '../lib/read.ts';

export async function GET(): Promise<Response> {
  const word = reasonWords(t.quality, format);
  const rows = (await read('quality')).map((r) => ({ ...r, reason: wordedReason(r, word) }));
  return new Response(qualityCsv(rows, t), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
