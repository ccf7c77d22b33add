// A catalogue of exports written the way other software writes them (test/fixtures/real-exports/,
// one folder per case, and two workbooks built here): each gets the right figures, a quality row
// with its file and physical line, or a stop that names its cause and leaves the previous
// warehouse as it was. Never a silently wrong amount.
//
// Every invoices file holds the same five items, written in its own way (the truth, by hand):
//   F001  C1  15 Jan 2024  1,705.03     F002  C1  1 Feb 2024   886.55
//   F003  C2  10 Feb 2024  12,345.60    AV01  C2  20 Feb 2024  credit note −120.00
//   F004  C2   5 Mar 2024  0.99         (total 14,818.17)
// In a file with one header line and one line per item, F001…F004 are lines 2 to 6.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';

import { loadConfig } from '../../etl/config.ts';
import { openDatabase } from '../../shared/duckdb.ts';
import { runEtl } from '../../etl/pipeline.ts';
import { InputError } from '../../etl/readers/errors.ts';
import { readOpenItems } from '../../etl/readers/open-items.ts';
import { buildWarehouse, fixturesDir, queryWarehouse } from '../helpers.ts';

const exports = (name: string) => join(fixturesDir, 'real-exports', name);
const asOf = '2024-03-31';
const truth: Record<string, number> = { F001: 1705.03, F002: 886.55, F003: 12345.6, AV01: -120, F004: 0.99 };

type Quality = {
  source_file: string;
  line: number;
  severity: string;
  reason: string;
};

/**
 * Runs the case and checks the book: every loaded invoice has its true amount, and every true
 * invoice is loaded or in `quality` at its line. Returns the quality rows for the case to check.
 */
async function expectBook(
  dir: string,
  { loaded, rejected = {}, trueAmounts = truth }: { loaded: Record<string, number>; rejected?: Record<string, number>; trueAmounts?: Record<string, number> },
): Promise<Quality[]> {
  const wh = await buildWarehouse(dir, { asOf });
  const invoices = await wh.query<{ invoice_id: string; amount: number }>('select invoice_id, amount from invoices order by invoice_id');
  expect(Object.fromEntries(invoices.map((i) => [i.invoice_id, i.amount]))).toEqual(loaded);
  const quality = await wh.query<Quality>('select source_file, line, severity, reason from quality order by source_file, line');
  for (const [id, amount] of Object.entries(loaded)) if (id in trueAmounts) expect(amount, id).toBe(trueAmounts[id]);
  for (const [id, line] of Object.entries(rejected)) {
    expect(loaded[id]).toBeUndefined();
    expect(quality.some((q) => q.line === line && q.severity === 'error'), `${id} in quality at line ${line}`).toBe(true);
  }
  return quality;
}

const allFive = truth;
const without = (...ids: string[]) => Object.fromEntries(Object.entries(truth).filter(([id]) => !ids.includes(id)));

