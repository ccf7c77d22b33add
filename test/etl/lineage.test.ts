// docs/lineage.md is generated from the runner's graph (etl/lineage.ts): the committed file must be
// what `npm run lineage` writes today, or a reader would follow a model that no longer reads what
// the page says. It only reads files: no warehouse, no run.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { firstSentences, lineage, lineageFile, lineageMarkdown } from '../../etl/lineage.ts';
import { martFiles } from '../../etl/model-graph.ts';

describe('lineageMarkdown', () => {
  const committed = readFileSync(lineageFile, 'utf8');

  it('is what docs/lineage.md holds (run `npm run lineage` after adding, renaming or rewiring a model)', () => {
    expect(committed).toBe(lineageMarkdown());
  });

  it('has a section for every published table, each listed in the contents of its subject', () => {
    const marts = martFiles();
    expect(marts.length).toBeGreaterThan(40);
    for (const { name, subject } of marts) {
      expect(committed, name).toContain(`\n### ${name}\n`);
      const contentsLine = committed.split('\n').find((line) => line.startsWith(`- [${subject}](#subject-${subject})`)) ?? '';
      expect(contentsLine, `${name} in the contents of ${subject}`).toContain(`[${name}](#${name})`);
    }
  });
});

describe('lineage', () => {
  // A hand-made project of four models in two subjects:
  //   sales/stg_orders  reads raw_orders (an input)
  //   sales/int_orders  reads stg_orders
  //   sales/orders      reads int_orders and ref_buckets (a settings table), has a contract of 2 columns and a unique test
  //   reports/by_month  reads orders: a published table reading another, so a roll-up of it
  const dir = mkdtempSync(join(tmpdir(), 'encours-lineage-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('sales/stg_orders.sql', '-- One row per line of the orders file, typed.\nselect * from raw_orders\n');
  write('sales/int_orders.sql', '-- One row per usable order.\nselect * from stg_orders where reject_reason is null\n');
  write('sales/orders.sql', '-- One row per order, incl. tax, with its bucket. Second sentence.\nselect o.*, b.bucket from int_orders o join ref_buckets b on true\n');
  write('sales/orders.json', JSON.stringify({ table: 'orders', description: 'x', columns: [{ name: 'order_id', type: 'VARCHAR', description: 'x' }, { name: 'bucket', type: 'VARCHAR', description: 'x' }], tests: [{ unique: ['order_id'] }] }));
  write('reports/by_month.sql', '-- One row per month.\nselect count(*) from orders\n');
  const checks = mkdtempSync(join(tmpdir(), 'encours-lineage-checks-'));
  writeFileSync(join(checks, 'orders__unique.sql'), '-- An order id appears once.\nselect order_id from orders group by 1 having count(*) > 1\n');
  const graph = lineage(dir, checks);
  const model = (name: string) => graph.subjects.flatMap((s) => s.models).find((m) => m.name === name)!;

  it('groups the models by their folder, each subject in layer order', () => {
    // Neither folder is one of the known subjects, so they come by name.
    expect(graph.subjects.map((s) => [s.subject, s.models.map((m) => m.name)])).toEqual([
      ['reports', ['by_month']],
      ['sales', ['stg_orders', 'int_orders', 'orders']],
    ]);
  });

  it('says what each model reads, by kind, and what reads it', () => {
    expect(model('stg_orders').reads).toEqual({ marts: [], intermediate: [], staging: [], inputs: ['raw_orders'], settings: [] });
    expect(model('orders').reads).toEqual({ marts: [], intermediate: ['int_orders'], staging: [], inputs: [], settings: ['ref_buckets'] });
    expect(model('by_month').reads.marts).toEqual(['orders']);
    expect(model('stg_orders').read_by).toEqual(['int_orders']);
    expect(model('orders').read_by).toEqual(['by_month']);
  });

  it('gives a published table its contract, its declared tests in words and the checks that read it', () => {
    expect(model('orders').contract).toEqual({ file: expect.stringMatching(/sales\/orders\.json$/), columns: 2 });
    expect(model('orders').tests).toEqual(['order_id is unique']);
    expect(model('orders').checks).toEqual(['orders__unique.sql']);
    expect(model('int_orders').contract).toBeNull();
  });

  it('marks a published table that reads another as its roll-up, and links what it reads', () => {
    const markdown = lineageMarkdown(graph);
    expect(markdown).toContain('- **Roll-up of** [orders](#orders).');
    expect(markdown).toContain('- **Reads**: intermediate [int_orders](#int_orders); settings `ref_buckets`.');
    expect(markdown.match(/Roll-up of/g)).toHaveLength(1);
  });
});

describe('firstSentences', () => {
  it('ends the first sentence at a period, not at an abbreviation', () => {
    expect(firstSentences('-- One row per order, incl. tax, at the as-of date: its amount and its state. Then more.\nselect 1')).toBe('One row per order, incl. tax, at the as-of date: its amount and its state.');
  });

  it('joins the comment lines and adds the next sentence while the first says little', () => {
    // "One row per client." is 19 characters: under 60, so the next sentence follows; the two make
    // 19 + 1 + 68 = 88 characters, enough: the third is left out.
    expect(firstSentences('-- One row per client.\n-- How it pays: days late over 3, 6 and 12 months, weighted by amount. Not this one.\nselect 1')).toBe(
      'One row per client. How it pays: days late over 3, 6 and 12 months, weighted by amount.',
    );
  });

  it('says so when a model has no header comment', () => {
    expect(firstSentences('select 1')).toBe('(no header comment)');
  });
});
