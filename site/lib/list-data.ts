// Each long list's records, rows and filter options, made once per build and shared by its pages
// and its rows.arrow (site/lib/lists.ts). The order is the warehouse's: clients by `list_order`
// (open items first, largest receivables first), the ageing balance by `rank`, the worklist by `priority`. `base` is the site's base URL.
import { isNewSince, previousDataDate } from './desk.ts';
import { format } from './format.ts';
import { ageingRow, clientRow, worklistRecord, worklistRow, worklistStages, type AgeingRecord, type ClientRecord, type RowContext, type WorklistRecord } from './list-rows.ts';
import type { ListRow } from './lists.ts';
import { t } from './i18n/index.ts';
import { byClient, clientsById, index, read, readManifest, readOne } from './read.ts';
import { runHistory } from './warehouse/metadata.ts';
import type { BucketsRow as Bucket } from './warehouse/tables.ts';

const options = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, t.locale));

/** The server's side of the rows (the browser makes its own from the list's file: site/scripts/list.ts). */
export const rowContext = (base: string): RowContext => ({ base, format });

export interface ClientsList {
  /** What the rows are made from, in their order (the list's file). */
  records: ClientRecord[];
  /** Every client: those with open items first (largest receivables first), then the others by name. */
  rows: ListRow[];
  /** How many have open items (the first rows). */
  openCount: number;
  segments: string[];
  reps: string[];
  grades: string[];
}

export const clientsList = (base: string) =>
  index('list:clients', async (): Promise<ClientsList> => {
    const [all, summary, grades, limits] = await Promise.all([
      read('clients', {}, ['list_order']), readOne('run_summary'), byClient('grades', () => read('client_risk')), byClient('limits', () => read('credit_limits')),
    ]);
    // Clients with nothing open have their page too: after the others (clients.list_order), behind a filter.
    const openCount = summary?.clients_with_open_items ?? 0;
    // The grade every page uses: the latest score, or the labelled fallback; a settled client shows none.
    const record = (c: (typeof all)[number]): ClientRecord => {
      const isOpen = c.receivables_amount !== 0;
      const limit = isOpen ? limits.get(c.client_id)?.[0] : undefined;
      const { client_id, name, segment, sales_rep, receivables_amount, overdue_amount, max_days_past_due } = c;
      return {
        client_id, name, segment, sales_rep, receivables_amount, overdue_amount, max_days_past_due,
        grade: isOpen ? (grades.get(c.client_id)?.[0]?.grade ?? null) : null, limit_usage: limit?.limit_usage ?? null, is_over_limit: limit?.is_over_limit ?? false,
      };
    };
    const records = all.map(record);
    const open = records.slice(0, openCount);
    const ctx = rowContext(base);
    return {
      records,
      rows: records.map((r) => clientRow(ctx, r, true, true)),
      openCount,
      segments: options(open.map((c) => c.segment)),
      reps: options(open.map((c) => c.sales_rep)),
      grades: options(open.map((r) => r.grade)),
    };
  });

export interface AgeingList {
  records: AgeingRecord[];
  rows: ListRow[];
  buckets: Bucket[];
}

export const ageingList = (base: string) =>
  index('list:ageing', async (): Promise<AgeingList> => {
    const [buckets, rows] = await Promise.all([read('buckets'), read('ageing_by_client')]);
    const records = rows.map(({ rank: _rank, ...r }): AgeingRecord => r);
    const ctx = rowContext(base);
    return { records, rows: records.map((r) => ageingRow(ctx, r, buckets)), buckets };
  });

export interface WorklistList {
  records: WorklistRecord[];
  rows: ListRow[];
  stages: string[];
  reps: string[];
  segments: string[];
  /** The previous data's date the "new" rows are new since (null: new = reached its stage on this data's date). */
  newSince: string | null;
}

/** Whether each worklist client is new since the previous data (site/lib/desk.ts), once per build. */
export function worklistNews(): { asOf: string; since: string | null; isNew: (stageStarted: string | null) => boolean } {
  const asOf = readManifest().as_of_date;
  const since = previousDataDate(asOf, runHistory());
  return { asOf, since, isNew: (stageStarted) => isNewSince(stageStarted, asOf, since) };
}

export const worklistList = (base: string) =>
  index('list:worklist', async (): Promise<WorklistList> => {
    const [rows, clients, letterRows] = await Promise.all([read('worklist'), clientsById(), read('letters')]);
    const withLetters = new Set(letterRows.map((l) => l.client_id));
    const news = worklistNews();
    const records = rows.map((r) => worklistRecord(r, clients.get(r.client_id)?.segment, withLetters.has(r.client_id), news.isNew(r.stage_started_date)));
    const ctx = rowContext(base);
    return {
      newSince: news.since,
      records,
      rows: records.map((r) => worklistRow(ctx, r, true)),
      stages: [...new Set(records.flatMap(worklistStages))],
      reps: options(rows.map((r) => r.sales_rep)),
      segments: options(rows.map((r) => clients.get(r.client_id)?.segment)),
    };
  });