// Each case runs the ETL on its own copy into its own warehouse: run them at once (a run is mostly waiting on DuckDB and the disk).
describe.concurrent('exports that read right with no setting but their column names', () => {
  it('French Excel CSV: ";", decimal comma, Windows-1252, dd/mm/yyyy, no-break space and space thousands', async () => {
    // '1 705,03' (U+00A0 in Windows-1252: byte A0), '12 345,60', '120,00' typed "Avoir" → −120.00.
    expect(await expectBook(exports('fr-excel-csv'), { loaded: allFive })).toEqual([]);
  });

  it('US ERP CSV: ",", MM/DD/YYYY, "$1,705.03" quoted, ($120.00) for the credit note, a USD company', async () => {
    // '($120.00)': accounting parentheses → −120.00, a credit note by its sign.
    expect(await expectBook(exports('us-erp-csv'), { loaded: allFive })).toEqual([]);
  });

  it('Pennylane-like: UTF-8 with BOM, every field quoted, ISO dates, decimal point, extra columns', async () => {
    expect(await expectBook(exports('pennylane-like'), { loaded: allFive })).toEqual([]);
  });

  it('EBP/Sage-like with a total line at the end: the total is reported at its line, not loaded', async () => {
    // Lines 2–6 the five items, line 7 '"";"";"";"";"14818,17";"Total"'.
    const quality = await expectBook(exports('ebp-like-total-line'), { loaded: allFive });
    expect(quality).toEqual([{ source_file: 'invoices.csv', line: 7, severity: 'error', reason: 'missing invoice id' }]);
  });

  it('Excel "Unicode text": UTF-16LE with BOM, tab-separated, U+202F and U+00A0 thousands', async () => {
    expect(await expectBook(exports('utf16-unicode-text'), { loaded: allFive })).toEqual([]);
  });

  it('dots for thousands ("1.705,03", "12.345,60") with no mapping: a decimal comma', async () => {
    expect(await expectBook(exports('dot-grouping-auto'), { loaded: allFive })).toEqual([]);
  });

  it('whole amounts only: no decimal sign to tell, nothing to guess', async () => {
    const wholeAmounts = { F001: 1705, F002: 887, AV01: -120 };
    expect(await expectBook(exports('whole-amounts'), { loaded: wholeAmounts, trueAmounts: wholeAmounts })).toEqual([]);
  });

  it('says per file what it detected', async () => {
    const db = await openDatabase();
    try {
      await db.run('create table raw_rejects (source_file varchar, line bigint, reason varchar, raw_line varchar)');
      const detected = async (name: string) => {
        const files = await readOpenItems(db, exports(name), loadConfig(undefined, exports(name)).config, { scratchDir: mkdtempSync(join(tmpdir(), 'encours-detected-')) });
        return files.map((f) => [f.path.split('/').at(-1), f.detected]);
      };
      // Five amounts each, all deciding the same way (see the cases above).
      expect(await detected('fr-excel-csv')).toEqual([
        ['clients.csv', 'utf-8, no amount column'],
        // No byte in 80–9F, so ISO-8859-15 (which reads French letters as Windows-1252 does).
        ['invoices.csv', 'iso-8859-15, decimal comma (5 amounts say so)'],
      ]);
      expect((await detected('us-erp-csv'))[1]).toEqual(['invoices.csv', 'utf-8, decimal point (5 amounts say so)']);
      expect((await detected('utf16-unicode-text'))[1]).toEqual(['invoices.txt', 'utf-16le, decimal comma (5 amounts say so)']);
      // '1,705.03' says point, the other four comma: the comma wins, the one is reported.
      expect((await detected('mixed-decimals'))[1]).toEqual(['invoices.csv', 'utf-8, decimal comma (4 amounts say so; 1 say otherwise and are reported in the quality table)']);
    } finally {
      db.close();
    }
  });
});

// Each case runs the ETL on its own copy into its own warehouse: run them at once (a run is mostly waiting on DuckDB and the disk).
describe.concurrent('physical line numbers', () => {
  it('after a quoted field over three lines, blank lines, a truncated line and before a total line', async () => {
    // 1 header · 2–4 F001 (label over three lines) · 5 blank · 6 F002 · 7–8 F003 (label over two
    // lines) · 9 BAD1 (30 Feb) · 10 AV01 · 11 F999 (three fields) · 12 blank · 13 F004 · 14 TOTAL.
    const quality = await expectBook(exports('multiline-blank-total'), { loaded: allFive });
    expect(quality).toEqual([
      { source_file: 'invoices.csv', line: 9, severity: 'error', reason: "issue date '2024-02-30' does not match the date format %Y-%m-%d" },
      { source_file: 'invoices.csv', line: 11, severity: 'error', reason: expect.stringMatching(/^MISSING COLUMNS/) },
      { source_file: 'invoices.csv', line: 14, severity: 'error', reason: 'missing client id' },
    ]);
  });
});

