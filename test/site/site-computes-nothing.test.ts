// The site formats, it never computes (CONVENTIONS 16, issue #28): every number a page shows is a
// column of a mart. Pages, components and site/lib hold no arithmetic that makes a figure (site/lib
// but for the formatting listed below, each line with its reason), and the site's
// reads of the warehouse hold no aggregate or window: a page that sums, rounds or scales a share is
// a missing mart column, and the test says which file, which line and why.
// Reads files only: no warehouse, no global set-up.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Every file under `dir` whose name ends with one of `extensions`. */
function filesUnder(dir: string, extensions: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extensions);
    return extensions.some((ext) => name.endsWith(ext)) ? [path] : [];
  });
}

interface Rule {
  pattern: RegExp;
  why: string;
}

/** Each offending line of `files` as 'path:line: the rule's reason — the line'. */
function offences(files: string[], rules: Rule[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8').split('\n').flatMap((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      return rules.filter((rule) => rule.pattern.test(code)).map((rule) => `${relative(root, file)}:${i + 1}: ${rule.why} — ${line.trim()}`);
    }),
  );
}

const pageRules: Rule[] = [
  { pattern: /\.reduce\(/, why: 'a total or an average made on the page: add the column to the mart' },
  { pattern: /Math\.round\(/, why: 'rounding a figure on the page: the mart gives the value, site/lib/format.ts rounds it for display' },
  { pattern: /\.toFixed\(/, why: 'a number written by hand: use site/lib/format.ts (Intl, the language\'s decimal sign)' },
  { pattern: /\*\s*100\b/, why: 'a share scaled to a percentage on the page: read the 0–1 share from the mart and show it with format.percent' },
];

const sqlRules: Rule[] = [
  { pattern: /\bgroup\s+by\b/i, why: 'a group-by in a site query: a roll-up belongs in a mart (etl/models/<subject>/)' },
  { pattern: /\b(sum|avg|count|min|max|string_agg|any_value)\s*\(/i, why: 'an aggregate in a site query: make it a mart column' },
  { pattern: /\b(lag|lead|rank|row_number|dense_rank)\s*\(/i, why: 'a window function in a site query (a change since last month, a rank): make it a mart column' },
  { pattern: /\bover\s*\(/i, why: 'a window in a site query: make it a mart column' },
  { pattern: /\bqualify\b/i, why: 'a window filter in a site query: let the mart say which rows are the latest' },
];

describe('pages and components', () => {
  const files = [...filesUnder(join(root, 'site', 'pages'), ['.astro', '.ts']), ...filesUnder(join(root, 'site', 'components'), ['.astro'])];

  it('are found (the scan looks where the site is)', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('hold no reduce(, Math.round, toFixed or * 100: figures come from marts, formatting from format.ts', () => {
    expect(offences(files, pageRules)).toEqual([]);
  });
});

/**
 * What in site/lib may round or scale, because it is formatting or encoding, not a figure: a file
 * (the whole of it) or one line of it (`line`, a fragment of its text), each with why.
 */
const formatting: { file: string; line?: string; why: string }[] = [
  { file: 'site/lib/make-format.ts', why: 'the one formatter (format.ts builds it): a 0–1 difference shown in points is scaled for display there' },
  { file: 'site/lib/list-file.ts', line: 'Math.round(v * 100)', why: 'a list file stores an amount as whole cents (an integer column) when that is exact, and gives the same number back' },
  { file: 'site/lib/charts/behaviour.ts', line: 'days(Math.round(m.daysLate))', why: 'a bar label writes the mart\'s average days late in whole days' },
];

const isFormatting = (offence: string) =>
  formatting.some((entry) => offence.startsWith(`${entry.file}:`) && (entry.line === undefined || offence.includes(entry.line)));

describe('site/lib', () => {
  const files = [...filesUnder(join(root, 'site', 'lib'), ['.ts']), ...filesUnder(join(root, 'site', 'scripts'), ['.ts'])].filter((f) => !f.endsWith('tables.ts'));

  it('is found (the scan looks where the site\'s modules are)', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('holds no reduce(, Math.round, toFixed or * 100 outside the formatting listed, each with its reason', () => {
    expect(offences(files, pageRules).filter((offence) => !isFormatting(offence))).toEqual([]);
  });

  it('lists as formatting only what is still there (a fixed line leaves the list)', () => {
    const found = offences(files, pageRules);
    expect(formatting.filter((entry) => !found.some((offence) => offence.startsWith(`${entry.file}:`) && (entry.line === undefined || offence.includes(entry.line))))).toEqual([]);
  });

  it('flags a money sum or a rounding added to a site/lib module, and lets the formatter\'s lines pass', () => {
    expect(isFormatting('site/lib/desk.ts:12: … — const total = rows.reduce((a, r) => a + r.amount, 0);')).toBe(false);
    expect(isFormatting('site/lib/list-file.ts:80: … — const share = Math.round(part / whole * 100);')).toBe(false);
    expect(isFormatting('site/lib/make-format.ts:56: … — points: blank((v) => labels.points(points.format(v * 100)')).toBe(true);
  });
});

describe('the site’s reads of the warehouse', () => {
  const files = [join(root, 'site', 'lib', 'read.ts'), ...filesUnder(join(root, 'site', 'lib', 'warehouse'), ['.ts']).filter((f) => !f.endsWith('tables.ts'))];

  it('select rows, with no aggregate, group-by or window', () => {
    expect(offences(files, sqlRules)).toEqual([]);
  });
});

/** Counting or grouping rows: a count kept in a loop, rows keyed into a Map. */
const groupingRules: Rule[] = [
  { pattern: /\bnew Map\b/, why: 'rows grouped on the site: a group is a row of a mart (quality_reasons)' },
  { pattern: /\+\+|\+=\s*1\b/, why: 'rows counted on the site: a count is a mart column (quality_reasons.row_count, run_summary)' },
];

describe('the quality report (issue #28)', () => {
  const files = [join(root, 'site', 'lib', 'quality.ts'), join(root, 'site', 'pages', 'quality.astro')];

  it('groups and counts no rows: the kinds of problem and their counts are quality_reasons rows, the counts by severity run_summary columns', () => {
    expect(offences(files, groupingRules)).toEqual([]);
  });
});

describe('the scan itself', () => {
  it('names the file, the line and the reason of each offence, and skips comments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-scan-'));
    const file = join(dir, 'page.astro');
    writeFileSync(file, ['const share = overdue / receivables * 100;', '// was: total.reduce((a, b) => a + b)', 'const total = rows.reduce((a, r) => a + r.amount, 0);'].join('\n'));
    const found = offences([file], pageRules).map((line) => line.replace(/^.*page\.astro:/, ''));
    expect(found).toEqual([
      `1: ${pageRules[3]!.why} — const share = overdue / receivables * 100;`,
      `3: ${pageRules[0]!.why} — const total = rows.reduce((a, r) => a + r.amount, 0);`,
    ]);
  });

  it('finds a window and its function in a query, and nothing in a plain select', () => {
    const reasons = (sql: string) => sqlRules.filter((r) => r.pattern.test(sql)).map((r) => r.why);
    expect(reasons('select dso_countback - lag(dso_countback) over by_month from kpi_monthly')).toEqual([sqlRules[2]!.why]);
    expect(reasons('select sum(amount) over (partition by client_id) from dunning')).toEqual([sqlRules[1]!.why, sqlRules[3]!.why]);
    expect(reasons('select * from {kpi_monthly} order by month_end')).toEqual([]);
  });
});

describe('row types', () => {
  it('come from the contracts (tables.ts): the hand-written ones left in site/lib/warehouse/ only go, none is added', () => {
    // A mart's rows are typed by its contract (tables.ts). RunRecord and WarehouseFile describe
    // run_history.json and the files on disk, not a mart's rows.
    const left = ['RunRecord', 'WarehouseFile'];
    const written = filesUnder(join(root, 'site', 'lib', 'warehouse'), ['.ts'])
      .filter((file) => !file.endsWith('tables.ts'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^export interface (\w+)/gm)].map((m) => m[1]!));
    expect(written.sort()).toEqual(left);
  });
});
