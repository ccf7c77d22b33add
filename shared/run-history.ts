// The run history's figures (run_history.json): which headline figures (run_summary's columns) the
// about page compares run to run, and how the run writes each, so the ETL (etl/run-changes.ts)
// and the site (site/pages/about.astro) share one list.

export const headlineFigures = ['receivables', 'overdue', 'unapplied_cash', 'clients_with_open_items', 'rejected_rows', 'warnings'] as const;
export type HeadlineFigure = (typeof headlineFigures)[number];

/** Each figure's value in a run and its change since the run before it (null: unknown). */
export type RunFigures = Record<HeadlineFigure, { value: number | null; change: number | null }>;