// Each case runs the ETL on its own copy into its own warehouse: run them at once (a run is mostly waiting on DuckDB and the disk).
describe.concurrent('amounts that are reported, never reinterpreted', () => {
  it('three decimals', async () => {
    // '886,555' is neither 886.55 nor 886.56: the line is reported.
    const quality = await expectBook(exports('three-decimals'), { loaded: without('F002'), rejected: { F002: 3 } });
    expect(quality).toEqual([{ source_file: 'invoices.csv', line: 3, severity: 'error', reason: "amount '886,555' has more than two decimals (read with a decimal comma)" }]);
  });

  it('a grouping that contradicts the configured decimal comma', async () => {
    // decimalSeparator ",": '1,705.03' (was read 1.71) and '17.05' (groups of two) are reported;
    // '12.345,60' is 12,345.60 and '-120' is −120.
    const quality = await expectBook(exports('grouping-contradicts-setting'), { loaded: without('F001', 'F004'), rejected: { F001: 2, F004: 6 } });
    expect(quality.map((q) => [q.line, q.reason])).toEqual([
      [2, "amount '1,705.03' does not fit the decimal comma of its file (thousands in groups of three digits, then one decimal comma)"],
      [6, "amount '17.05' does not fit the decimal comma of its file (thousands in groups of three digits, then one decimal comma)"],
    ]);
  });

  it("one value against the file's decimal sign", async () => {
    // Four amounts say comma, '1,705.03' point: it is reported, not read as 1.71 or 1705.03.
    const quality = await expectBook(exports('mixed-decimals'), { loaded: without('F001'), rejected: { F001: 2 } });
    expect(quality).toHaveLength(1);
  });

  it('currency signs: the company currency is read, another one is reported', async () => {
    // '1 705,03 €', '€886,55', '12345,60 EUR', '-120,00 €' are euros; '$0,99' is not.
    const quality = await expectBook(exports('currency-signs'), { loaded: without('F004'), rejected: { F004: 6 } });
    expect(quality.map((q) => q.reason)).toEqual(["amount '$0,99' is in $, not the company currency EUR"]);
  });

  it('a trailing minus and parentheses are negative; two signs are reported', async () => {
    // '120,00-' (SAP) → AV01 −120.00; '(30,00)' → AV02 −30.00; '-5,00-' line 7 is reported.
    const quality = await expectBook(exports('trailing-minus'), { loaded: { ...allFive, AV02: -30 } });
    expect(quality.map((q) => [q.line, q.reason])).toEqual([[7, "amount '-5,00-' has more than one sign"]]);
  });

  it('ambiguous amounts read once the setting is given', async () => {
    // decimalSeparator ".": '1,705' is 1,705 (thousands), '12,345' is 12,345.
    const thousands = { F001: 1705, F002: 2500, F003: 12345, F004: 900 };
    expect(await expectBook(exports('ambiguous-decimals-set'), { loaded: thousands, trueAmounts: thousands })).toEqual([]);
  });
});

// Each case runs the ETL on its own copy into its own warehouse: run them at once (a run is mostly waiting on DuckDB and the disk).
describe.concurrent('Excel workbooks', () => {
  // Sheet "Factures": row 1 header, 2 F001, 3 F002, 4 blank, 5 F003, 6 AV01 ("Avoir", −120),
  // 7 BAD2 with a text date 31/02/2024, 8 F004 whose amount is the sum 0.1 + 0.89, stored
  // 0.9900000000000001 (Excel shows 15 digits: 0.99).
  async function workbook(name: string, { titleRows = [] as unknown[][], totalRow = null as unknown[] | null } = {}): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'encours-xlsx-'));
    cpSync(join(exports('fr-excel-csv'), 'clients.csv'), join(dir, 'clients.csv'));
    const config = JSON.parse(readFileSync(join(exports('fr-excel-csv'), 'encours.config.json'), 'utf8')) as { openItems: { columns: { invoices: Record<string, string> } } };
    writeFileSync(join(dir, 'encours.config.json'), JSON.stringify({ openItems: { dateFormat: '%d/%m/%Y', columns: config.openItems.columns } }));
    const date = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), format: 'dd/mm/yyyy' });
    const data = [
      ['N° facture', 'Code client', 'Date facture', 'Échéance', 'Montant TTC', 'Type pièce'],
      ['F001', 'C1', date('2024-01-15'), date('2024-02-14'), 1705.03, 'Facture'],
      ['F002', 'C1', date('2024-02-01'), date('2024-03-02'), { value: 886.55, format: '#,##0.00' }, 'Facture'],
      [null, null, null, null, null, null],
      ['F003', 'C2', date('2024-02-10'), date('2024-03-11'), 12345.6, 'Facture'],
      ['AV01', 'C2', date('2024-02-20'), date('2024-02-20'), -120, 'Avoir'],
      ['BAD2', 'C2', '31/02/2024', date('2024-03-11'), 10, 'Facture'],
      ['F004', 'C2', date('2024-03-05'), date('2024-04-04'), 0.1 + 0.89, 'Facture'],
    ];
    const width = data[0]!.length;
    const pad = (row: unknown[]) => [...row, ...Array<null>(width - row.length).fill(null)];
    const sheet = [...titleRows.map(pad), ...data, ...(totalRow ? [pad(totalRow)] : [])];
    await writeXlsxFile(sheet as typeof data, { sheet: 'Factures' }).toFile(join(dir, name));
    return dir;
  }

  it('an .xlsx is read directly: dates, numbers and the sheet row numbers', async () => {
    const quality = await expectBook(await workbook('invoices.xlsx'), { loaded: allFive });
    expect(quality).toEqual([{ source_file: 'invoices.xlsx', line: 7, severity: 'error', reason: "issue date '31/02/2024' does not match the date format %d/%m/%Y" }]);
  });

  it('a report exported to Excel: the title rows above the header and its total row are listed, never loaded, lines counted as the sheet rows', async () => {
    // Rows 1–3 the report's title, 4 blank, 5 the header; the invoices from row 6 (BAD2 at row 11);
    // row 13 "Total" (the sum of the amounts, 14 827,18), which would double the receivables if loaded.
    const dir = await workbook('invoices.xlsx', {
      titleRows: [['Grand livre clients — pièces non soldées'], ['Exemple Industrie SAS'], ['Au 31/03/2024'], [null]],
      totalRow: ['Total', null, null, null, 14827.18, null],
    });
    const quality = await expectBook(dir, { loaded: allFive });
    expect(quality.filter((q) => q.severity === 'error')).toEqual([
      { source_file: 'invoices.xlsx', line: 11, severity: 'error', reason: "issue date '31/02/2024' does not match the date format %d/%m/%Y" },
    ]);
    const notes = quality.filter((q) => q.severity === 'info').map((q) => [q.line, q.reason]);
    expect(notes).toContainEqual([1, '4 lines above the header (line 5) skipped: "Grand livre clients — pièces non soldées", "Exemple Industrie SAS", "Au 31/03/2024", (blank)']);
    expect(notes).toContainEqual([13, "total row 'Total' of the report: not loaded"]);
  });

  it('a workbook named .csv is read as the workbook it is', async () => {
    const quality = await expectBook(await workbook('invoices.csv'), { loaded: allFive });
    expect(quality.map((q) => q.line)).toEqual([7]);
  });
});

