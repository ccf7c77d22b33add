// The whole dunning worklist as CSV (served as /collections.csv): the page lists the first
// actions by priority only. The page's columns plus the client's code, sales rep and segment, so
// that the full list can be filtered in a spreadsheet as on the page; same rules as the buttons'
// downloads (the page's separators, numbers with its decimal sign, dates as its language writes
// them in a spreadsheet, words for codes, formulas neutralised).
import { csvDelimiter, csvFile } from '../scripts/csv.ts';
import type { Format } from './format.ts';
import type { finance } from './i18n/finance.ts';
import type { ClientsRow as Client } from './warehouse/tables.ts';
import type { DunningRow } from './warehouse/tables.ts';

export function worklistCsv(rows: readonly DunningRow[], clients: ReadonlyMap<string, Client>, labels: (typeof finance)['collections'], format: Format): string {
  const header = [
    labels.priority, labels.clientId, labels.client, labels.filterRep, labels.filterSegment, labels.invoice, labels.dueDate,
    labels.stage, labels.reason, labels.open, labels.days, labels.grade, labels.expectedLoss,
  ];
  const body = rows.map((r) => {
    const client = clients.get(r.client_id);
    return [
      String(r.priority), r.client_id, client?.name ?? '', client?.sales_rep ?? '', client?.segment ?? '', r.invoice_id, format.csvDate(r.due_date),
      labels.stages[r.stage] ?? r.stage, labels.dunningReason(r), format.csvNumber(r.open_amount), String(r.days_from_due), r.grade,
      format.csvNumber(r.expected_loss_amount),
    ];
  });
  return csvFile(header, body, csvDelimiter(format.locale));
}
