// One name per days-late measure (CONVENTIONS 20). Days late over a window are measured three ways,
// each with its own name and one model that computes it:
//   days_late_<N>m                   client_behaviour     signed, the N months back from the as-of date
//   days_late_calendar_<N>m          int_days_late_trend  signed, the N calendar months to a date
//   days_late_clipped_calendar_<N>m  int_score_features   early payment counted as 0, calendar months
// A client page showed two different "12-month days late" when alerts.sql published the calendar
// measure as days_late_3m / days_late_12m: these tests fail on such a rename, on a second model
// computing a measure its owner already makes, and on a contract that does not say its basis.
import { describe, expect, it } from 'vitest';

import { readDictionary } from '../../etl/dictionary.ts';
import { modelFiles } from '../../etl/model-graph.ts';

const windowed = /^days_late_\w*?\d+m$/;
const meanings = [
  { name: /^days_late_\d+m$/, owner: 'client_behaviour', en: /back from the as-of date/, fr: /qui précèdent la date de situation/ },
  { name: /^days_late_calendar_\d+m$/, owner: 'int_days_late_trend', en: /calendar months/, fr: /mois civils/ },
  { name: /^days_late_clipped_calendar_\d+m$/, owner: 'int_score_features', en: /calendar months/, fr: /mois civils/ },
] as const;
const meaningOf = (name: string) => meanings.find((m) => m.name.test(name));

/** Each `<expression> as <days-late window name>` of a model, one line at a time (the models write one such expression per line). */
function windowAliases(sql: string): { expression: string; alias: string }[] {
  return sql.split('\n').flatMap((line) => [...line.replace(/--.*$/, '').matchAll(/(.*?)\bas (days_late_\w*?\d+m)\b/g)].map((m) => ({ expression: m[1]!, alias: m[2]! })));
}

describe('days late over a window', () => {
  it('is published only under a name that says its basis, and its contract says it in both languages', () => {
    const columns = readDictionary().flatMap((table) => table.columns.filter((c) => windowed.test(c.name)).map((c) => ({ table: table.table, ...c })));
    // client_behaviour's 3, 6 and 12 months and alerts' calendar 3 and 12 months at least.
    expect(columns.map((c) => `${c.table}.${c.name}`)).toEqual(expect.arrayContaining([
      'client_behaviour.days_late_3m', 'client_behaviour.days_late_12m', 'alerts.days_late_calendar_3m', 'alerts.days_late_calendar_12m',
    ]));
    for (const column of columns) {
      const meaning = meaningOf(column.name);
      expect(meaning, `${column.table}.${column.name} is none of the known days-late names`).toBeDefined();
      expect(column.description, `${column.table}.${column.name} (en)`).toMatch(meaning!.en);
      expect(column.description_fr, `${column.table}.${column.name} (fr)`).toMatch(meaning!.fr);
    }
  });

  it('keeps its name wherever a model reads it: no measure is renamed into another one', () => {
    for (const model of modelFiles()) {
      for (const { expression, alias } of windowAliases(model.sql)) {
        for (const [read] of expression.matchAll(/days_late_\w*?\d+m\b/g)) expect(`${model.name}: ${read} as ${alias}`).toBe(`${model.name}: ${alias} as ${alias}`);
      }
    }
  });

  it('is computed by one model per meaning, which the others read', () => {
    // A model computes a measure where it names it from an expression that reads no days-late
    // measure (a sum over settled invoices); elsewhere it only passes it on (rounded, cast).
    const computedBy = new Map<string, Set<string>>();
    for (const model of modelFiles()) {
      for (const { expression, alias } of windowAliases(model.sql)) {
        if (/days_late_\w*?\d+m\b/.test(expression)) continue;
        const meaning = meaningOf(alias);
        expect(meaning, `${model.name} computes ${alias}, none of the known days-late names`).toBeDefined();
        computedBy.set(meaning!.owner, (computedBy.get(meaning!.owner) ?? new Set()).add(model.name));
      }
    }
    expect(Object.fromEntries([...computedBy].map(([owner, models]) => [owner, [...models]]))).toEqual({
      client_behaviour: ['client_behaviour'],
      int_days_late_trend: ['int_days_late_trend'],
      int_score_features: ['int_score_features'],
    });
  });
});
