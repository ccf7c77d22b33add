// The overview's tiles when kpi_monthly has no figure: a credit manager reads "not computed" and
// why, never the days of the whole history as a DSO nor a bare dash.
import { describe, expect, it } from 'vitest';

import { financeLanguages } from '../../site/lib/i18n/finance.ts';
import { dsoCountbackTile, historyTile } from '../../site/lib/kpi-tiles.ts';

const days = (v: number) => `${Math.round(v)} d`;
const en = financeLanguages.en.kpis;
const fr = financeLanguages.fr.kpis;

describe('dsoCountbackTile', () => {
  it('gives the days of a countback DSO the history consumed', () => {
    // kpi.test.ts's April: 5,500 − 3,000 (30 d) − 0 (31 d) − 2,500 of February (29 d) = 90 days.
    expect(dsoCountbackTile({ dso_countback: 90, is_dso_countback_capped: false }, true, days, en)).toEqual({ value: '90 d' });
  });

  it('says "not computed" and why when the receivables exceed every sale in the exports (an open-balance snapshot)', () => {
    // The Xero snapshot as at 31 March 2025: 11,246.95 open against 636.55 of March sales, the
    // only month it holds; the countback would have given March's 31 days.
    expect(dsoCountbackTile({ dso_countback: null, is_dso_countback_capped: true }, false, days, en)).toEqual({
      value: 'Not computed',
      note: 'The receivables exceed every sale in the exports: the months to count back are not in them (an open-balance snapshot, or a balance brought forward).',
    });
    expect(dsoCountbackTile({ dso_countback: null, is_dso_countback_capped: true }, false, days, fr).value).toBe('Non calculé');
  });

  it('says there is not enough history when the DSO is empty for another reason', () => {
    expect(dsoCountbackTile({ dso_countback: null, is_dso_countback_capped: null }, true, days, en)).toEqual({ value: 'Not computed', note: 'Not enough history yet.' });
  });

  it('says the exports date no settlement when they do not (QuickBooks read as an invoice list, no payments)', () => {
    // Every sale of the history still open: the countback would give 31 + 29 + 31 = 91 days.
    expect(dsoCountbackTile({ dso_countback: null, is_dso_countback_capped: false }, false, days, en)).toEqual({
      value: 'Not computed', note: 'The exports date no settlement: this needs the payments (or several open-balance snapshots in a row).',
    });
  });
});

describe('historyTile', () => {
  it('shows an ADD of zero as zero, not as missing', () => {
    expect(historyTile(0, true, days, en)).toEqual({ value: '0 d' });
  });

  it('says not computed, for want of history, when the figure is empty (a CEI with no month end before)', () => {
    expect(historyTile(null, true, days, fr)).toEqual({ value: 'Non calculé', note: 'Pas encore assez d’historique.' });
  });
});
