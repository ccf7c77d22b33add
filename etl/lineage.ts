// The lineage: every model by subject, what a row is, what it reads and what reads it, and for a
// published table its contract. Built from the runner's own graph (etl/model-graph.ts) and the
// contracts (etl/dictionary.ts), never from a list kept by hand: the run ships it in the warehouse
// as lineage.json (the site's about page shows it) and `npm run lineage` writes docs/lineage.md;
// test/etl/lineage.test.ts fails while the committed file is stale.
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { Lineage, LineageModel } from '../shared/lineage.ts';
import { readDictionary } from './dictionary.ts';
import { checksDir, declaredTests, etlDir, modelsDir, orderedModels, readSqlFiles, tablesRead, type Layer, type Model } from './model-graph.ts';

export type { Lineage, LineageModel };

const rootDir = join(etlDir, '..');
export const lineageFile = join(rootDir, 'docs', 'lineage.md');

/** The subjects in the order a reader meets them (facts first, then what is computed from them); a new folder comes after, by name. */
const subjectOrder = ['ledger', 'fec', 'kpis', 'scoring', 'collections', 'provisions', 'forecast', 'quality'];

/** What each subject folder holds, for the reader of docs/lineage.md (the site words the subjects in site/lib/i18n/). */
const subjectAbout: Record<string, string> = {
  ledger: 'clients, invoices, payments, write-offs and how each invoice was settled: the facts every other subject reads.',
  fec: 'the French accounting journal (FEC) read into the same facts as the open-items exports.',
  kpis: 'ageing, DSO, CEI and the other receivables figures, month by month and at the as-of date.',
  scoring: 'the credit score, its grade and probability of default, its validation, and credit limits.',
  collections: 'dunning, alerts, the collections log, the worklist, letters, statements and late-payment penalties.',
  provisions: 'provisions for doubtful receivables: the IFRS 9 matrix, specific provisions, the books, the backtest.',
  forecast: 'the 13-week cash forecast and its backtest.',
  quality: 'rejected and flagged input lines, and the run’s headline figures.',
};

const layerWords: Record<Layer, string> = { staging: 'staging model', intermediate: 'intermediate model', marts: 'published table' };

/**
 * The lineage of the models in `dir` (etl/models by default), by subject, each subject's models in
 * layer order then by name; `checks` is the folder of the data tests that stop a run (etl/checks).
 */
export function lineage(dir = modelsDir, checks = checksDir): Lineage {
  const models = orderedModels(dir);
  const checkFiles = existsSync(checks) ? readSqlFiles(checks).map((check) => ({ file: `${check.name}.sql`, reads: tablesRead(check.sql) })) : [];
  const byName = new Map(models.map((model) => [model.name, model]));
  const tests = declaredTests(dir);
  const dictionary = new Map(readDictionary(dir).map((entry) => [entry.table, entry]));
  const readBy = (name: string) => models.filter((model) => model.dependsOn.includes(name)).map((model) => model.name).sort();
  const describe = (model: Model): LineageModel => {
    const reads = [...model.dependsOn].sort();
    const external = [...tablesRead(model.sql)].filter((table) => !byName.has(table)).sort();
    const json = join(dir, model.subject, `${model.name}.json`);
    return {
      name: model.name,
      layer: model.layer,
      sql: fromRoot(model.path),
      row: firstSentences(model.sql),
      reads: {
        marts: reads.filter((name) => byName.get(name)!.layer === 'marts'),
        intermediate: reads.filter((name) => byName.get(name)!.layer === 'intermediate'),
        staging: reads.filter((name) => byName.get(name)!.layer === 'staging'),
        // The readers' raw tables and the settings tables etl/config-in-duckdb.ts makes; any other
        // name after FROM is a table function or a word of a string, not something the model reads.
        inputs: external.filter((table) => table.startsWith('raw_')),
        settings: external.filter((table) => table.startsWith('ref_')),
      },
      read_by: readBy(model.name),
      contract: model.layer === 'marts' && existsSync(json) ? { file: fromRoot(json), columns: dictionary.get(model.name)?.columns.length ?? 0 } : null,
      tests: (tests.get(model.name) ?? []).map((test) => testWords(model.name, test.sql)),
      checks: checkFiles.filter((check) => check.reads.has(model.name)).map((check) => check.file),
    };
  };
  const subjects = [...new Set(models.map((model) => model.subject))].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const layerOrder: Layer[] = ['staging', 'intermediate', 'marts'];
  return {
    subjects: subjects.map((subject) => ({
      subject,
      models: models
        .filter((model) => model.subject === subject)
        .sort((a, b) => layerOrder.indexOf(a.layer) - layerOrder.indexOf(b.layer) || (a.name < b.name ? -1 : 1))
        .map(describe),
    })),
  };
}