describe('exports that stop the run, naming the cause', () => {
  let warehouseDir: string;
  let published: string;

  beforeAll(async () => {
    warehouseDir = join(mkdtempSync(join(tmpdir(), 'encours-real-')), 'warehouse');
    await runEtl({ inputDir: exports('fr-excel-csv'), warehouseDir, config: loadConfig(undefined, exports('fr-excel-csv')).config, configPath: null, asOf });
    published = readlinkSync(warehouseDir);
  });

  async function expectStopped(name: string, message: RegExp): Promise<void> {
    const { config, path } = loadConfig(undefined, exports(name));
    const run = runEtl({ inputDir: exports(name), warehouseDir, config, configPath: path, asOf });
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(message);
    expect(readlinkSync(warehouseDir)).toBe(published);
    expect(await queryWarehouse(warehouseDir, 'select count(*) as n from invoices')).toEqual([{ n: 5 }]);
  }

  it('ambiguous decimals: every amount like "1,705"', async () => {
    await expectStopped('ambiguous-decimals', /invoices\.csv: .*column "amount", e\.g\. '1,705'.*set openItems\.decimalSeparator to "," or "\."/);
  });

  it('a mapped optional column the file lacks', async () => {
    // Without the stop, AV01 ("Type pièce" = Avoir, amount 120,00) would load as an invoice of +120.
    await expectStopped(
      'missing-mapped-optional',
      /invoices\.csv, line 1: openItems\.columns\.invoices\.kind names column "Type pièce", which the file does not have; its columns are "N° facture", "Code client", "Date facture", "Échéance", "Montant TTC"/,
    );
  });

  it('a Windows-1252 header declared UTF-8', async () => {
    await expectStopped('wrong-declared-encoding-header', /invoices\.csv, line 1: the header is not valid UTF-8 although openItems\.encoding says "utf-8".*set openItems\.encoding to "iso-8859-15"/);
  });

  it('a UTF-16 file declared Windows-1252', async () => {
    await expectStopped('utf16-declared-windows-1252', /invoices\.txt: is UTF-16 text \(Excel's "Unicode text"\), not windows-1252/);
  });

  it('a legacy .xls workbook, from the command line, without a stack trace', async () => {
    const cli = join(import.meta.dirname, '..', '..', 'etl', 'run.ts');
    const result = await promisify(execFile)(process.execPath, [cli, '--input', exports('xls-legacy'), '--warehouse', warehouseDir, '--as-of', asOf]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/invoices\.xls: is an Excel 97–2003 workbook \(\.xls\) or a password-protected workbook.*save it as "Excel Workbook \(\.xlsx\)"/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readlinkSync(warehouseDir)).toBe(published);
  });
});

describe('a wrong declared encoding on data lines', () => {
  it('reports each unreadable line and names the setting', async () => {
    // clients.csv is Windows-1252 declared utf-8: line 4 ("Société Générale") cannot be read.
    const quality = await expectBook(exports('wrong-declared-encoding'), { loaded: allFive });
    expect(quality).toEqual([
      { source_file: 'clients.csv', line: 4, severity: 'error', reason: expect.stringMatching(/not valid UTF-8; the file's bytes read as iso-8859-15: set openItems\.encoding to "iso-8859-15"/) },
    ]);
  });
});
