// Finds the SQL models and checks and orders the models so each runs after the ones it reads.
// Models live by subject (etl/models/<subject>/: ledger, fec, kpis, scoring, collections,
// provisions, forecast, quality); a model's file name is the table it makes, and its prefix its
// layer: stg_ staging, int_ intermediate, anything else a published mart. A model depends on
// every other model it reads (named after FROM or JOIN, and not one of its own CTEs). Data flows
// one way (staging → intermediate → marts); the staging models run first, then intermediate
// models and marts as soon as what they read is there, so that large tables can be dropped early.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

export const layers = ['staging', 'intermediate', 'marts'] as const;
export type Layer = (typeof layers)[number];

export interface SqlFile {
  name: string;
  path: string;
  sql: string;
}

export interface Model extends SqlFile {
  layer: Layer;
  /** The folder under etl/models it lives in: what it is about. */
  subject: string;
  dependsOn: string[];
}

export const etlDir = import.meta.dirname;
export const modelsDir = join(etlDir, 'models');
export const checksDir = join(etlDir, 'checks');

export function readSqlFiles(dir: string): SqlFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      return { name: basename(file, '.sql'), path, sql: readFileSync(path, 'utf8') };
    });
}

/** A model's layer, from its name: stg_ staging, int_ intermediate, else a mart. */
export function layerOf(name: string): Layer {
  if (name.startsWith('stg_')) return 'staging';
  if (name.startsWith('int_')) return 'intermediate';
  return 'marts';
}

