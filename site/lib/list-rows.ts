// The rows of the three long lists as cells (site/lib/lists.ts), made from their records by the
// same functions on both sides: the server renders a page of them (ListRows.astro), the browser all
// of them from the list's rows.arrow (site/lib/list-file.ts, site/scripts/list.ts). So this module
// and what it imports stay free of the warehouse reader: the formatter comes in `ctx`.
import { letterHref, mailtoHref, repHref, statementHref, telHref } from './desk.ts';
import { desk } from './i18n/desk.ts';
import { finance } from './i18n/finance.ts';
import { t } from './i18n/index.ts';
import type { Format } from './make-format.ts';
import { foldText } from '../scripts/match.ts';
import type { Cell, ListName, ListRow, SubPart } from './lists.ts';
import { clientHref } from './nav.ts';
import { decodeList, encodeList, type FieldKind, type FieldKinds } from './list-file.ts';
import type { AgeingByClientRow as ClientAgeing, ClientsRow as Client, WorklistRow } from './warehouse/tables.ts';

/** What every row needs besides its record: the site's base URL and the build's formatter. */
export interface RowContext {
  base: string;
  format: Format;
}

/** The clients mart's columns a client's row shows. */
export type ClientColumns = Pick<Client, 'client_id' | 'name' | 'segment' | 'sales_rep' | 'receivables_amount' | 'overdue_amount' | 'max_days_past_due'>;

/** A client of the clients list: its columns, with its grade and limit usage (null when none). */
export interface ClientRecord extends ClientColumns {
  grade: string | null;
  limit_usage: number | null;
  is_over_limit: boolean;
}

export const clientFields: FieldKinds<ClientRecord> = {
  client_id: 'text', name: 'text', segment: 'text', sales_rep: 'text', receivables_amount: 'amount', overdue_amount: 'amount', max_days_past_due: 'integer',
  grade: 'text', limit_usage: 'number', is_over_limit: 'flag',
};

/** A client in ClientsTable: name, segment, rep, [grade], receivables, overdue, max DPD, [limit usage]. */
export function clientRow(ctx: RowContext, c: ClientColumns & Partial<ClientRecord>, withRisk = false, filterable = false): ListRow {
  const { base, format } = ctx;
  const r = { grade: c.grade ?? null, usage: c.limit_usage ?? null, overLimit: c.is_over_limit ?? false };
  const cells: Cell[] = [
    { t: c.name, h: clientHref(base, c.client_id), ...(c.name !== c.client_id ? { x: c.client_id } : {}), c: c.name, r: 1 },
    { t: c.segment ?? t.none, k: 'text secondary' },
    { t: c.sales_rep ?? t.none, k: 'text secondary' },
    ...(withRisk ? [{ t: r.grade ?? t.none, k: 'text' }] : []),
    { t: format.money(c.receivables_amount), s: String(c.receivables_amount) },
    { t: format.money(c.overdue_amount), s: String(c.overdue_amount) },
    { t: format.integer(c.max_days_past_due), s: c.max_days_past_due === null ? '' : String(c.max_days_past_due) },
    ...(withRisk ? [{ t: format.percent(r.usage), c: format.csvNumber(r.usage), s: r.usage === null ? '' : String(r.usage), ...(r.overLimit ? { k: 'warning' } : {}) }] : []),
  ];
  if (!filterable) return { c: cells };
  return {
    c: cells,
    d: {
      search: foldText(`${c.name} ${c.client_id} ${c.segment ?? ''} ${c.sales_rep ?? ''}`),
      segment: c.segment ?? '',
      open: c.receivables_amount !== 0 ? '1' : '0',
      rep: c.sales_rep ?? '',
      grade: r.grade ?? '',
      overlimit: r.overLimit ? '1' : '0',
      overdue: c.overdue_amount > 0 ? '1' : '0',
    },
  };
}

