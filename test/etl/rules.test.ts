// Each rule once (issue #28, docs/rules.md): a threshold that is a setting, or a named constant of
// the product, is written in one place — its owner — and read from there everywhere else. A copy
// written as a literal keeps its old value when the setting changes: the ageing said 1–15 days
// while the provision rates and the dispute bands still cut at 30, 60 and 90. This file reads the
// SQL models, the checks and the site's code (comments left out) and fails on such a copy outside
// its owner; and it runs the owners of the bands derived from bucketBounds on other bounds, in an
// in-memory DuckDB. It needs no warehouse and no whole run.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

import { createBucketTable } from '../../etl/config-in-duckdb.ts';
import { openDatabase } from '../../shared/duckdb.ts';

const root = join(import.meta.dirname, '..', '..');

interface Rule {
  /** What the rule is, as docs/rules.md names it. */
  rule: string;
  /** The files that may write it (its owner); every other file reads the owner. */
  owners: string[];
  /** Patterns of a copy in SQL (etl/models/**\/*.sql, etl/checks/*.sql), matched on lower-cased code without comments. */
  sql?: RegExp[];
  /** Patterns of a copy in the site (site/**\/*.ts, *.astro), matched on code without comments. */
  site?: RegExp[];
}

export const rules: Rule[] = [
  {
    rule: 'days past due thresholds: default_days_past_due (90), watch_days_past_due (60), specific provisions (provisions.overdueDays)',
    owners: ['etl/models/macros.sql'],
    sql: [
      /\b(?:max_)?days_past_due\s*(?:<=|>=|<>|<|>|=)\s*[1-9]\d*/,
      /\bdays_past_due\s+between\s+\d+/,
      // month_end - due_date > 90: days past due computed on the spot, then compared.
      /-\s*(?:\w+\.)?due_date\s*(?:<=|>=|<|>)\s*[1-9]\d*/,
      // due_date + 91: the first day beyond a threshold (due_date + 1, the first day late, is none).
      /\bdue_date\s*\+\s*(?:[2-9]|[1-9]\d+)\b/,
      // interval 60 day (a step of one day is a calendar step, not a threshold).
      /\binterval\s+'?(?:[2-9]|\d{2,})'?\s+days?\b/,
    ],
  },
  {
    rule: 'ageing bounds and every band derived from them (bucketBounds, default 30, 60, 90, 180, 365)',
    // ref_buckets and bucket_order_of are made from the setting in etl/config-in-duckdb.ts; the
    // dispute bands from ref_buckets in int_dispute_age_bands, the prudent rates in macros.sql.
    owners: ['etl/models/macros.sql'],
    sql: [
      /\b(?:min_days|max_days|days_open|age_days|last_day_past_due)\s*(?:<=|>=|<|>)\s*[1-9]\d*/,
      // A band named by its default edges: '0-30', '31-60', '>90'.
      /'(?:0|1|31|61|91|181)-(?:30|60|90|180|365)'/,
      /'>(?:30|60|90|180|365)'/,
      /\bbucket\s*=\s*'[^']*\d/,
    ],
    site: [
      // A bucket or band label written out ('0–30 j', '> 90 d') instead of worded from the warehouse.
      /['"`](?:0|1|31|61|91|181)\s*[–-]\s*(?:30|60|90|180|365)\s*(?:j|d)\b/,
      /['"`]>\s*(?:30|60|90|180|365)\s*(?:j|d)\b/,
      // A bucket's rate written in words ('1–30 j 3 %'): the prudent rates are in the warehouse.
      /(?:30|60|90|180|365)\s*(?:j|d|days|jours)?\s+\d+(?:[.,]\d+)?\s*%/,
      /\[\s*30\s*,\s*60\s*,\s*90\b/,
    ],
  },
  {
    rule: 'material default (scoring.defaultMaterialityAmount 500, scoring.defaultMaterialityShare 1 %)',
    owners: ['etl/models/macros.sql'],
    sql: [/\bover_90_amount\s*>\s*(?:\d|\.\d)/, /\bmateriality\w*\s*(?:<=|>=|<|>|=)\s*\d/],
  },
  {
    rule: 'collective procedure (is_collective_procedure, collective_procedure_of)',
    owners: ['etl/models/macros.sql'],
    sql: [/\bregexp_\w+\s*\([^\n]*(?:redressement|liquidation|sauvegarde|safeguard|receivership|insolven)/],
  },
  {
    rule: 'relief from foreclosure: six months from the opening judgment (L622-26), int_client_procedures.relief_deadline_date',
    owners: ['etl/models/ledger/int_client_procedures.sql'],
    // The judgment date + six months computed again (an interval of 6 months elsewhere, a half-year of ECB rates, is another thing).
    sql: [/\b(?:procedure_date|judgment\w*)\s*\+\s*(?:to_months\s*\(\s*6\s*\)|interval\s+'?6'?\s+months?)/],
  },
  {
    rule: 'late-payment indemnity per invoice (penalties.indemnityAmount, 40 €)',
    owners: [],
    sql: [/indemn[^\n]*\b40\b/, /\b40\b[^\n]*indemn/],
    site: [/\b40\s*(?:€|euros?\b)/i, /€\s*40\b/],
  },
  {
    rule: 'ECB rate + points (penalties.ratePoints, 10)',
    owners: [],
    sql: [/\becb_rate\s*\+\s*\d/, /\brate\w*\s*\+\s*10\b/],
    site: [/\+\s*10\s*points/i, /\b(?:plus|majoré de)\s+10\s+points/i],
  },
  {
    rule: 'grade from PD (scoring.gradePdBounds: 3 %, 8 %, 15 %, 30 %)',
    owners: ['etl/models/macros.sql'],
    sql: [/\bpd\w*\s*(?:<=|>=|<|>)\s*0?\.\d+/],
  },
  {
    rule: 'credit limit rounding (creditLimits.roundingAmount 1,000, smallRoundingAmount 100, smallLimitBelow 10,000)',
    owners: [],
    sql: [/\bfloor\s*\([^\n]*limit[^\n]*\/\s*\d/, /\b(?:round|floor|trunc)\s*\([^\n]*limit[^\n]*,\s*-\d/],
  },
  {
    rule: 'default payment terms (defaultTermsDays, 30)',
    owners: [],
    sql: [/\bcoalesce\s*\([^()\n]*terms_days\s*,\s*\d+\s*\)/],
  },
  {
    rule: 'settings worded by the site: provision history (provisions.minHistoryMonths), forecast shares, the stale worklist',
    owners: [],
    site: [
      /(?:moins de|fewer than)\s+\d+\s+(?:fins de mois|month ends)/i,
      /\b(?:la moitié|un quart|only half|a quarter)(?![a-z])/i,
      // A setting's default as the fallback of its column: the warehouse says what the run used.
      /\b(?:stale_after_days|indemnity_amount|penalty_rate_points|payment_deadline_days|provision_min_history_months|forecast_\w+_share)\s*\?\?\s*\d/,
    ],
  },
];

/** SQL without its comments (-- to the end of the line, /* … *\/), strings kept. */
export function stripSqlComments(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'") {
      const end = sql.indexOf("'", i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 1;
    } else out += c;
  }
  return out;
}

/** TypeScript or Astro without its comment lines (//, /* … *\/ and JSDoc lines, HTML comments) or trailing // comments. */
export function stripCodeComments(code: string): string {
  return code
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? '' : line.replace(/(^|[\s;,)}])\/\/ .*$/, '$1')))
    .join('\n');
}

