// A sales rep's daily digest: the rep's worklist as a small self-contained HTML document (inline
// styles, no script, no image: what a mail client shows) and as CSV, written into the build as
// /digest/<rep>.html and /digest/<rep>.csv, and copied in clear for a workflow to mail into the
// mail folder beside the site (etl/site-mail.ts). Pure: rows and words in, text out.
import { csvDelimiter, csvFile } from '../scripts/csv.ts';
import { contentSecurityPolicy } from './csp.ts';
import type { Format } from './format.ts';
import type { desk as deskLabels } from './i18n/desk.ts';
import type { finance } from './i18n/finance.ts';
import { claimDeadlineText } from './list-rows.ts';
import type { WorklistRow } from './warehouse/tables.ts';

type Desk = typeof deskLabels;
type Stages = (typeof finance)['collections']['stages'];

export interface DigestInput {
  rep: string;
  asOf: string;
  rows: readonly WorklistRow[];
  /** Absolute or site-relative link to the rep's page. */
  pageHref: string;
  language: string;
  /** How old the data is when it is too old to chase from (site/lib/desk.ts staleness), else null. */
  staleDays?: number | null;
}

/**
 * The stage as the desk row says it: a claim to declare with its deadline; for a client under a
 * collective procedure, its part to declare and its part to chase (born after the judgment) apart.
 */
function stageText(r: WorklistRow, labels: Desk, stages: Stages, format: Format, date: (iso: string | null) => string): string {
  const stage = stages[r.stage] ?? r.stage;
  const deadline = r.stage === 'declare_claim' ? ` · ${claimDeadlineText(r, date, labels.page)}` : '';
  const parts = r.collective_procedure
    ? [
        ...(r.declare_invoice_count > 0 ? [labels.page.declareLine(format.moneyCents(r.declare_amount), format.integer(r.declare_invoice_count), format.pluralOf(r.declare_invoice_count))] : []),
        ...(r.post_judgment_invoice_count > 0
          ? [`${labels.page.chaseLine(format.moneyCents(r.post_judgment_amount), format.integer(r.post_judgment_invoice_count), format.pluralOf(r.post_judgment_invoice_count))}${r.post_judgment_stage ? ` (${stages[r.post_judgment_stage] ?? r.post_judgment_stage})` : ''}`]
          : []),
      ]
    : [];
  return [`${stage}${deadline}`, ...parts].join(' · ');
}

/** The latest promise: its status and date, or, logged on invoices already paid, the log to reconcile. */
function promiseText(r: WorklistRow, labels: Desk, date: (iso: string | null) => string): string {
  if (!r.promise_status) return '';
  if (r.promise_status === 'already_settled' && r.promise_logged_date) return labels.page.promiseAlreadySettled(date(r.promise_logged_date), r.promise_invoice_ids || null);
  return `${labels.promiseStatus[r.promise_status] ?? r.promise_status} (${date(r.promise_date)})`;
}

function columns(labels: Desk, stages: Stages, format: Format) {
  return [
    [labels.statement.client, (r: WorklistRow) => r.name ?? r.client_id],
    [labels.page.stage, (r: WorklistRow) => stageText(r, labels, stages, format, format.date)],
    [labels.page.dueAmount, (r: WorklistRow) => format.moneyCents(r.due_amount)],
    [labels.page.overdueAmount, (r: WorklistRow) => format.moneyCents(r.overdue_amount)],
    [labels.page.lastAction, (r: WorklistRow) => (r.last_action_date ? `${format.date(r.last_action_date)} ${labels.kinds[r.last_action_kind ?? ''] ?? ''}`.trim() : '–')],
    [labels.page.nextAction, (r: WorklistRow) => format.date(r.next_action_date)],
    [labels.page.promise, (r: WorklistRow) => promiseText(r, labels, format.date)],
    [labels.page.contact, (r: WorklistRow) => [r.contact_name, r.contact_phone, r.contact_email].filter(Boolean).join(' · ')],
  ] as const;
}

export function digestHtml(input: DigestInput, labels: Desk, stages: Stages, format: Format): string {
  const cols = columns(labels, stages, format);
  const head = cols.map(([label], i) => `<th style="text-align:${i === 2 || i === 3 ? 'right' : 'left'};border-bottom:2px solid #333;padding:4px 8px">${escapeHtml(label)}</th>`).join('');
  const body = input.rows
    .map((r) => `<tr>${cols.map(([, value], i) => `<td style="text-align:${i === 2 || i === 3 ? 'right' : 'left'};border-bottom:1px solid #ddd;padding:4px 8px">${escapeHtml(value(r))}</td>`).join('')}</tr>`)
    .join('\n');
  const title = labels.digest.title(input.rep, format.longDate(input.asOf));
  return `<!doctype html>
<html lang="${escapeHtml(input.language)}">
<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#111">
<h1 style="font-size:18px">${escapeHtml(title)}</h1>
${input.staleDays == null ? '' : `<p style="background:#fff6e5;border-left:3px solid #e0a030;padding:6px 10px;font-weight:bold">${escapeHtml(labels.page.stale(format.integer(input.staleDays), format.longDate(input.asOf)))}</p>
`}<p>${escapeHtml(labels.digest.intro(format.integer(input.rows.length)))} <a href="${escapeHtml(input.pageHref)}">${escapeHtml(labels.digest.page)}</a></p>
<table style="border-collapse:collapse">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}

export function digestCsv(input: DigestInput, labels: Desk, stages: Stages, format: Format): string {
  const header = [labels.statement.code, labels.statement.client, labels.page.stage, labels.page.dueAmount, labels.page.overdueAmount, labels.page.invoices,
    labels.page.lastAction, labels.page.nextAction, labels.page.promise, labels.page.contact, labels.page.email, labels.page.phone];
  const rows = input.rows.map((r) => [
    r.client_id, r.name ?? '', stageText(r, labels, stages, format, format.csvDate), format.csvNumber(r.due_amount), format.csvNumber(r.overdue_amount), String(r.invoice_count),
    format.csvDate(r.last_action_date), format.csvDate(r.next_action_date),
    r.promise_status === 'already_settled' ? promiseText(r, labels, format.csvDate) : r.promise_status ? labels.promiseStatus[r.promise_status] ?? r.promise_status : '',
    r.contact_name ?? '', r.contact_email ?? '', r.contact_phone ?? '',
  ]);
  return csvFile(header, rows, csvDelimiter(format.locale));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
