// The run history on the about page: each run's headline figures and how they moved since the
// run before it (run_history.json, newest first).
import { describe, expect, it } from 'vitest';

import { runChanges } from '../../site/lib/run-changes.ts';

describe('runChanges', () => {
  it('gives each figure its change since the next older run, in cents, and none for the oldest run', () => {
    const changes = runChanges([
      { run_id: 'r2', run_at: '2024-04-02T04:30:00Z', as_of_date: '2024-04-01', headline: { receivables: '1000.10', overdue: 200, warnings: 3 } },
      { run_id: 'r1', run_at: '2024-04-01T04:30:00Z', as_of_date: '2024-03-31', headline: { receivables: 900.3, overdue: 250, warnings: 3 } },
    ]);
    // 1000.10 − 900.30 = 99.80 (not 99.80000000000007); 200 − 250 = −50; 3 − 3 = 0.
    expect(changes[0]!.figures.receivables).toEqual({ value: 1000.1, change: 99.8 });
    expect(changes[0]!.figures.overdue).toEqual({ value: 200, change: -50 });
    expect(changes[0]!.figures.warnings).toEqual({ value: 3, change: 0 });
    expect(changes[1]!.figures.receivables).toEqual({ value: 900.3, change: null });
  });

  it('leaves a figure an older warehouse did not record empty rather than 0', () => {
    const [run] = runChanges([{ run_id: 'r1', run_at: '2024-04-01T04:30:00Z', as_of_date: '2024-03-31' }]);
    expect(run!.figures.unapplied_cash).toEqual({ value: null, change: null });
  });
});
