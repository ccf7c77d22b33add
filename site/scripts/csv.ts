// Table → CSV, safe to open in a spreadsheet: text that starts with =, +, -, @, tab or CR is
// prefixed with an apostrophe so it is never run as a formula; plain numbers stay numbers.
import Papa from 'papaparse';

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+(?:[.,]\d+)?$/;

export function neutralise(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: string[][], delimiter: ',' | ';'): string {
  return Papa.unparse({ fields: header.map(neutralise), data: rows.map((row) => row.map(neutralise)) }, { delimiter, newline: '\r\n' });
}

/** The separator a spreadsheet in that language expects: ';' where the decimal sign is a comma (fr). */
export function csvDelimiter(language: string): ',' | ';' {
  return language.startsWith('fr') ? ';' : ',';
}

/**
 * A date for a CSV cell in the page's language: what a spreadsheet in that language reads as a date.
 * French: dd/mm/yyyy (French Excel reads 2024-06-11 as text); English: ISO 8601 as it is
 * (unambiguous, read as a date by every spreadsheet). Empty for none.
 */
export function csvDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return parts && language.startsWith('fr') ? `${parts[3]}/${parts[2]}/${parts[1]}` : iso;
}

/** A cell's raw value (data-csv) in the page's language: an ISO date written as csvDate writes it. */
export function csvValue(raw: string, language: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? csvDate(raw, language) : raw;
}

/** A CSV file's whole text: a BOM, which makes Excel read UTF-8 accents right, then toCsv. */
export function csvFile(header: string[], rows: string[][], delimiter: ',' | ';'): string {
  return `\ufeff${toCsv(header, rows, delimiter)}`;
}

const currencySigns = /[€$£¥]|CHF|EUR|USD|GBP/g;

/**
 * A number as the page shows it ('1 234,56 €', '€1,234.56', '-12', '–' for none) back to a plain
 * number with the page's decimal sign ('1234,56' in French, '1234.56' in English), so a spreadsheet
 * reads it as a number; null for anything else (percentages and dates stay as shown).
 */
export function plainNumberOf(text: string, decimalSign: ',' | '.'): string | null {
  const compact = text.replace(currencySigns, '').replace(/[\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-');
  const pattern = decimalSign === ',' ? /^-?\d+(?:,\d+)?$/ : /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;
  if (!pattern.test(compact)) return null;
  return decimalSign === '.' ? compact.replaceAll(',', '') : compact;
}