/** Every model file under the models folder's subject folders, each with its layer and subject. */
export function modelFiles(dir = modelsDir): (SqlFile & { layer: Layer; subject: string })[] {
  const subjects = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const files = subjects.flatMap((subject) => readSqlFiles(join(dir, subject)).map((file) => ({ ...file, layer: layerOf(file.name), subject })));
  const seen = new Map<string, string>();
  for (const file of files) {
    const other = seen.get(file.name);
    if (other) throw new Error(`two models are named ${file.name}: ${other} and ${file.path} (a model's file name is its table)`);
    seen.set(file.name, file.path);
  }
  // Layer first, then file name: the order the models had when each layer was a folder.
  return files.sort((a, b) => layers.indexOf(a.layer) - layers.indexOf(b.layer) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The published tables (marts), by name, each with its subject. */
export function martFiles(dir = modelsDir): (SqlFile & { subject: string })[] {
  return modelFiles(dir).filter((file) => file.layer === 'marts');
}

/** Every model, in an order where each comes after the models it reads (see scheduleForMemory). */
export function orderedModels(dir = modelsDir): Model[] {
  const models = modelFiles(dir);
  const names = new Set(models.map((m) => m.name));
  const withDeps: Model[] = models.map((model) => {
    const read = tablesRead(model.sql);
    const dependsOn = [...names].filter((name) => name !== model.name && read.has(name));
    return { ...model, dependsOn };
  });
  const done = new Set<string>();
  const ordered: Model[] = [];
  const visit = (model: Model, path: string[]): void => {
    if (done.has(model.name)) return;
    if (path.includes(model.name)) throw new Error(`models depend on each other in a cycle: ${[...path, model.name].join(' → ')}`);
    for (const dep of model.dependsOn) {
      const depModel = withDeps.find((m) => m.name === dep)!;
      if (layers.indexOf(depModel.layer) > layers.indexOf(model.layer)) {
        throw new Error(`${model.layer} model ${model.name} reads ${depModel.layer} model ${dep}: data flows one way`);
      }
      visit(depModel, [...path, model.name]);
    }
    done.add(model.name);
    ordered.push(model);
  };
  for (const model of withDeps) visit(model, []);
  return scheduleForMemory(ordered);
}

/**
 * Whether a model runs before the as-of date is known: a staging model, a validation model
 * (int_<input>_checked: each staged line with what is wrong with it, reading staging and what it
 * checks lines against, such as int_fec_entries' totals), or a valid-row model (int_invoice_lines,
 * int_payments…) that reads only those, none of them reading the as-of date. The default as-of
 * date is the latest date in the valid rows, so these run first, and the runner sets the date
 * before the first model that is not one of them.
 */
export function isBeforeAsOf(model: Model, models: Model[]): boolean {
  if (model.layer === 'staging') return true;
  if (model.layer !== 'intermediate' || /as_of_date/.test(stripComments(model.sql))) return false;
  const isValidation = model.name.endsWith('_checked');
  return model.dependsOn.every((dep) => {
    const read = models.find((m) => m.name === dep);
    if (read === undefined) return false;
    if (read.layer === 'staging') return true;
    return (isValidation || read.name.endsWith('_checked')) && isBeforeAsOf(read, models);
  });
}

/**
 * The same models, still each after what it reads, in the order that frees memory soonest: the
 * staging and valid-row models first (the as-of date reads them), then, of the models ready to run, the
 * one that is the last reader of the most tables (they can be dropped once it has run); on a tie
 * the one reading a table with the fewest readers left, then the one reading the most recently
 * built table (finish what was just made), then file order. At 1M invoices, running the
 * alphabetical order kept int_score_bands (2.9M rows) and int_invoice_month_ends (2.7M) alive
 * until the last marts, and DuckDB spilled 1 GB to disk.
 */
function scheduleForMemory(models: Model[]): Model[] {
  const readers = new Map<string, number>();
  const reads = new Map(models.map((model) => [model.name, tablesRead(model.sql)]));
  for (const model of models) for (const table of reads.get(model.name)!) readers.set(table, (readers.get(table) ?? 0) + 1);
  const built = new Set<string>();
  const scheduled: Model[] = [];
  const fileOrder = (model: Model) => models.indexOf(model);
  while (scheduled.length < models.length) {
    const pending = models.filter((model) => !built.has(model.name));
    const firstPhaseLeft = pending.some((model) => isBeforeAsOf(model, models));
    const ready = pending.filter((model) => (!firstPhaseLeft || isBeforeAsOf(model, models)) && model.dependsOn.every((dep) => built.has(dep)));
    const frees = (model: Model) => [...reads.get(model.name)!].filter((table) => readers.get(table) === 1).length;
    // The fewest readers left on a table it reads: two small models that are the last readers of
    // a large table both run soon, rather than each waiting for the other to go first.
    const nearestRelease = (model: Model) => {
      const left = [...reads.get(model.name)!].map((table) => readers.get(table)!);
      return left.length ? Math.min(...left) : 0;
    };
    // A model that reads no other model (a reference list) runs as soon as it may.
    const freshest = (model: Model) => (model.dependsOn.length ? Math.max(...model.dependsOn.map((dep) => scheduled.findIndex((m) => m.name === dep))) : Infinity);
    const rank = (model: Model) => [frees(model), -nearestRelease(model), freshest(model), -fileOrder(model)];
    const next = ready.reduce((best, model) => (compareRanks(rank(model), rank(best)) > 0 ? model : best));
    for (const table of reads.get(next.name)!) readers.set(table, readers.get(table)! - 1);
    built.add(next.name);
    scheduled.push(next);
  }
  return scheduled;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The tables a statement reads: named after FROM or JOIN, and not one of its own CTEs. */
export function tablesRead(sql: string): Set<string> {
  const code = stripComments(sql);
  const ctes = new Set([...code.matchAll(/\b([a-z_][a-z0-9_]*)\s+as\s*\(/gi)].map((m) => m[1]!.toLowerCase()));
  const read = [...code.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]!.toLowerCase());
  return new Set(read.filter((name) => !ctes.has(name)));
}

/**
 * The tables that can be dropped once a model has run, by model name: staging and intermediate
 * tables, and the raw input tables, after the last model that reads them — unless a data test
 * reads them. Marts stay until they are written out. Dropping them keeps a large ledger's run
 * within DuckDB's memory limit instead of spilling the tables nothing will read again.
 */
export function releasedAfter(models: Model[], checks: SqlFile[], views: Set<string> = new Set()): Map<string, string[]> {
  const readByChecks = new Set(checks.flatMap((check) => [...tablesRead(check.sql)]));
  // A view is read when its reader runs: what it reads is read then too.
  const sqlOf = new Map(models.map((model) => [model.name, model.sql]));
  const reads = (sql: string): string[] => [...tablesRead(sql)].flatMap((table) => (views.has(table) ? [table, ...reads(sqlOf.get(table)!)] : [table]));
  const lastReader = new Map<string, string>();
  for (const model of models) if (!views.has(model.name)) for (const table of reads(model.sql)) lastReader.set(table, model.name);
  const layerOf = new Map(models.map((model) => [model.name, model.layer]));
  const released = new Map<string, string[]>();
  for (const [table, reader] of lastReader) {
    const layer = layerOf.get(table);
    const droppable = layer === 'staging' || layer === 'intermediate' || (layer === undefined && /^raw_(clients|invoices|payments|writeoffs|fec)$/.test(table));
    if (!droppable || readByChecks.has(table)) continue;
    released.set(reader, [...(released.get(reader) ?? []), table]);
  }
  return released;
}

/** The models the runner itself reads (the default as-of date, the unusable-file stop). */
const readByRunner = new Set(['int_invoice_lines', 'int_payments', 'int_writeoffs', 'int_fec_lines', 'int_unusable_files']);

/**
 * The models kept as views rather than built as tables: a staging or intermediate model that one
 * model alone reads, with no check, declared test or runner step reading it. Its reader computes
 * it inline, so DuckDB never writes it out and can push the reader's filters and columns into it;
 * anything read twice is built once, as a table.
 */
export function viewModels(models: Model[], checks: SqlFile[], declared: Map<string, SqlFile[]>): Set<string> {
  // References, not readers: a model that names a view twice (a join and a union) computes it twice.
  const readers = new Map<string, number>();
  for (const model of models) {
    for (const table of tablesRead(model.sql)) {
      const named = stripComments(model.sql).match(new RegExp(`\\b(from|join)\\s+${table}\\b`, 'gi'))?.length ?? 1;
      readers.set(table, (readers.get(table) ?? 0) + named);
    }
  }
  const readElsewhere = new Set([...checks, ...[...declared.values()].flat()].flatMap((sql) => [...tablesRead(sql.sql)]));
  return new Set(
    models
      .filter((model) => model.layer !== 'marts' && readers.get(model.name) === 1)
      .filter((model) => !readElsewhere.has(model.name) && !readByRunner.has(model.name) && !declared.get(model.name)?.length)
      .map((model) => model.name),
  );
}

function stripComments(sql: string): string {
  return sql.replace(/--.*$/gm, '');
}

/**
 * A data test declared beside a model, in the model's .json (as dbt's .yml does):
 * `{ "unique": ["invoice_id"] }` (together unique; `[]` for a table of one row: at most one row),
 * `{ "not_null": ["client_id", …] }`,
 * `{ "relationships": { "column": "client_id", "to": "int_clients", "field": "client_id", "where": "…" } }`
 * (every non-null value is a `field` of `to`; `where` narrows the rows tested), or
 * `{ "expression": "open_amount <= amount", "description": "…" }` (true on every row).
 */
export type DeclaredTest =
  | { unique: string[] }
  | { not_null: string[] }
  | { relationships: { column: string; to: string; field: string; where?: string } }
  | { expression: string; description?: string };

/**
 * The tests declared in the .json beside each model (intermediate models and marts), compiled to
 * checks by model name: each a SELECT returning the offending rows, its first line a comment that
 * says the rule, as the checks in etl/checks do. The runner runs a model's tests as soon as the
 * model is built, before the tables it reads can be dropped.
 */
export function declaredTests(dir = modelsDir): Map<string, SqlFile[]> {
  const tests = new Map<string, SqlFile[]>();
  for (const { name, subject } of modelFiles(dir)) {
    const path = join(dir, subject, `${name}.json`);
    if (!existsSync(path)) continue;
    const declared = (JSON.parse(readFileSync(path, 'utf8')) as { tests?: DeclaredTest[] }).tests ?? [];
    tests.set(name, declared.map((test) => compileTest(name, test, `${basename(dir)}/${relative(dir, path)}`)));
  }
  return tests;
}

function compileTest(model: string, test: DeclaredTest, path: string): SqlFile {
  const where = `(declared in ${path})`;
  if ('unique' in test && test.unique.length === 0) {
    // The grain of a one-row table (the run's summary, the company's totals): a join that
    // duplicated its row would show one figure twice.
    return { name: `${model}__one_row`, path, sql: `-- ${model}: has at most one row ${where}\nselect count(*) as occurrences from ${model} having count(*) > 1` };
  }
  if ('unique' in test) {
    const columns = test.unique.join(', ');
    const rule = `-- ${model}: ${columns} ${test.unique.length > 1 ? 'are together' : 'is'} unique ${where}`;
    const duplicates = `select ${columns}, count(*) as occurrences from ${model}`;
    const name = `${model}__unique_${test.unique.join('_')}`;
    if (test.unique.length === 1) return { name, path, sql: `${rule}\n${duplicates} group by ${columns} having count(*) > 1` };
    // Grouping a million rows by one hash of the key costs about 0.6× grouping by its columns; the
    // columns are grouped only for the keys whose hash repeats (none when the test passes: an
    // empty semi-join skips the second scan), so a hash collision cannot fail the test.
    return { name, path, sql: `${rule}\n${duplicates} where hash(${columns}) in (select hash(${columns}) from ${model} group by all having count(*) > 1)\ngroup by ${columns} having count(*) > 1` };
  }
  if ('not_null' in test) {
    const columns = test.not_null.join(', ');
    return { name: `${model}__not_null_${test.not_null.join('_')}`, path, sql: `-- ${model}: ${columns} ${test.not_null.length > 1 ? 'are' : 'is'} never NULL ${where}\nselect * from ${model} where ${test.not_null.map((c) => `${c} is null`).join(' or ')}` };
  }
  if ('relationships' in test) {
    const { column, to, field, where: only } = test.relationships;
    return {
      name: `${model}__relationships_${column}`,
      path,
      // The values missing from the parent, as a set difference: 0.2–0.3× the time of a NOT EXISTS
      // anti-join returning the child rows (1M allocations against 1M invoices: 0.10 s against 0.37 s).
      sql: `-- ${model}: every ${column} is a ${field} of ${to}${only ? ` where ${only}` : ''} ${where}\nselect child.${column} from ${model} as child where child.${column} is not null${only ? ` and (${only})` : ''}\nexcept select parent.${field} from ${to} as parent`,
    };
  }
  if ('expression' in test) {
    const slug = test.expression.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40);
    return { name: `${model}__expression_${slug}`, path, sql: `-- ${model}: ${test.description ?? test.expression} ${where}\nselect * from ${model} where not coalesce(${test.expression}, false)` };
  }
  throw new Error(`${path}: unknown test ${JSON.stringify(test)} (expected unique, not_null, relationships or expression)`);
}
