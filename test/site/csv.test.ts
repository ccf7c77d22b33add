// CSV downloads are safe to open in a spreadsheet: formulas are neutralised, numbers are not.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { neutralise, toCsv } from '../../site/scripts/csv.ts';

describe('neutralise', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(neutralise('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutralise('+33 1 23')).toBe(`'+33 1 23`);
    expect(neutralise('-cmd')).toBe(`'-cmd`);
    expect(neutralise('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutralise('\tx')).toBe(`'\tx`);
  });

  it('leaves plain numbers, negative ones included, and ordinary text alone', () => {
    expect(neutralise('-1234.56')).toBe('-1234.56');
    expect(neutralise('-12,5')).toBe('-12,5');
    expect(neutralise('Dupont & Fils')).toBe('Dupont & Fils');
  });
});

describe('toCsv', () => {
  it('writes with the given delimiter and quotes what needs it', () => {
    const csv = toCsv(['Client', 'Montant'], [['A; B "x"', '12,5'], ['=1+1', '-3']], ';');
    expect(csv).toBe('Client;Montant\r\n"A; B ""x""";12,5\r\n\'=1+1;-3');
    expect(Papa.parse(csv, { delimiter: ';' }).data).toEqual([['Client', 'Montant'], ['A; B "x"', '12,5'], ["'=1+1", '-3']]);
  });
});
