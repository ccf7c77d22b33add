// /quality.csv: every row of the last run's quality report (the page lists the first 500).
import { t } from '../lib/i18n/index.ts';
import { qualityCsv } from '../lib/quality-csv.ts';
import { qualityRows } from '../lib/warehouse.ts';

export async function GET(): Promise<Response> {
  return new Response(qualityCsv(await qualityRows(), t), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
