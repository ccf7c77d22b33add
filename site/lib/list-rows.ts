// The rows of the three long lists as cells (site/lib/lists.ts), formatted once, here: the server
// renders a page of them (ListRows.astro) and the browser renders all of them from rows.json.
import { letterHref, repHref, statementHref } from './desk.ts';
import { format } from './format.ts';
import { desk } from './i18n/desk.ts';
import { finance } from './i18n/finance.ts';
import { t } from './i18n/index.ts';
import type { Cell, ListRow } from './lists.ts';
import { clientHref } from './nav.ts';
import type { Bucket, Client, ClientAgeing, WorklistRow } from './warehouse.ts';

export interface ClientRisk {
  grade: string | null;
  usage: number | null;
  overLimit: boolean;
}

/** A client in ClientsTable: name, segment, rep, [grade], receivables, overdue, max DPD, [limit usage]. */
export function clientRow(base: string, c: Client, risk?: Map<string, ClientRisk>, filterable = false): ListRow {
  const r = risk?.get(c.client_id);
  const cells: Cell[] = [
    { t: c.name, h: clientHref(base, c.client_id), ...(c.name !== c.client_id ? { x: c.client_id } : {}), c: c.name, r: 1 },
    { t: c.segment ?? t.none, k: 'text secondary' },
    { t: c.sales_rep ?? t.none, k: 'text secondary' },
    ...(risk ? [{ t: r?.grade ?? t.none, k: 'text' }] : []),
    { t: format.money(c.receivables_amount), s: String(c.receivables_amount) },
    { t: format.money(c.overdue_amount), s: String(c.overdue_amount) },
    { t: format.integer(c.max_days_past_due), s: c.max_days_past_due === null ? '' : String(c.max_days_past_due) },
    ...(risk ? [{ t: format.percent(r?.usage), c: format.csvNumber(r?.usage), s: r?.usage == null ? '' : String(r.usage), ...(r?.overLimit ? { k: 'warning' } : {}) }] : []),
  ];
  if (!filterable) return { c: cells };
  return {
    c: cells,
    d: {
      search: `${c.name} ${c.client_id} ${c.segment ?? ''} ${c.sales_rep ?? ''}`.toLowerCase(),
      segment: c.segment ?? '',
      rep: c.sales_rep ?? '',
      grade: r?.grade ?? '',
      overlimit: r?.overLimit ? '1' : '0',
      overdue: c.overdue_amount > 0 ? '1' : '0',
    },
  };
}

/** A client of the ageing balance: name, its amount in each bucket, total, overdue. */
export function ageingRow(base: string, r: ClientAgeing, buckets: readonly Bucket[]): ListRow {
  const name = r.name ?? r.client_id;
  return {
    c: [
      { t: name, h: clientHref(base, r.client_id), k: 'text', r: 1 },
      ...buckets.map((_, i): Cell => {
        const amount = r.bucket_amounts[i] ?? 0;
        return { t: format.money(amount), s: String(amount), ...(amount === 0 ? { k: 'zero' } : {}) };
      }),
      { t: format.money(r.total_amount), s: String(r.total_amount), b: 1 },
      { t: format.money(r.overdue_amount), s: String(r.overdue_amount) },
    ],
    d: {
      search: `${name} ${r.client_id}`.toLowerCase(),
      bucket: buckets.filter((_, i) => (r.bucket_amounts[i] ?? 0) !== 0).map((b) => b.bucket).join(' '),
    },
  };
}

/** The worklist's stage; declaring a claim says by when (judgment + 2 months), or that the date is to check. */
function stageText(r: WorklistRow): string {
  const stage = finance.collections.stages[r.stage] ?? r.stage;
  if (r.stage !== 'declare_claim') return stage;
  const labels = desk.page;
  const deadline = !r.claim_deadline_date
    ? labels.claimUnknown
    : r.is_claim_deadline_passed ? labels.claimPassed(format.date(r.claim_deadline_date)) : labels.claimBy(format.date(r.claim_deadline_date));
  return `${stage} · ${deadline}`;
}

/** A client of the collections worklist (WorklistTable's columns). */
export function worklistRow(base: string, r: WorklistRow, segment: string | null | undefined, hasLetter: boolean, withRep = true): ListRow {
  const labels = desk.page;
  const documents: Cell = hasLetter
    ? { t: labels.statement, h: statementHref(base, r.client_id), k: 'text', x: labels.letter, xh: letterHref(base, r.client_id) }
    : { t: labels.statement, h: statementHref(base, r.client_id), k: 'text' };
  return {
    c: [
      { t: String(r.priority) },
      { t: r.name ?? r.client_id, h: clientHref(base, r.client_id), k: 'text' },
      { t: stageText(r), c: r.stage, k: r.stage === 'declare_claim' && r.is_claim_deadline_passed ? 'text warning' : 'text' },
      { t: format.moneyCents(r.due_amount), c: format.csvNumber(r.due_amount) },
      { t: format.moneyCents(r.overdue_amount), c: format.csvNumber(r.overdue_amount) },
      { t: String(r.invoice_count), ...(r.paused_invoice_count > 0 ? { x: ` +${r.paused_invoice_count}`, xk: 'muted', xt: labels.paused } : {}) },
      { t: format.money(r.expected_loss_amount), c: format.csvNumber(r.expected_loss_amount) },
      { t: r.last_action_date ? `${format.date(r.last_action_date)} · ${desk.kinds[r.last_action_kind ?? ''] ?? r.last_action_kind}` : '–', k: 'text' },
      { t: format.date(r.next_action_date), k: 'text' },
      { t: r.promise_status ? `${desk.promiseStatus[r.promise_status] ?? r.promise_status} · ${format.date(r.promise_date)}` : '', k: 'text' },
      { t: r.disputed_invoice_count ? String(r.disputed_invoice_count) : '' },
      ...(withRep ? [r.sales_rep ? { t: r.sales_rep, h: repHref(base, r.sales_rep), k: 'text' } : { t: '', k: 'text' }] : []),
      { t: [r.contact_name, r.contact_phone].filter(Boolean).join(' · '), k: 'text' },
      documents,
    ],
    d: { stage: r.stage, rep: r.sales_rep ?? '', segment: segment ?? '', search: `${r.name ?? ''} ${r.client_id}`.toLowerCase() },
  };
}