/** Every literal copy of a rule in a file's text: the rule, the pattern's match and its line. */
export function copiesIn(text: string, kind: 'sql' | 'site', file: string): { rule: string; match: string; line: number }[] {
  const found: { rule: string; match: string; line: number }[] = [];
  const lines = (kind === 'sql' ? stripSqlComments(text).toLowerCase() : stripCodeComments(text)).split('\n');
  for (const rule of rules) {
    if (rule.owners.includes(file)) continue;
    for (const pattern of rule[kind] ?? []) {
      lines.forEach((line, i) => {
        const match = pattern.exec(line);
        if (match) found.push({ rule: rule.rule, match: match[0], line: i + 1 });
      });
    }
  }
  return found;
}

function filesUnder(dir: string, extensions: string[]): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

describe('each configurable threshold is written once, in its owner', () => {
  it('no SQL model or check writes a threshold its owner holds', () => {
    const files = [...filesUnder('etl/models', ['.sql']), ...filesUnder('etl/checks', ['.sql'])];
    expect(files.length).toBeGreaterThan(100);
    const copies = files.flatMap((file) => copiesIn(readFileSync(join(root, file), 'utf8'), 'sql', file).map((c) => `${file}:${c.line} ${c.match} (${c.rule})`));
    expect(copies).toEqual([]);
  });

  it('no page, component or label of the site writes a setting’s value instead of reading it from the warehouse', () => {
    const files = filesUnder('site', ['.ts', '.astro']);
    expect(files.length).toBeGreaterThan(50);
    const copies = files.flatMap((file) => copiesIn(readFileSync(join(root, file), 'utf8'), 'site', file).map((c) => `${file}:${c.line} ${c.match} (${c.rule})`));
    expect(copies).toEqual([]);
  });
});

