// A headline figure's change, as the tiles show it: an arrow for the direction, the size of the
// move in the figure's own unit (days, points, euros), and a tone that says whether the move is
// good or bad for the company — DSO up is bad, the collection effectiveness up is good, the
// receivables themselves are neither. The change itself comes from the warehouse query.
export type Tone = 'good' | 'bad' | 'neutral';

/** Which way the company wants the figure to move ('either': no judgement, e.g. receivables). */
export type Better = 'up' | 'down' | 'either';

export interface Trend {
  /** '▲ 1 j', '▼ 4,4 pts', '= 0 j'. */
  arrow: string;
  tone: Tone;
}

/**
 * The trend of a change, or undefined when there is none to show. `show` formats the size of the
 * move; a move that rounds to nothing in that format ('0 j') is flat, neither good nor bad.
 */
export function trendOf(change: number | null | undefined, better: Better, show: (magnitude: number) => string): Trend | undefined {
  if (change === null || change === undefined || Number.isNaN(change)) return undefined;
  const size = show(Math.abs(change));
  if (size === show(0)) return { arrow: `= ${size}`, tone: 'neutral' };
  const up = change > 0;
  const tone: Tone = better === 'either' ? 'neutral' : (better === 'up') === up ? 'good' : 'bad';
  return { arrow: `${up ? '▲' : '▼'} ${size}`, tone };
}
