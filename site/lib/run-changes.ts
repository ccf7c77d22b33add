// The run history in words: for each run (newest first), its headline figures and how each moved
// since the run before it (run_history.json keeps the manifests; their `headline` is run_summary).

export interface RunLike {
  run_id: string;
  run_at: string;
  as_of_date: string;
  headline?: Record<string, string | number | boolean | null>;
}

export const headlineFigures = ['receivables', 'overdue', 'unapplied_cash', 'clients_with_open_items', 'rejected_rows', 'warnings'] as const;
export type HeadlineFigure = (typeof headlineFigures)[number];

export interface RunChange {
  run_id: string;
  run_at: string;
  as_of_date: string;
  /** Each figure's value in this run and its change since the previous run (null: unknown). */
  figures: Record<HeadlineFigure, { value: number | null; change: number | null }>;
}

/** Each run with its headline figures and their change since the next older run. */
export function runChanges(history: readonly RunLike[]): RunChange[] {
  return history.map((run, index) => {
    const previous = history[index + 1];
    const figures = {} as RunChange['figures'];
    for (const name of headlineFigures) {
      const value = numberOf(run.headline?.[name]);
      const before = previous ? numberOf(previous.headline?.[name]) : null;
      // Cents, so 0.1 + 0.2 style noise never shows as a change.
      figures[name] = { value, change: value !== null && before !== null ? Math.round((value - before) * 100) / 100 : null };
    }
    return { run_id: run.run_id, run_at: run.run_at, as_of_date: run.as_of_date, figures };
  });
}

/** A headline value as a number (DECIMAL may arrive as a string), or null. */
function numberOf(value: string | number | boolean | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}
