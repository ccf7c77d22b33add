// How each headline figure moved run to run, written into run_history.json by the publisher
// (etl/publish-warehouse.ts) so the about page shows the changes as they are. Not a mart: the
// earlier runs are the history folder beside the warehouse, not the run's inputs, and a mart that
// read it would make the same inputs and settings give a different warehouse on every run.
import { headlineFigures, type RunFigures } from '../shared/run-history.ts';

type Headline = Record<string, string | number | boolean | null>;

/** Each run (newest first) with its figures: their value and their change since the next older run. */
export function withChanges<T extends { headline?: Headline }>(history: readonly T[]): (T & { figures: RunFigures })[] {
  return history.map((run, index) => {
    const previous = history[index + 1];
    const figures = {} as RunFigures;
    for (const name of headlineFigures) {
      const value = numberOf(run.headline?.[name]);
      const before = previous ? numberOf(previous.headline?.[name]) : null;
      // In cents, so 0.1 + 0.2 style noise never shows as a change.
      figures[name] = { value, change: value !== null && before !== null ? (toCents(value) - toCents(before)) / 100 : null };
    }
    return { ...run, figures };
  });
}

const toCents = (value: number) => Math.round(value * 100);

/** A headline value as a number (DECIMAL may arrive as a string), or null. */
function numberOf(value: string | number | boolean | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}
