// The scores page lists the scorecard as a credit manager reads one: each criterion's bands from
// the safest to the riskiest (band_order), whatever points the fit gave them.
import { describe, expect, inject, it, vi } from 'vitest';

describe('scoreModel', () => {
  it('lists each criterion’s bands in band order, not by points', async () => {
    vi.resetModules();
    vi.stubEnv('ENCOURS_WAREHOUSE', inject('sampleWarehouse'));
    const { scoreModel } = await import('../../site/lib/warehouse.ts');
    const rows = await scoreModel();
    const bandsOf = (feature: string) => rows.filter((r) => r.feature === feature).map((r) => r.band);
    // The bands of int_score_band_labels, in their order (0 = no data first).
    expect(bandsOf('limit_usage')).toEqual(['no limit', 'up to 50%', '50-80%', '80-100%', 'over limit']);
    expect(bandsOf('max_days_past_due')).toEqual(['not overdue', '1-15 days', '16-30 days', '31-60 days', '61-90 days', 'over 90 days']);
    expect(bandsOf('tenure')).toEqual(['over 24 months', '6-24 months', 'under 6 months']);
    vi.unstubAllEnvs();
  });
});