// The patterns themselves, on the copies this file was written against (each one was in the code
// before its rule got an owner) and on what must pass (a comment, a calendar step, a fixed window).
describe('copiesIn', () => {
  const sql = (text: string, file = 'etl/models/x/y.sql') => copiesIn(text, 'sql', file).map((c) => c.match);
  const site = (text: string) => copiesIn(text, 'site', 'site/lib/i18n/x.ts').map((c) => c.match);

  it('finds a days-past-due threshold written as a number, outside macros.sql only', () => {
    expect(sql(`from invoices where days_past_due > 90`)).toEqual(['days_past_due > 90']);
    expect(sql(`select due_date + 91 as first_seen_date`)).toEqual(['due_date + 91']);
    expect(sql(`filter (where month_end - due_date > 60)`)).toEqual(['- due_date > 60']);
    expect(sql(`where days_past_due between 61 and 90`)).toEqual(['days_past_due between 61']);
    expect(sql(`where d > as_of - interval 60 day`)).toEqual(['interval 60 day']);
    expect(sql(`where days_past_due > 90`, 'etl/models/macros.sql')).toEqual([]);
    expect(sql(`where days_past_due > default_days_past_due()`)).toEqual([]);
  });

  it('leaves comments, calendar steps and fixed windows alone', () => {
    expect(sql(`-- invoices beyond 90 days past due (days_past_due > 90)\nselect 1`)).toEqual([]);
    expect(sql(`select last_day(month_end + interval 1 day)`)).toEqual([]);
    expect(sql(`count(*) filter (where closed_date > getvariable('as_of_date') - 90)`)).toEqual([]);
  });

  it('finds a band edge of the ageing bounds written out in SQL', () => {
    expect(sql(`case when buckets.min_days <= 30 then 0.03 end`)).toEqual(['min_days <= 30']);
    expect(sql(`when days_open <= 60 then '31-60'`)).toEqual(['days_open <= 60', "'31-60'"]);
    expect(sql(`filter (where age_band = '>90')`)).toEqual(["'>90'"]);
  });

  it('finds the relief deadline computed again outside int_client_procedures, not a half-year of ECB rates', () => {
    expect(sql(`(risk.procedure_date + to_months(6))::date < getvariable('as_of_date')`)).toEqual(['procedure_date + to_months(6)']);
    expect(sql(`where procedure_date + interval 6 month < as_of`)).toEqual(['procedure_date + interval 6 month']);
    expect(sql(`(procedure_date + to_months(6))::date as relief_deadline_date`, 'etl/models/ledger/int_client_procedures.sql')).toEqual([]);
    expect(sql(`where rate_date > half_year_start + interval 6 month`)).toEqual([]);
  });

  it('finds the indemnity, the ECB points, a PD bound, a rounding and the default terms written out in SQL', () => {
    expect(sql(`40::decimal(18, 2) as indemnity_amount`)).toEqual(['40::decimal(18, 2) as indemn']);
    expect(sql(`open_amount * (ecb_rate + 10) * days`)).toEqual(['ecb_rate + 1']);
    expect(sql(`case when pd_12m < 0.03 then 'A' end`)).toEqual(['pd_12m < 0.03']);
    expect(sql(`floor(capped_limit / 1000) * 1000`)).toEqual(['floor(capped_limit / 1']);
    expect(sql(`coalesce(sales.terms_days, 30)`)).toEqual(['coalesce(sales.terms_days, 30)']);
  });

  it('finds a setting worded into the site’s text, not one passed as a parameter', () => {
    expect(site(`help: 'taux BCE + 10 points, plus 40\u00a0€ d’indemnité'`)).toEqual(['40\u00a0€', '+ 10 points']);
    expect(site(`help: 'a fixed €40 recovery indemnity'`)).toEqual(['€40']);
    expect(site(`help: (points, indemnity) => \`+ \${points} points, plus \${indemnity}\``)).toEqual([]);
    expect(site(`ageBands: ['0–30 j', '31–60 j', '61–90 j', '> 90 j'],`)).toEqual(["'0–30 j", "'> 90 j"]);
    expect(site(`prudent: 'non échu 1 %, 1–30 j 3 %'`)).toEqual(['30 j 3 %']);
    expect(site(`method: 'la moitié seulement d’une facture en litige'`)).toEqual(['la moitié']);
    expect(site(`const age = staleness(asOf, today, company?.stale_after_days ?? 3);`)).toEqual(['stale_after_days ?? 3']);
    expect(site(`// 40 € per invoice (D441-5)\nconst x = 1;`)).toEqual([]);
  });
});

