// How the French site writes a number, spelt out by hand for tests' expected values: a test that
// made its expected text with the site's own formatter (site/lib/format.ts) would pass whatever
// that formatter did. French typography: thousands grouped by a narrow no-break space (U+202F),
// a comma for the decimal sign, a no-break space (U+00A0) before the unit ('€', 'pts', '%').
// test/french.test.ts checks these on literal strings.

const narrowNoBreakSpace = '\u202f';
const noBreakSpace = '\u00a0';

/** Whole euros, as the site's money tiles show them: 1234567.5 → '1 234 568 €', −1234.4 → '-1 234 €', −0.4 → '0 €'. */
export function euros(amount: number): string {
  // Half away from zero (Intl's rounding); a negative amount that rounds to nothing has no sign.
  const whole = Math.round(Math.abs(amount));
  return `${amount < 0 && whole > 0 ? '-' : ''}${grouped(whole)}${noBreakSpace}€`;
}

/** A whole number: 12345 → '12 345'. */
export function integer(n: number): string {
  const whole = Math.round(Math.abs(n));
  return `${n < 0 && whole > 0 ? '-' : ''}${grouped(whole)}`;
}

/**
 * The size of a change of a share, in percentage points with one decimal: 0.044 → '4,4 pts',
 * 0.015 → '1,5 pt'. French puts the singular below 2 ('0,0 pt', '1,9 pt'), the plural from 2.
 */
export function points(change: number): string {
  const shown = (Math.abs(change) * 100).toFixed(1);
  return `${shown.replace('.', ',')}${noBreakSpace}${Number(shown) < 2 ? 'pt' : 'pts'}`;
}

function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, narrowNoBreakSpace);
}
