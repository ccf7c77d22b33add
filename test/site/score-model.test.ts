// The scores page lists the scorecard as a credit manager reads one: each criterion's bands from
// the safest to the riskiest (band_order), whatever points the fit gave them.
import { describe, expect, inject, it, vi } from 'vitest';

describe('score_model', () => {
  it('lists each criterion’s bands in band order, not by points', async () => {
    vi.resetModules();
    vi.stubEnv('ENCOURS_WAREHOUSE', inject('sampleWarehouse'));
    const { read } = await import('../../site/lib/read.ts');
    const rows = await read('score_model');
    const bandsOf = (feature: string) => rows.filter((r) => r.feature === feature).map((r) => r.band);
    // The bands of int_score_band_edges, in their order (0 = no data first), worded in English for
    // analysts from their edges: limit usage cut at 50 %, 80 % and 100 %; days past due at 0, 15,
    // 30, 60 and 90; tenure at 5 and 23 months (band 1 is 24 months or more, the longest).
    expect(bandsOf('limit_usage')).toEqual(['no limit', 'up to 50%', '50-80%', '80-100%', 'over 100%']);
    expect(bandsOf('max_days_past_due')).toEqual(['not overdue', '1-15 days', '16-30 days', '31-60 days', '61-90 days', 'over 90 days']);
    expect(bandsOf('tenure')).toEqual(['24 months or more', '6-23 months', 'under 6 months']);
    // The edges the site words them from: days past due band 4 holds 31 to 60 days.
    expect(rows.find((r) => r.feature === 'max_days_past_due' && r.band_order === 4)).toMatchObject({ band_unit: 'days_past_due', band_above: 30, band_up_to: 60 });
    vi.unstubAllEnvs();
  });
});
