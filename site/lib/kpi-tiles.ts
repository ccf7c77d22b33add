// What the overview's day tiles say when the warehouse has no figure: a DSO whose countback ran
// out of history (kpi_monthly.is_dso_countback_capped: the receivables exceed every sale in the
// exports, as with an open-balance snapshot) is "not computed" with that reason, never a blank
// dash a reader takes for a glitch nor the days of the whole history read as a DSO; exports that
// date no settlement (run_summary.has_settlements: an invoice list or an A/R aging report without
// payments) leave the DSO, ADD and CEI empty, and say so; a figure that needs more month ends than
// the exports hold says that.
import type { FinanceLabels } from './i18n/finance.ts';

export interface TileText {
  value: string;
  note?: string;
}

/** The countback DSO tile: its days, or why there are none. */
export function dsoCountbackTile(row: { dso_countback: number | null; is_dso_countback_capped: boolean | null }, hasSettlements: boolean, days: (v: number) => string, labels: FinanceLabels['kpis']): TileText {
  if (row.dso_countback !== null) return { value: days(row.dso_countback) };
  if (row.is_dso_countback_capped) return { value: labels.notComputed, note: labels.dsoCapped };
  return { value: labels.notComputed, note: hasSettlements ? labels.notYet : labels.noSettlements };
}

/** A tile that is empty until enough month ends exist (ADD, CEI, bad-debt rate), or, for a collection figure, when the exports date no settlement. */
export function historyTile(value: number | null, hasSettlements: boolean, show: (v: number) => string, labels: FinanceLabels['kpis']): TileText {
  if (value !== null) return { value: show(value) };
  return { value: labels.notComputed, note: hasSettlements ? labels.notYet : labels.noSettlements };
}