/** A client of the ageing balance (the ageing_by_client mart, its rank being its place in the list). */
export type AgeingRecord = Omit<ClientAgeing, 'rank'>;

export const ageingFields: FieldKinds<AgeingRecord> = { client_id: 'text', name: 'text', bucket_amounts: 'amounts', total_amount: 'amount', overdue_amount: 'amount' };

/** A client of the ageing balance: name, its amount in each bucket (of codes `buckets`, in order), total, overdue. */
export function ageingRow(ctx: RowContext, r: AgeingRecord, buckets: readonly { bucket: string }[]): ListRow {
  const { base, format } = ctx;
  const name = r.name;
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

/**
 * A client of the collections worklist: the worklist mart's columns it shows, its segment (for the
 * filter), whether it has a letter ready and whether it is new since the previous data.
 */
export interface WorklistRecord extends Pick<WorklistRow,
  | 'priority' | 'client_id' | 'name' | 'sales_rep' | 'stage' | 'invoice_count' | 'paused_invoice_count' | 'due_amount' | 'overdue_amount' | 'expected_loss_amount'
  | 'claim_deadline_date' | 'is_claim_deadline_passed' | 'relief_deadline_date' | 'last_action_date' | 'last_action_kind' | 'next_action_date' | 'promise_status' | 'promise_date'
  | 'collective_procedure' | 'procedure_date' | 'declare_invoice_count' | 'declare_amount' | 'post_judgment_invoice_count' | 'post_judgment_amount' | 'post_judgment_stage'
  | 'promise_logged_date' | 'promise_invoice_ids' | 'is_next_action_due' | 'disputed_invoice_count' | 'disputed_amount' | 'contact_name' | 'contact_role' | 'contact_email' | 'contact_phone'> {
  segment: string | null;
  has_letter: boolean;
  is_new: boolean;
}

export const worklistFields: FieldKinds<WorklistRecord> = {
  priority: 'integer', client_id: 'text', name: 'text', sales_rep: 'text', stage: 'text', invoice_count: 'integer', paused_invoice_count: 'integer',
  due_amount: 'amount', overdue_amount: 'amount', expected_loss_amount: 'amount', claim_deadline_date: 'text', is_claim_deadline_passed: 'flag', relief_deadline_date: 'text',
  last_action_date: 'text', last_action_kind: 'text', next_action_date: 'text', promise_status: 'text', promise_date: 'text',
  collective_procedure: 'text', procedure_date: 'text', declare_invoice_count: 'integer', declare_amount: 'amount', post_judgment_invoice_count: 'integer',
  post_judgment_amount: 'amount', post_judgment_stage: 'text', promise_logged_date: 'text', promise_invoice_ids: 'text', is_next_action_due: 'flag',
  disputed_invoice_count: 'integer', disputed_amount: 'amount', contact_name: 'text', contact_role: 'text', contact_email: 'text', contact_phone: 'text',
  segment: 'text', has_letter: 'flag', is_new: 'flag',
};

/** A worklist row as a record: the mart's row, the client's segment, its letter, its news. */
export function worklistRecord(r: WorklistRow, segment: string | null | undefined, hasLetter: boolean, isNew: boolean): WorklistRecord {
  return {
    priority: r.priority, client_id: r.client_id, name: r.name, sales_rep: r.sales_rep, stage: r.stage, invoice_count: r.invoice_count, paused_invoice_count: r.paused_invoice_count,
    due_amount: r.due_amount, overdue_amount: r.overdue_amount, expected_loss_amount: r.expected_loss_amount, claim_deadline_date: r.claim_deadline_date,
    is_claim_deadline_passed: r.is_claim_deadline_passed, relief_deadline_date: r.relief_deadline_date, last_action_date: r.last_action_date, last_action_kind: r.last_action_kind, next_action_date: r.next_action_date,
    promise_status: r.promise_status, promise_date: r.promise_date,
    collective_procedure: r.collective_procedure, procedure_date: r.procedure_date, declare_invoice_count: r.declare_invoice_count, declare_amount: r.declare_amount,
    post_judgment_invoice_count: r.post_judgment_invoice_count, post_judgment_amount: r.post_judgment_amount, post_judgment_stage: r.post_judgment_stage,
    promise_logged_date: r.promise_logged_date, promise_invoice_ids: r.promise_invoice_ids, is_next_action_due: r.is_next_action_due, disputed_invoice_count: r.disputed_invoice_count, disputed_amount: r.disputed_amount,
    contact_name: r.contact_name, contact_role: r.contact_role, contact_email: r.contact_email, contact_phone: r.contact_phone,
    segment: segment ?? null, has_letter: hasLetter, is_new: isNew,
  };
}

/**
 * The worklist's stage in words; declaring a claim says by when (judgment +
 * collections.claimDeadlineMonths), or that the date is to check, and once that day has passed, by
 * when to ask for relief from the foreclosure (judgment + 6 months, L622-26; after it the claim is
 * foreclosed and the client leaves the worklist). `date` writes those dates: as the page shows
 * them, or as the CSV does (format.csvDate).
 */
function stageText(format: Format, r: WorklistRecord, date: (iso: string) => string = format.date): string {
  const stage = finance.collections.stages[r.stage] ?? r.stage;
  if (r.stage !== 'declare_claim') return stage;
  return `${stage} · ${claimDeadlineText(r, date)}`;
}

/** By when a client under a collective procedure declares its claims (the desk row and the client page say it alike). */
export function claimDeadlineText(
  r: Pick<WorklistRow, 'claim_deadline_date' | 'is_claim_deadline_passed' | 'relief_deadline_date'>,
  date: (iso: string) => string,
  labels: Pick<typeof desk.page, 'claimUnknown' | 'claimPassed' | 'claimBy'> = desk.page,
): string {
  return !r.claim_deadline_date
    ? labels.claimUnknown
    : r.is_claim_deadline_passed ? labels.claimPassed(date(r.claim_deadline_date), r.relief_deadline_date ? date(r.relief_deadline_date) : null) : labels.claimBy(date(r.claim_deadline_date));
}

/**
 * The line under the stage about the latest promise. One logged on invoices already paid that day
 * (already_settled) is no promise to wait for: the line asks to put the log right, as a warning.
 */
function promiseNote(format: Format, r: WorklistRecord): SubPart[] | null {
  if (!r.promise_status) return null;
  const labels = desk.page;
  if (r.promise_status === 'already_settled' && r.promise_logged_date) {
    return [{ t: labels.promiseAlreadySettled(format.date(r.promise_logged_date), r.promise_invoice_ids || null), k: 'warning' }];
  }
  return [{ t: labels.promiseLine(desk.promiseStatus[r.promise_status] ?? r.promise_status, format.date(r.promise_date)) }];
}

/**
 * The stages the stage filter finds a row under (space-separated in its data-stage): its own and,
 * for a client under a collective procedure with invoices issued after the judgment, theirs — a
 * client whose claim is to declare and whose later invoices are in litigation is under both.
 */
export function worklistStages(r: Pick<WorklistRecord, 'stage' | 'collective_procedure' | 'post_judgment_invoice_count' | 'post_judgment_stage'>): string[] {
  const postJudgment = r.collective_procedure && r.post_judgment_invoice_count > 0 ? r.post_judgment_stage : null;
  return postJudgment && postJudgment !== r.stage ? [r.stage, postJudgment] : [r.stage];
}

/**
 * Under the stage of a client under a collective procedure with invoices issued after the
 * judgment: their stage on the ordinary schedule when the row's stage is declaring the claim, else
 * that the client is under the procedure and these invoices are chased as usual.
 */
function postJudgmentNote(format: Format, r: WorklistRecord): SubPart[] | null {
  if (!r.collective_procedure || r.post_judgment_invoice_count === 0 || !r.procedure_date || !r.post_judgment_stage) return null;
  const labels = desk.page;
  const stages = finance.collections.stages;
  return r.stage === 'declare_claim'
    ? [{ t: labels.postJudgmentNote(format.date(r.procedure_date), stages[r.post_judgment_stage] ?? r.post_judgment_stage) }]
    : [{ t: labels.postJudgmentOnly(finance.collections.procedures[r.collective_procedure] ?? r.collective_procedure, format.date(r.procedure_date)) }];
}

/** A client under a collective procedure: its part to declare and its part to chase, those it has (none without a procedure). */
function procedureParts(format: Format, r: WorklistRecord): string[] {
  if (!r.collective_procedure) return [];
  const labels = desk.page;
  return [
    ...(r.declare_invoice_count > 0 ? [labels.declareLine(format.moneyCents(r.declare_amount), format.integer(r.declare_invoice_count), format.pluralOf(r.declare_invoice_count))] : []),
    ...(r.post_judgment_invoice_count > 0 ? [labels.chaseLine(format.moneyCents(r.post_judgment_amount), format.integer(r.post_judgment_invoice_count), format.pluralOf(r.post_judgment_invoice_count))] : []),
  ];
}

/**
 * The lines under the amount: its overdue part and invoices; for a client under a collective
 * procedure, instead, the part to declare and the part to chase (the two make the amount).
 */
function amountNotes(format: Format, r: WorklistRecord): SubPart[][] {
  const labels = desk.page;
  const paused = r.paused_invoice_count > 0 ? ` ${labels.pausedLine(format.integer(r.paused_invoice_count), format.pluralOf(r.paused_invoice_count))}` : '';
  if (r.collective_procedure) {
    const lines = procedureParts(format, r);
    return lines.map((t, i) => [{ t: i === lines.length - 1 ? t + paused : t }]);
  }
  const invoices = labels.invoicesLine(format.integer(r.invoice_count), format.pluralOf(r.invoice_count)) + paused;
  return [...(r.overdue_amount > 0 ? [[{ t: labels.overdueLine(format.moneyCents(r.overdue_amount)) }]] : []), [{ t: invoices }]];
}

/** The contact's line under a client's name: name (role), phone as tel:, e-mail as mailto:. */
function contactLine(r: Pick<WorklistRecord, 'contact_name' | 'contact_role' | 'contact_phone' | 'contact_email'>): SubPart[] {
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
export function worklistRow(ctx: RowContext, r: WorklistRecord, withRep = true): ListRow {
  const { base, format } = ctx;
  const { segment, has_letter: hasLetter, is_new: isNew } = r;
  const labels = desk.page;
  const documents: Cell = hasLetter
    ? { t: labels.statement, h: statementHref(base, r.client_id), k: 'text documents', x: labels.letter, xh: letterHref(base, r.client_id) }
    : { t: labels.statement, h: statementHref(base, r.client_id), k: 'text documents' };
  const contact = contactLine(r);
  const stageNotes: SubPart[][] = [
    ...[postJudgmentNote(format, r), promiseNote(format, r)].filter((note) => note !== null),
    ...(r.disputed_invoice_count > 0 ? [[{ t: labels.disputedLine(format.integer(r.disputed_invoice_count), format.pluralOf(r.disputed_invoice_count), format.money(r.disputed_amount)) }]] : []),
  ];
  const name = r.name ?? r.client_id;
  const lastKind = desk.kinds[r.last_action_kind ?? ''] ?? r.last_action_kind;
  const lastAction = r.last_action_date ? `${format.date(r.last_action_date)} · ${lastKind}` : '–';
  // The CSV cell: the same in words, its dates as the page's CSVs write them.
  const actionsCsv = [r.last_action_date ? `${format.csvDate(r.last_action_date)} · ${lastKind}` : '–', format.csvDate(r.next_action_date)].join(' · ');
  return {
    c: [
      { t: String(r.priority), k: 'priority' },
      { t: name, h: clientHref(base, r.client_id), k: 'text client', ...(isNew ? { g: labels.new } : {}), ...(contact.length ? { u: [contact] } : {}),
        c: [name, ...contact.map((p) => p.t)].join(' · ') },
      { t: stageText(format, r), c: [stageText(format, r, format.csvDate), ...procedureParts(format, r)].join(' · '), k: r.stage === 'declare_claim' && r.is_claim_deadline_passed ? 'text stage warning' : 'text stage', ...(stageNotes.length ? { u: stageNotes } : {}) },
      { t: format.moneyCents(r.due_amount), c: format.csvNumber(r.due_amount), s: String(r.due_amount), k: 'amount',
        u: amountNotes(format, r) },
      { t: format.money(r.expected_loss_amount), c: format.csvNumber(r.expected_loss_amount), s: String(r.expected_loss_amount), k: 'loss' },
      // Due at the as-of date: "to do now", not a date the reader may already be past.
      { t: lastAction, k: 'text actions', u: [[{ t: r.is_next_action_due ? labels.nextNow : labels.nextLine(format.date(r.next_action_date)) }]], c: actionsCsv },
      ...(withRep ? [r.sales_rep ? { t: r.sales_rep, h: repHref(base, r.sales_rep), k: 'text rep' } : { t: '', k: 'text rep' }] : []),
      documents,
    ],
    d: { stage: worklistStages(r).join(' '), rep: r.sales_rep ?? '', segment: segment ?? '', new: isNew ? '1' : '0', search: foldText(`${r.name ?? ''} ${r.client_id} ${r.contact_name ?? ''}`) },
  };
}

/** Each long list's records and how its file writes them (site/lib/list-file.ts). */
export interface ListRecords {
  clients: ClientRecord[];
  ageing: AgeingRecord[];
  collections: WorklistRecord[];
}

export const listFields: { readonly [L in ListName]: FieldKinds<ListRecords[L][number]> } = { clients: clientFields, ageing: ageingFields, collections: worklistFields };

/** A list's file: its records in columns, with the currency and (the ageing balance) the bucket codes its rows need. */
export function listFile<L extends ListName>(list: L, records: ListRecords[L], meta: { currency: string; buckets?: readonly string[] }): Uint8Array {
  const words = { list, currency: meta.currency, ...(meta.buckets ? { buckets: JSON.stringify(meta.buckets) } : {}) };
  return encodeList(listFields[list], records, words);
}

/** The rows of a list's file, made as the server made its pages' rows; `ctx` from the file's currency. */
export function listFileRows(bytes: Uint8Array, context: (currency: string) => RowContext): ListRow[] {
  const { meta, records } = decodeList(bytes);
  const list = meta.list as ListName;
  if (!Object.hasOwn(listFields, list)) throw new Error(`not a list file: ${meta.list}`);
  const missing = Object.keys(listFields[list]).filter((name) => records.length > 0 && !(name in records[0]!) && (listFields[list] as Record<string, FieldKind>)[name] !== 'amounts');
  if (missing.length) throw new Error(`${list} file without ${missing.join(', ')}`);
  const ctx = context(meta.currency ?? '');
  switch (list) {
    case 'clients':
      return (records as unknown as ClientRecord[]).map((r) => clientRow(ctx, r, true, true));
    case 'ageing': {
      const buckets = (JSON.parse(meta.buckets ?? '[]') as string[]).map((bucket) => ({ bucket }));
      return (records as unknown as AgeingRecord[]).map((r) => ageingRow(ctx, { ...r, bucket_amounts: r.bucket_amounts ?? [] }, buckets));
    }
    case 'collections':
      return (records as unknown as WorklistRecord[]).map((r) => worklistRow(ctx, r, true));
  }
}
