// /d441.csv: every row of payment_delays_d441 (each closed fiscal year, both forms, every band), with
// the page's separators, a BOM for Excel and formulas neutralised (scripts/csv.ts).
import { csvDelimiter, csvFile } from '../scripts/csv.ts';
import { format } from '../lib/format.ts';
import { t } from '../lib/i18n/index.ts';
import { legal } from '../lib/i18n/legal.ts';
import { read } from '../lib/read.ts';

export async function GET(): Promise<Response> {
  const labels = legal.d441;
  const yesNo = (v: boolean) => (v ? labels.yes : labels.no);
  const body = (await read('payment_delays_d441')).map((r) => [
    r.fiscal_year_end, r.fiscal_year_start, labels.forms[r.form] ?? r.form, r.bucket === 'excluded' ? labels.excludedBand : (labels.bands[r.bucket] ?? r.bucket),
    String(r.bucket_order), String(r.invoice_count), format.csvNumber(r.amount), format.csvNumber(r.share_of_sales), format.csvNumber(r.share_of_invoice_count),
    yesNo(r.amounts_include_tax), format.csvNumber(r.year_sales_amount), String(r.year_invoice_count), yesNo(r.is_whole_year),
    String(r.contract_terms_invoice_count), String(r.default_terms_days),
  ]);
  return new Response(csvFile(labels.csvHeader, body, csvDelimiter(t.locale)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
