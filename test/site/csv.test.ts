// CSV downloads are safe to open in a spreadsheet: formulas are neutralised, numbers are not.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { neutralise, plainNumberOf, toCsv } from '../../site/scripts/csv.ts';

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

describe('plainNumberOf', () => {
  it('turns a number as the page shows it into a plain one with the page decimal sign', () => {
    // fr-FR: narrow no-break space between thousands, no-break space before €.
    expect(plainNumberOf('-1\u202f234,50\u00a0€', ',')).toBe('-1234,50');
    expect(plainNumberOf('1\u202f400\u00a0€', ',')).toBe('1400');
    expect(plainNumberOf('-€1,234.50', '.')).toBe('-1234.50');
    expect(plainNumberOf('112', ',')).toBe('112');
  });

  it('leaves percentages, dates, dashes and text as shown', () => {
    expect(plainNumberOf('78,6 %', ',')).toBeNull();
    expect(plainNumberOf('01/02/2024', ',')).toBeNull();
    expect(plainNumberOf('–', ',')).toBeNull();
    expect(plainNumberOf('F1', ',')).toBeNull();
    // '1,5' is not an English number (one and a half would read 1.5).
    expect(plainNumberOf('1,5', '.')).toBeNull();
  });
});
