// Each long list's rows and filter options, made once per build and shared by its pages and its
// rows.json (site/lib/lists.ts). The order is the warehouse's: clients by receivables (largest
// first), the ageing balance by `rank`, the worklist by `priority`. `base` is the site's base URL.
import { isNewSince, previousDataDate } from './desk.ts';
import { ageingRow, clientRow, worklistRow, type ClientRisk } from './list-rows.ts';
import type { ListRow } from './lists.ts';
import { t } from './i18n/index.ts';
import { index } from './read.ts';
import {
  ageingByClient, buckets as loadBuckets, byClient, clients as loadClients, clientsById, creditLimits, gradesAtAsOf, letters, readManifest, runHistory, worklist, type Bucket,
} from './warehouse.ts';

const options = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, t.locale));

export interface ClientsList {
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
    const [all, grades, limits] = await Promise.all([loadClients(), byClient('grades', gradesAtAsOf), byClient('limits', creditLimits)]);
    const open = all
      .filter((c) => c.receivables_amount !== 0)
      .sort((a, b) => b.receivables_amount - a.receivables_amount || a.client_id.localeCompare(b.client_id));
    // Clients with nothing open have their page too: after the others, by id, behind a filter.
    const settled = all.filter((c) => c.receivables_amount === 0).sort((a, b) => a.client_id.localeCompare(b.client_id));
    // The grade every page uses: the latest score, or the labelled fallback.
    const risk = new Map<string, ClientRisk>(
      open.map((c) => {
        const limit = limits.get(c.client_id)?.[0];
        return [c.client_id, { grade: grades.get(c.client_id)?.[0]?.grade ?? null, usage: limit?.limit_usage ?? null, overLimit: limit?.is_over_limit ?? false }];
      }),
    );
    return {
      rows: [...open, ...settled].map((c) => clientRow(base, c, risk, true)),
      openCount: open.length,
      segments: options(open.map((c) => c.segment)),
      reps: options(open.map((c) => c.sales_rep)),
      grades: options([...risk.values()].map((r) => r.grade)),
    };
  });

export interface AgeingList {
  rows: ListRow[];
  buckets: Bucket[];
}

export const ageingList = (base: string) =>
  index('list:ageing', async (): Promise<AgeingList> => {
    const [buckets, rows] = await Promise.all([loadBuckets(), ageingByClient()]);
    return { rows: rows.map((r) => ageingRow(base, r, buckets)), buckets };
  });

export interface WorklistList {
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
    const [rows, clients, letterRows] = await Promise.all([worklist(), clientsById(), letters()]);
    const withLetters = new Set(letterRows.map((l) => l.client_id));
    const news = worklistNews();
    return {
      newSince: news.since,
      rows: rows.map((r) => worklistRow(base, r, clients.get(r.client_id)?.segment, withLetters.has(r.client_id), true, news.isNew(r.stage_started_date))),
      stages: [...new Set(rows.map((r) => r.stage))],
      reps: options(rows.map((r) => r.sales_rep)),
      segments: options(rows.map((r) => clients.get(r.client_id)?.segment)),
    };
  });
