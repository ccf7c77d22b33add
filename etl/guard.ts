// The publishing guard: a run does not replace the published warehouse with one that lost the
// book — no invoices at all, or open receivables or the invoice count down by more than
// guard.maxShrink since the published run. An empty or truncated export, or an --as-of before
// the data, would otherwise publish an empty site overnight with exit 0. --allow-shrink overrides.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { RunStopped } from './run-folder.ts';
import type { Manifest } from './publish-warehouse.ts';

/** The figures the guard compares, from a manifest (tables.invoices.rows, headline.receivables). */
export interface GuardFigures {
  asOfDate: string;
  invoices: number;
  receivables: number;
}

export function figuresOf(manifest: Pick<Manifest, 'as_of_date' | 'tables' | 'headline'>): GuardFigures {
  return {
    asOfDate: manifest.as_of_date,
    invoices: manifest.tables.invoices?.rows ?? 0,
    receivables: Number(manifest.headline.receivables ?? 0),
  };
}

/** The published warehouse's figures, or null when there is none (first run) or it is unreadable. */
export function publishedFigures(warehouseDir: string): GuardFigures | null {
  const file = join(warehouseDir, 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    return figuresOf(JSON.parse(readFileSync(file, 'utf8')) as Manifest);
  } catch {
    return null;
  }
}

/** Why this run must not publish, or null. maxShrink is a share (0.5 = a fall of more than half). */
export function shrinkProblem(before: GuardFigures | null, after: GuardFigures, maxShrink: number): string | null {
  const published = before ? ` (the published warehouse, as of ${before.asOfDate}, has ${before.invoices.toLocaleString('en-US')})` : '';
  if (after.invoices === 0) {
    return `the new warehouse would hold no invoices at its as-of date ${after.asOfDate}${published}`;
  }
  if (!before) return null;
  const falls: [string, number, number, (n: number) => string][] = [
    ['the invoice count', before.invoices, after.invoices, (n) => n.toLocaleString('en-US')],
    ['open receivables', before.receivables, after.receivables, (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })],
  ];
  for (const [figure, was, now, show] of falls) {
    if (was > 0 && now < was * (1 - maxShrink)) {
      const share = Math.round((1 - now / was) * 100);
      return (
        `${figure} would fall from ${show(was)} (published run, as of ${before.asOfDate}) to ${show(now)} (as of ${after.asOfDate}), ` +
        `down ${share} %, more than guard.maxShrink (${Math.round(maxShrink * 100)} %) allows`
      );
    }
  }
  return null;
}

/** Stops the run before the swap when shrinkProblem finds one, saying how to publish anyway. */
export function guardPublishing(warehouseDir: string, after: GuardFigures, maxShrink: number): void {
  const problem = shrinkProblem(publishedFigures(warehouseDir), after, maxShrink);
  if (!problem) return;
  throw new RunStopped(
    `publishing guard: ${problem}; nothing was published. Check that the exports are complete and the --as-of date is right. ` +
      'If the fall is real, run again with --allow-shrink (npm run nightly -- --allow-shrink), or set guard.maxShrink in encours.config.json.',
  );
}
