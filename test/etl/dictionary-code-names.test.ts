// The data dictionary's names stay names: in a column's or table's description, every table,
// column or code name (anything with an underscore, and any `table.column`) is marked as code
// (between backticks), so the about page sets it in <code> and the language scan of the built
// site (test/browser/responsive.test.ts) skips it — a bare `dunning.stage` in a French sentence
// reads as an English word on the French page. Checked on the contracts themselves, in a second.
import { describe, expect, it } from 'vitest';

import { readDictionary } from '../../etl/dictionary.ts';

/** The parts of a description outside its `code` spans. */
const prose = (text: string) => text.split('`').filter((_, i) => i % 2 === 0).join(' ');

const bareNames = (text: string | undefined, pattern: RegExp) => (text ? [...prose(text).matchAll(pattern)].map((m) => m[0]) : []);

describe('the data dictionary', () => {
  const entries = readDictionary().flatMap((table) => [
    { where: table.table, description: table.description, description_fr: table.description_fr },
    ...table.columns.map((column) => ({ where: `${table.table}.${column.name}`, description: column.description, description_fr: column.description_fr })),
  ]);

  it('marks every name with an underscore as code in its French descriptions', () => {
    const found = entries.flatMap(({ where, description_fr }) => bareNames(description_fr, /(?<![\w`])[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9](?![\w`])/g).map((name) => `${where}: ${name}`));
    expect(found).toEqual([]);
  });

  it('marks every table.column it refers to, and every table whose name has an underscore, as code, in both languages', () => {
    // A table named like a word (clients, invoices) may stand in a sentence as the word.
    const tables = readDictionary().map((t) => t.table);
    const reference = new RegExp(`(?<![\\w\`])(?:(?:${tables.join('|')})\\.[a-z_0-9]+|${tables.filter((t) => t.includes('_')).join('|')})(?![\\w\`])`, 'g');
    const found = entries.flatMap(({ where, description, description_fr }) => [...bareNames(description, reference), ...bareNames(description_fr, reference)].map((name) => `${where}: ${name}`));
    expect(found).toEqual([]);
  });
});