/** docs/lineage.md: a short "how to read this", the subjects with their published tables, then every model. */
export function lineageMarkdown(graph: Lineage = lineage()): string {
  const out: string[] = [
    '<!-- Generated by `npm run lineage` (etl/lineage.ts) from the models and their contracts: do not edit by hand. -->',
    '# Lineage: every model, what it reads, what reads it',
    '',
    '**How to read this.** Each table is one SQL model in `etl/models/<subject>/`, named after its file; its',
    'prefix is its layer: `stg_` a **staging model** (one raw input, renamed and cast), `int_` an',
    '**intermediate model** (the valid rows, and joins several models reuse), anything else a **published',
    'table** (a mart: written to the warehouse as Parquet, with its contract — columns in French and',
    'English, declared tests — in the `.json` beside its SQL). Data flows one way: staging →',
    'intermediate → published tables. For each model: what a row is (the first sentence of its header',
    'comment), what it reads (models are linked; `raw_*` are the exports as the readers in `etl/readers/`',
    'load them, `ref_*` the settings of `encours.config.json`), what reads it, and for a published table its',
    'contract. A published table that reads another is a **roll-up** of it. The runner builds this from its',
    'own graph (`etl/model-graph.ts`); `npm run lineage` rewrites the file, and a test fails while it is stale.',
    '',
    '## Contents',
    '',
  ];
  for (const { subject, models } of graph.subjects) {
    const marts = models.filter((model) => model.layer === 'marts');
    const count = (layer: Layer) => models.filter((model) => model.layer === layer).length;
    const published = marts.length ? `published: ${marts.map((model) => link(model.name)).join(', ')}` : 'no published table';
    const others = (['intermediate', 'staging'] as const).filter((layer) => count(layer) > 0).map((layer) => `${count(layer)} ${layer}`);
    const modelWord = models.length - marts.length === 1 ? 'model' : 'models';
    out.push(`- [${subject}](#subject-${subject}) — ${published}${others.length ? ` (and ${others.join(', ')} ${modelWord})` : ''}.`);
  }
  for (const { subject, models } of graph.subjects) {
    out.push('', `## Subject: ${subject}`, '');
    out.push(`\`etl/models/${subject}/\`${subjectAbout[subject] ? `: ${subjectAbout[subject]}` : ''}`);
    for (const model of models) out.push('', ...modelSection(model));
  }
  return `${out.join('\n')}\n`;
}

function modelSection(model: LineageModel): string[] {
  const file = (path: string) => `[\`${path.replace(/^etl\/models\//, '')}\`](../${path})`;
  const facts = [layerWords[model.layer].replace(/^./, (c) => c.toUpperCase()), file(model.sql)];
  if (model.contract) facts.push(`contract ${file(model.contract.file)}: ${model.contract.columns} columns`);
  const lines = [`### ${model.name}`, '', facts.join(' · '), '', markdownText(model.row), ''];
  if (model.layer === 'marts' && model.reads.marts.length) lines.push(`- **Roll-up of** ${model.reads.marts.map(link).join(', ')}.`);
  const reads = [
    model.reads.marts.length ? `published ${model.reads.marts.map(link).join(', ')}` : '',
    model.reads.intermediate.length ? `intermediate ${model.reads.intermediate.map(link).join(', ')}` : '',
    model.reads.staging.length ? `staging ${model.reads.staging.map(link).join(', ')}` : '',
    model.reads.inputs.length ? `inputs ${model.reads.inputs.map((name) => `\`${name}\``).join(', ')}` : '',
    model.reads.settings.length ? `settings ${model.reads.settings.map((name) => `\`${name}\``).join(', ')}` : '',
  ].filter(Boolean);
  lines.push(`- **Reads**: ${reads.length ? reads.join('; ') : 'no other table (its rows are written in the model)'}.`);
  lines.push(`- **Read by**: ${model.read_by.length ? model.read_by.map(link).join(', ') : model.layer === 'marts' ? 'no other model (the site and analysts read it)' : 'no other model'}.`);
  if (model.tests.length) lines.push(`- **Declared tests**: ${model.tests.map(markdownText).join('; ')}.`);
  else if (model.layer === 'marts') lines.push('- **Declared tests**: none in its contract.');
  if (model.checks.length) lines.push(`- **Checks that read it** (\`etl/checks/\`): ${model.checks.map((check) => `[\`${check}\`](../etl/checks/${check})`).join(', ')}.`);
  return lines;
}

const link = (name: string) => `[${name}](#${name})`;

/** A model's header comment: its leading `--` lines, as one line of text ('' when it has none). */
export function headerComment(sql: string): string {
  const header: string[] = [];
  for (const line of sql.split('\n')) {
    if (!line.startsWith('--')) break;
    header.push(line.replace(/^--\s?/, ''));
  }
  return header.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The first sentence of a model's header comment (its leading `--` lines), with the next ones while
 * it says little: what a row is. A period ends a sentence unless it ends an abbreviation (incl., e.g.).
 */
export function firstSentences(sql: string): string {
  const text = headerComment(sql);
  if (!text) return '(no header comment)';
  const sentences = text.match(/.*?(?<!\b(?:incl|excl|e\.g|i\.e|etc|vs|cf))[.!?](?=\s|$)|.+$/g)!.map((s) => s.trim());
  let summary = sentences[0]!;
  for (const next of sentences.slice(1)) {
    if (summary.length >= 60) break;
    summary = `${summary} ${next}`;
  }
  return summary;
}

/** A declared test in words, from the comment on its compiled check's first line ("-- invoices: invoice_id is unique (declared in …)"). */
function testWords(model: string, sql: string): string {
  const first = sql.split('\n')[0]!;
  return first.replace(`-- ${model}: `, '').replace(/\s*\(declared in [^)]*\)$/, '');
}

/** Markdown's emphasis characters outside `code`, escaped: a header's `actions*.csv` stays as written. */
function markdownText(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 ? part : part.replace(/([*<])/g, '\\$1')))
    .join('`');
}

function fromRoot(path: string): string {
  return relative(rootDir, path).split('\\').join('/');
}

function rank(subject: string): number {
  const i = subjectOrder.indexOf(subject);
  return i === -1 ? subjectOrder.length : i;
}

if (import.meta.main) {
  writeFileSync(lineageFile, lineageMarkdown());
  console.log(`wrote ${lineageFile}`);
}
