// The filters above a table (site/scripts/match.ts): a row stays when every filter accepts it.
import { describe, expect, it } from 'vitest';

import { foldText, isActive, rowMatches, type Filter } from '../../site/scripts/match.ts';

const row = { search: 'alpha sas a pme durand', segment: 'PME', grade: 'C', overlimit: '1' };

describe('rowMatches', () => {
  it('a select keeps the rows with its value, and every row when set to all', () => {
    expect(rowMatches([{ kind: 'select', key: 'segment', value: 'PME' }], row)).toBe(true);
    expect(rowMatches([{ kind: 'select', key: 'segment', value: 'TPE' }], row)).toBe(false);
    expect(rowMatches([{ kind: 'select', key: 'segment', value: '' }], row)).toBe(true);
  });

  it('a ticked checkbox keeps only the rows flagged, an unticked one keeps all', () => {
    const overLimit = (checked: boolean): Filter => ({ kind: 'checkbox', key: 'overlimit', value: '1', checked });
    expect(rowMatches([overLimit(true)], row)).toBe(true);
    expect(rowMatches([overLimit(true)], { ...row, overlimit: '0' })).toBe(false);
    expect(rowMatches([overLimit(false)], { ...row, overlimit: '0' })).toBe(true);
  });

  it('the search finds a name whatever its accents: "francois" finds "François", "Muller" finds "Müller"', () => {
    // data-search as site/lib/list-rows.ts writes it: folded at build.
    const francois = { search: foldText('Van Damme François EURL C00412 PME Élodie Faure') };
    expect(francois.search).toBe('van damme francois eurl c00412 pme elodie faure');
    expect(rowMatches([{ kind: 'search', key: 'search', value: 'francois' }], francois)).toBe(true);
    expect(rowMatches([{ kind: 'search', key: 'search', value: 'FRANÇOIS élodie' }], francois)).toBe(true);
    // A row whose text was not folded at build is still found.
    expect(rowMatches([{ kind: 'search', key: 'search', value: 'muller' }], { search: 'Müller SA' })).toBe(true);
    expect(rowMatches([{ kind: 'search', key: 'search', value: 'francis' }], francois)).toBe(false);
  });

  it('the search keeps rows holding every word typed, in any order and case', () => {
    expect(rowMatches([{ kind: 'search', key: 'search', value: 'Durand  alpha' }], row)).toBe(true);
    expect(rowMatches([{ kind: 'search', key: 'search', value: 'alpha martin' }], row)).toBe(false);
  });

  it('all filters together: one refusal hides the row', () => {
    const filters: Filter[] = [
      { kind: 'search', key: 'search', value: 'alpha' },
      { kind: 'select', key: 'grade', value: 'D' },
    ];
    expect(rowMatches(filters, row)).toBe(false);
  });
});

describe('rowMatches, a token filter (the ageing balance by bucket)', () => {
  it('keeps a row whose space-separated list holds the chosen value, as a whole token', () => {
    // Whole tokens: the row of a client with amounts in 181–365 and > 365 days is not in 1–30.
    const filter = (value: string): Filter[] => [{ kind: 'token', key: 'bucket', value }];
    expect(rowMatches(filter('1-30'), { bucket: 'not_due 1-30' })).toBe(true);
    expect(rowMatches(filter('1-30'), { bucket: '181-365 >365' })).toBe(false);
    expect(rowMatches(filter('>365'), { bucket: '181-365 >365' })).toBe(true);
    expect(rowMatches(filter(''), { bucket: '' })).toBe(true);
  });
});

describe('isActive', () => {
  it('says whether a filter narrows anything', () => {
    expect(isActive({ kind: 'select', key: 'grade', value: '' })).toBe(false);
    expect(isActive({ kind: 'search', key: 'search', value: '  ' })).toBe(false);
    expect(isActive({ kind: 'checkbox', key: 'overlimit', value: '1', checked: true })).toBe(true);
  });
});