// The bands derived from the ageing bounds, run on other bounds than the default: they follow.
describe('bands derived from bucketBounds', () => {
  async function withBounds(bounds: number[]) {
    const db = await openDatabase();
    await db.run(readFileSync(join(root, 'etl/models/macros.sql'), 'utf8'));
    await createBucketTable(db, bounds);
    return db;
  }

  it('dispute age bands are the bounds up to the third, from day 0, then beyond', async () => {
    const db = await withBounds([15, 45, 120, 200]);
    const bands = await db.rows(readFileSync(join(root, 'etl/models/collections/int_dispute_age_bands.sql'), 'utf8'));
    // 0–15 (day 0 included), 16–45, 46–120, then beyond 120: the fourth bound (200) is not a band.
    expect(bands.map((b) => b.age_band)).toEqual(['0-15', '16-45', '46-120', '>120']);
    db.close();
  });

  it('with a single bound, one band up to it and one beyond', async () => {
    const db = await withBounds([30]);
    const bands = await db.rows(readFileSync(join(root, 'etl/models/collections/int_dispute_age_bands.sql'), 'utf8'));
    expect(bands.map((b) => b.age_band)).toEqual(['0-30', '>30']);
    db.close();
  });

  it('each bucket gets the prudent rate of its last day: coarser buckets on the safe side', async () => {
    const db = await withBounds([15, 45, 120]);
    const rates = await db.rows(`select bucket, prudent_loss_rate(max_days)::double as rate from ref_buckets order by bucket_order`);
    // Not due (last day 0) 1 %; 1–15 ≤ 30 days 3 %; 16–45 ≤ 60 10 %; 46–120 ≤ 180 50 %; > 120 (no last day) 100 %.
    expect(rates).toEqual([
      { bucket: 'not_due', rate: 0.01 }, { bucket: '1-15', rate: 0.03 }, { bucket: '16-45', rate: 0.1 },
      { bucket: '46-120', rate: 0.5 }, { bucket: '>120', rate: 1 },
    ]);
    db.close();
  });
});
