// The run history on the about page: each run's headline figures and how they moved since the
// run before it, as the publisher writes them into run_history.json (newest first).
import { describe, expect, it } from 'vitest';

import { withChanges } from '../../etl/run-changes.ts';

describe('withChanges', () => {
  it('gives each figure its change since the next older run, in cents, and none for the oldest run', () => {
    const changes = withChanges([
      { run_id: 'r2', headline: { receivables: '1000.10', overdue: 200, warnings: 3 } },
      { run_id: 'r1', headline: { receivables: 900.3, overdue: 250, warnings: 3 } },
    ]);
    // 1000.10 − 900.30 = 99.80 (not 99.80000000000007); 200 − 250 = −50; 3 − 3 = 0.
    expect(changes[0]!.figures.receivables).toEqual({ value: 1000.1, change: 99.8 });
    expect(changes[0]!.figures.overdue).toEqual({ value: 200, change: -50 });
    expect(changes[0]!.figures.warnings).toEqual({ value: 3, change: 0 });
    expect(changes[1]!.figures.receivables).toEqual({ value: 900.3, change: null });
    // The run's own fields stay as they were.
    expect(changes[0]!.run_id).toBe('r2');
  });

  it('leaves a figure an older warehouse did not record empty rather than 0', () => {
    const [run] = withChanges([{ run_id: 'r1', headline: { receivables: 5 } }]);
    expect(run!.figures.unapplied_cash).toEqual({ value: null, change: null });
  });
});
