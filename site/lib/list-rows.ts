// The rows of the three long lists as cells (site/lib/lists.ts), formatted once, here: the server
// renders a page of them (ListRows.astro) and the browser renders all of them from rows.json.
import { letterHref, mailtoHref, repHref, statementHref, telHref } from './desk.ts';
import { format } from './format.ts';
import { desk } from './i18n/desk.ts';
import { finance } from './i18n/finance.ts';
import { t } from './i18n/index.ts';
import { foldText } from '../scripts/match.ts';
import type { Cell, ListRow, SubPart } from './lists.ts';
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
      search: foldText(`${c.name} ${c.client_id} ${c.segment ?? ''} ${c.sales_rep ?? ''}`),
      segment: c.segment ?? '',
      open: c.receivables_amount !== 0 ? '1' : '0',
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
      search: foldText(`${name} ${r.client_id}`),
      bucket: buckets.filter((_, i) => (r.bucket_amounts[i] ?? 0) !== 0).map((b) => b.bucket).join(' '),
    },
  };
}

/** The worklist's stage; declaring a claim says by when (judgment + collections.claimDeadlineMonths), or that the date is to check. */
function stageText(r: WorklistRow): string {
  const stage = finance.collections.stages[r.stage] ?? r.stage;
  if (r.stage !== 'declare_claim') return stage;
  const labels = desk.page;
  const deadline = !r.claim_deadline_date
    ? labels.claimUnknown
    : r.is_claim_deadline_passed ? labels.claimPassed(format.date(r.claim_deadline_date)) : labels.claimBy(format.date(r.claim_deadline_date));
  return `${stage} · ${deadline}`;
}

/** The contact's line under a client's name: name (role), phone as tel:, e-mail as mailto:. */
function contactLine(r: Pick<WorklistRow, 'contact_name' | 'contact_role' | 'contact_phone' | 'contact_email'>): SubPart[] {
  return [
    ...(r.contact_name ? [{ t: r.contact_role ? `${r.contact_name} (${r.contact_role})` : r.contact_name }] : []),
    ...(r.contact_phone ? [{ t: r.contact_phone, h: telHref(r.contact_phone) }] : []),
    ...(r.contact_email ? [{ t: r.contact_email, h: mailtoHref(r.contact_email) }] : []),
  ];
}

/**
 * A client of the collections worklist (WorklistTable's eight columns, made to fit a laptop): the
 * client with a "new" tag and its contact under it; the stage with the promise and the invoices in
 * dispute under it; the amount concerned with its overdue part and invoices; the expected loss;
 * the last action with the next under it; the rep; the statement and letter.
 */
export function worklistRow(base: string, r: WorklistRow, segment: string | null | undefined, hasLetter: boolean, withRep = true, isNew = false): ListRow {
  const labels = desk.page;
  const documents: Cell = hasLetter
    ? { t: labels.statement, h: statementHref(base, r.client_id), k: 'text documents', x: labels.letter, xh: letterHref(base, r.client_id) }
    : { t: labels.statement, h: statementHref(base, r.client_id), k: 'text documents' };
  const contact = contactLine(r);
  const stageNotes: SubPart[][] = [
    ...(r.promise_status ? [[{ t: labels.promiseLine(desk.promiseStatus[r.promise_status] ?? r.promise_status, format.date(r.promise_date)) }]] : []),
    ...(r.disputed_invoice_count > 0 ? [[{ t: labels.disputedLine(format.integer(r.disputed_invoice_count), format.pluralOf(r.disputed_invoice_count), format.money(r.disputed_amount)) }]] : []),
  ];
  const invoices = labels.invoicesLine(format.integer(r.invoice_count), format.pluralOf(r.invoice_count))
    + (r.paused_invoice_count > 0 ? ` ${labels.pausedLine(format.integer(r.paused_invoice_count), format.pluralOf(r.paused_invoice_count))}` : '');
  const name = r.name ?? r.client_id;
  const lastAction = r.last_action_date ? `${format.date(r.last_action_date)} · ${desk.kinds[r.last_action_kind ?? ''] ?? r.last_action_kind}` : '–';
  return {
    c: [
      { t: String(r.priority), k: 'priority' },
      { t: name, h: clientHref(base, r.client_id), k: 'text client', ...(isNew ? { g: labels.new } : {}), ...(contact.length ? { u: [contact] } : {}),
        c: [name, ...contact.map((p) => p.t)].join(' · ') },
      { t: stageText(r), c: r.stage, k: r.stage === 'declare_claim' && r.is_claim_deadline_passed ? 'text stage warning' : 'text stage', ...(stageNotes.length ? { u: stageNotes } : {}) },
      { t: format.moneyCents(r.due_amount), c: format.csvNumber(r.due_amount), s: String(r.due_amount), k: 'amount',
        u: [...(r.overdue_amount > 0 ? [[{ t: labels.overdueLine(format.moneyCents(r.overdue_amount)) }]] : []), [{ t: invoices }]] },
      { t: format.money(r.expected_loss_amount), c: format.csvNumber(r.expected_loss_amount), s: String(r.expected_loss_amount), k: 'loss' },
      { t: lastAction, k: 'text actions', u: [[{ t: labels.nextLine(format.date(r.next_action_date)) }]], c: `${lastAction} · ${r.next_action_date}` },
      ...(withRep ? [r.sales_rep ? { t: r.sales_rep, h: repHref(base, r.sales_rep), k: 'text rep' } : { t: '', k: 'text rep' }] : []),
      documents,
    ],
    d: { stage: r.stage, rep: r.sales_rep ?? '', segment: segment ?? '', new: isNew ? '1' : '0', search: foldText(`${r.name ?? ''} ${r.client_id} ${r.contact_name ?? ''}`) },
  };
}
