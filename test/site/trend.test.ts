// A headline figure's change: arrow, size in the figure's unit, and whether the move is good or bad.
import { describe, expect, it } from 'vitest';

import { makeFormat } from '../../site/lib/format.ts';
import { trendOf } from '../../site/lib/trend.ts';

const format = makeFormat('fr-FR', 'EUR');
const days = (v: number) => `${format.integer(v)} j`;

describe('trendOf', () => {
  it('colours a DSO that rose as bad and one that fell as good', () => {
    // DSO 61 → 63: +2 days, bad; 63 → 60: −3 days, good.
    expect(trendOf(2, 'down', days)).toEqual({ arrow: '▲ 2 j', tone: 'bad' });
    expect(trendOf(-3, 'down', days)).toEqual({ arrow: '▼ 3 j', tone: 'good' });
  });

  it('colours a collection effectiveness that rose as good', () => {
    expect(trendOf(3, 'up', (v) => format.integer(v))).toEqual({ arrow: '▲ 3', tone: 'good' });
  });

  it('shows a rate in points: a bad-debt rate from 0,5 % to 1,2 % is ▲ 0,7 pt, bad', () => {
    expect(trendOf(0.012 - 0.005, 'down', format.points)).toEqual({ arrow: '▲ 0,7\u00a0pt', tone: 'bad' });
  });

  it('calls a move that rounds to nothing flat, and judges receivables neither way', () => {
    expect(trendOf(0.2, 'down', days)).toEqual({ arrow: '= 0 j', tone: 'neutral' });
    expect(trendOf(-767174, 'either', format.money)).toEqual({ arrow: `▼ 767\u202f174\u00a0€`, tone: 'neutral' });
    expect(trendOf(null, 'down', days)).toBeUndefined();
  });
});
