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
