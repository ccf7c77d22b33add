// The sortable tables' order (site/scripts/sort.ts): numbers as numbers, empty cells last, ties
// kept in their current order, text in the page's language.
import { describe, expect, it } from 'vitest';

import { compareKeys, nextDirection, sortedOrder } from '../../site/scripts/sort.ts';

describe('sortedOrder', () => {
  it('orders numbers by value, not as text, an empty cell last in both directions', () => {
    // 1200 > 300 > -50, '' last; as text '300' would come after '1200'.
    expect(sortedOrder(['1200', '-50', '', '300'], 'number', 'descending')).toEqual([0, 3, 1, 2]);
    expect(sortedOrder(['1200', '-50', '', '300'], 'number', 'ascending')).toEqual([1, 3, 0, 2]);
  });

  it('keeps equal keys in their current order', () => {
    expect(sortedOrder(['0', '400', '0'], 'number', 'descending')).toEqual([1, 0, 2]);
    expect(sortedOrder(['0', '400', '0'], 'number', 'ascending')).toEqual([0, 2, 1]);
  });

  it('orders text as the language does: accents and case do not push a name to the end', () => {
    expect(sortedOrder(['Zeta', 'Éclair', 'alpha'], 'text', 'ascending', 'fr')).toEqual([2, 1, 0]);
    expect(sortedOrder(['C10', 'C9'], 'text', 'ascending', 'fr')).toEqual([1, 0]);
  });
});

describe('compareKeys', () => {
  it('puts a cell that is not a number after the numbers', () => {
    expect(compareKeys('abc', '5', 'number', 'descending')).toBeGreaterThan(0);
    expect(compareKeys('5', 'abc', 'number', 'ascending')).toBeLessThan(0);
  });
});

describe('nextDirection', () => {
  it('starts a number column at the largest, a text column at A, and flips on the next click', () => {
    expect(nextDirection(null, 'number')).toBe('descending');
    expect(nextDirection(null, 'text')).toBe('ascending');
    expect(nextDirection('descending', 'number')).toBe('ascending');
    expect(nextDirection('ascending', 'text')).toBe('descending');
  });
});
