// The quality reason codes, read from the SQL itself: the codes reason_text words in English
// (etl/models/macros.sql: the reference list), and the codes the models emit with reason(…).
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const macros = () => readFileSync(join(root, 'etl', 'models', 'macros.sql'), 'utf8');

/** The body of one macro of macros.sql, up to the next macro. */
function macroBody(name: string): string {
  const text = macros();
  const start = text.indexOf(`create or replace macro ${name}(`);
  if (start === -1) throw new Error(`no macro ${name} in macros.sql`);
  const end = text.indexOf('create or replace macro', start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

const whenCodes = (body: string) => [...body.matchAll(/when '([a-z_]+)' then/g)].map((m) => m[1]!);

/** Every code reason_text words: its own, and 'amount_' with each amount problem. */
export function sqlWordedCodes(): string[] {
  const amounts = whenCodes(macroBody('amount_problem_text')).map((problem) => `amount_${problem}`);
  return [...new Set([...whenCodes(macroBody('reason_text')), ...amounts])].sort();
}

/**
 * Every code a model emits: the literal first argument of reason(…), the codes a model picks
 * with a case inside it (reason(case … then 'x' … end, …)), and 'prefix_' || column where the
 * column's values are the model's own literals ('writeoff_reversal_' || problem).
 */
export function sqlReasonCodes(): string[] {
  const codes = new Set<string>();
  for (const file of globSync('etl/models/**/*.sql', { cwd: root })) {
    if (file.endsWith('macros.sql')) continue;
    const sql = readFileSync(join(root, file), 'utf8');
    for (const m of sql.matchAll(/\breason\(\s*'([a-z_]+)'(?!\s*\|\|)/g)) codes.add(m[1]!);
    for (const m of sql.matchAll(/\breason\(\s*case\b([\s\S]*?)\bend\b/g)) {
      for (const literal of m[1]!.matchAll(/(?:then|else) '([a-z_]+)'/g)) codes.add(literal[1]!);
    }
  }
  // 'amount_' || an amount's problem: amount_problem_code's codes ('grouping_' || the decimal sign's
  // name: comma or point) and read_amount's 'too_large'.
  const problems = macroBody('amount_problem_code');
  for (const m of problems.matchAll(/then '([a-z_]+)'(\s*\|\|)?/g)) {
    if (m[2]) for (const sign of ['comma', 'point']) codes.add(`amount_${m[1]!}${sign}`);
    else if (!['comma', 'point'].includes(m[1]!)) codes.add(`amount_${m[1]!}`);
  }
  if (macroBody('read_amount').includes("'too_large'")) codes.add('amount_too_large');
  // int_writeoff_reversals' problems, named by hand: quality.sql words 'writeoff_reversal_' || problem.
  for (const problem of ['unmatched', 'exceeds']) codes.add(`writeoff_reversal_${problem}`);
  return [...codes].sort();
}

/** The input columns named (field := '…') by the reasons whose wording says the column's name. */
export function sqlNamedFields(): string[] {
  const fields = new Set<string>();
  for (const file of globSync('etl/models/**/*.sql', { cwd: root })) {
    const sql = readFileSync(join(root, file), 'utf8');
    for (const m of sql.matchAll(/\breason\('(duplicate_id|date_unreadable|date_implausible|not_positive|amount_)'[^,]*,\s*field := '([a-z_]+)'/g)) fields.add(m[2]!);
  }
  return [...fields].sort();
}
