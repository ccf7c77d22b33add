// The hand-written French numbers that browser and whole-run tests expect (test/french.ts), on
// literal strings: U+202F between thousands, U+00A0 before the unit.
import { describe, expect, it } from 'vitest';

import { euros, integer, points } from './french.ts';

describe('euros', () => {
  it('rounds to the euro, half away from zero, and groups thousands', () => {
    expect(euros(1234567.5)).toBe('1\u202f234\u202f568\u00a0€');
    expect(euros(999.49)).toBe('999\u00a0€');
    expect(euros(1000)).toBe('1\u202f000\u00a0€');
  });

  it('signs a debt with a hyphen, but not one that rounds to nothing', () => {
    expect(euros(-1234.4)).toBe('-1\u202f234\u00a0€');
    expect(euros(-0.4)).toBe('0\u00a0€');
  });
});

describe('integer', () => {
  it('groups thousands', () => {
    expect(integer(12345)).toBe('12\u202f345');
    expect(integer(42)).toBe('42');
  });
});

describe('points', () => {
  it('says a change of share in points with one decimal, singular below 2', () => {
    expect(points(0.044)).toBe('4,4\u00a0pts');
    expect(points(-0.015)).toBe('1,5\u00a0pt');
    expect(points(0)).toBe('0,0\u00a0pt');
    expect(points(0.02)).toBe('2,0\u00a0pts');
  });
});
