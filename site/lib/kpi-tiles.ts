// What the overview's day tiles say when the warehouse has no figure: a DSO whose countback ran
// out of history (kpi_monthly.is_dso_countback_capped: the receivables exceed every sale in the
// exports, as with an open-balance snapshot) is "not computed" with that reason, never a blank
// dash a reader takes for a glitch nor the days of the whole history read as a DSO; a figure
// that needs more month ends than the exports hold says so.
import type { FinanceLabels } from './i18n/finance.ts';

export interface TileText {
  value: string;
  note?: string;
}

/** The countback DSO tile: its days, or why there are none. */
export function dsoCountbackTile(row: { dso_countback: number | null; is_dso_countback_capped: boolean | null }, days: (v: number) => string, labels: FinanceLabels['kpis']): TileText {
  if (row.dso_countback !== null) return { value: days(row.dso_countback) };
  if (row.is_dso_countback_capped) return { value: labels.notComputed, note: labels.dsoCapped };
  return { value: labels.notComputed, note: labels.notYet };
}

/** A tile of days or an index that is empty until enough month ends exist (ADD, CEI). */
export function historyTile(value: number | null, show: (v: number) => string, labels: FinanceLabels['kpis']): TileText {
  return value === null ? { value: labels.notComputed, note: labels.notYet } : { value: show(value) };
}
