// The decimal sign of one file, told from the values of its amount columns (one SQL aggregate
// over the raw table). A value decides when it can be read one way only: '886,55' (one comma and
// not three digits after it) or '1.705,03' (the last sign is the decimal one) say comma;
// '1,705.03' or '1,705,003' say point. '1,705' and '1.705' decide nothing: thousands or three
// decimals. A file whose amounts all leave it open stops the run: amounts are read, never guessed.
import type { Database } from '../../shared/duckdb.ts';
import { sqlString } from '../../shared/duckdb.ts';
import { InputError } from './errors.ts';

export type DecimalSign = ',' | '.';

export interface DecimalDetection {
  /** The sign the file is read with ('.' when no amount has a separator: nothing to tell). */
  sign: DecimalSign;
  /** What the run says about it, e.g. "decimal comma (1,204 amounts say so)". */
  detail: string;
}

type Evidence = {
  column: string;
  evidence: 'comma' | 'point' | 'open';
  n: number;
  example: string;
};

/**
 * `columns`: our amount columns present in the table, with the file's name for each (for the
 * message). The values are read as the staging macro read_amount reads them, less the currency
 * and sign around the digits.
 */
export async function detectDecimalSign(
  db: Database,
  { table, sourceFile, columns }: { table: string; sourceFile: string; columns: { ours: string; theirs: string }[] },
): Promise<DecimalDetection> {
  if (columns.length === 0) return { sign: '.', detail: 'no amount column' };
  const values = columns
    .map((c) => `select ${sqlString(c.theirs)} as column_name, ${c.ours} as v from ${table} where contains(${c.ours}, ',') or contains(${c.ours}, '.')`)
    .join(' union all ');
  const rows = await db.rows<Evidence>(`
    with amount_values as (${values}),
    classified as (
      select column_name, v,
        case
          when contains(v, ',') and contains(v, '.')
            then case when strpos(reverse(v), ',') < strpos(reverse(v), '.') then 'comma' else 'point' end
          when contains(v, ',')
            then case when regexp_matches(v, ',.*,') then 'point'
                      when regexp_matches(v, ',[0-9]{3}([^0-9]|$)') then 'open' else 'comma' end
          else case when regexp_matches(v, '\\..*\\.') then 'comma'
                    when regexp_matches(v, '\\.[0-9]{3}([^0-9]|$)') then 'open' else 'point' end
        end as evidence
      from amount_values
    )
    select column_name as "column", evidence, count(*)::integer as n, min(v) as example
    from classified group by all order by "column", evidence`);
  const count = (kind: Evidence['evidence']) => rows.filter((r) => r.evidence === kind).reduce((sum, r) => sum + r.n, 0);
  const comma = count('comma');
  const point = count('point');
  const setting = 'set openItems.decimalSeparator to "," or "." in encours.config.json';
  if (comma === 0 && point === 0) {
    const open = rows.find((r) => r.evidence === 'open');
    if (!open) return { sign: '.', detail: 'no decimals in the amounts' };
    throw new InputError(
      sourceFile,
      null,
      `its amounts do not say whether the decimal sign is a comma or a point: every value with a separator has three digits after it (column "${open.column}", e.g. '${open.example}': ${open.example.replace(/[.,]/, '')} or ${open.example.replace(',', '.')}?); ${setting}`,
    );
  }
  if (comma === point) {
    const example = (kind: Evidence['evidence']) => rows.find((r) => r.evidence === kind)!;
    throw new InputError(
      sourceFile,
      null,
      `its amounts are as many with a decimal comma (column "${example('comma').column}", e.g. '${example('comma').example}') as with a decimal point (column "${example('point').column}", e.g. '${example('point').example}'); ${setting}`,
    );
  }
  const sign: DecimalSign = comma > point ? ',' : '.';
  const against = Math.min(comma, point);
  const name = sign === ',' ? 'decimal comma' : 'decimal point';
  return {
    sign,
    detail: `${name} (${Math.max(comma, point) === 1 ? '1 amount says' : `${Math.max(comma, point)} amounts say`} so${against ? `; ${against} say otherwise and are reported in the quality table` : ''})`,
  };
}
