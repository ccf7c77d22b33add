// The configuration as DuckDB sees it: the variables the SQL models read with getvariable()
// (formats, windows, rates, FEC account prefixes), the ageing buckets and the reference tables
// they join on (dunning schedule, grade shifts, ECB rates, specific provision rates).
import { resolve } from 'node:path';

import { companyCountry, penaltiesEnabled, vatRecoverable, type Config } from './config.ts';
import { sqlString, type Database } from '../shared/duckdb.ts';
import { etlDir } from './model-graph.ts';
import { InputError } from './readers/errors.ts';

export async function setFormatVariables(db: Database, config: Config): Promise<void> {
  const { openItems } = config;
  const list = (values: string[]) => `[${values.map((v) => sqlString(v.toLowerCase())).join(', ')}]::varchar[]`;
  await db.run(`
    set variable date_format = ${sqlString(openItems.dateFormat)};
    set variable true_values = ${list(openItems.values.true)};
    set variable credit_note_values = ${list(openItems.values.kind.credit_note)};
    set variable default_terms_days = ${config.defaultTermsDays};
    set variable dso_window_months = ${config.dsoWindowMonths};
    set variable fiscal_year_end_month = ${Number(config.fiscalYearEnd.slice(0, 2))};
    set variable fiscal_year_end_day = ${Number(config.fiscalYearEnd.slice(3))};
    set variable currency = ${sqlString(config.currency)};
    set variable score_min_training_month_ends = ${config.scoring.minTrainingMonthEnds};
    set variable score_min_training_defaults = ${config.scoring.minTrainingDefaults};
    set variable score_validation_month_ends = ${config.scoring.validationMonthEnds};
    set variable score_grade_pd_bounds = [${config.scoring.gradePdBounds.join(', ')}]::double[];
    set variable score_smoothing_half_life_months = ${config.scoring.smoothingHalfLifeMonths};
    set variable score_grade_hysteresis_points = ${config.scoring.gradeHysteresisPoints};
    set variable default_materiality_amount = ${config.scoring.defaultMaterialityAmount};
    set variable default_materiality_share = ${config.scoring.defaultMaterialityShare};
    set variable limit_sales_months = ${config.creditLimits.salesMonths};
    set variable limit_margin_days = ${config.creditLimits.marginDays};
    set variable limit_grade_factors = map {${Object.entries(config.creditLimits.gradeFactors).map(([g, f]) => `'${g}': ${f}::double`).join(', ')}};
    set variable limit_rounding_amount = ${config.creditLimits.roundingAmount};
    set variable limit_small_rounding_amount = ${config.creditLimits.smallRoundingAmount};
    set variable limit_small_below = ${config.creditLimits.smallLimitBelow};
    set variable fec_client_prefixes = ${list(config.fec.clientAccountPrefixes)};
    set variable fec_doubtful_prefixes = ${list(config.fec.doubtfulAccountPrefixes)};
    set variable fec_writeoff_prefixes = ${list(config.fec.writeoffAccountPrefixes)};
    set variable fec_revenue_prefixes = ${list(config.fec.revenueAccountPrefixes)};
    set variable fec_provision_prefixes = ${list(config.fec.provisionAccountPrefixes)};
    set variable fec_sales_journals = ${list(config.fec.salesJournals)};
    set variable fec_opening_journals = ${list(config.fec.openingJournals)};
    set variable ledger_debit_values = ${list(openItems.values.direction.debit)};
    set variable ledger_credit_values = ${list(openItems.values.direction.credit)};
    set variable ledger_document_types = ${documentTypeMap(openItems.values.documentType)};
    set variable snapshot_cancelled_values = ${list(openItems.values.status.cancelled)};
    set variable snapshot_written_off_values = ${list(openItems.values.status.written_off)};
    -- An invoices file that dates each settlement (paid_date) with no paid-amount column: the date
    -- the invoice was settled in full (a "SettledDate", a "Clear date").
    set variable paid_date_settles_in_full = ${Boolean(openItems.columns.invoices?.paid_date && !openItems.columns.invoices?.paid_amount)};
    set variable snapshot_date = ${openItems.snapshotDate ? `date ${sqlString(openItems.snapshotDate)}` : 'null::date'};`);
}

/**
 * A ledger's document types as one map, value (lower case) → kind. A value listed both for
 * invoices and credit notes is a sales document whose sign tells which (a sales journal's code):
 * 'invoice' stands for both; parseConfig refuses any other value listed twice.
 */
function documentTypeMap(types: Config['openItems']['values']['documentType']): string {
  const entries = new Map<string, string>();
  for (const [kind, values] of Object.entries(types)) {
    for (const value of values) if (!entries.has(value.toLowerCase())) entries.set(value.toLowerCase(), kind === 'credit_note' ? 'invoice' : kind);
  }
  const pairs = [...entries].map(([value, kind]) => `${sqlString(value)}: ${sqlString(kind)}`);
  return `map {${pairs.join(', ')}}::map(varchar, varchar)`;
}

/**
 * Buckets from the configured upper bounds: not due (≤ 0 days), 1–30, …, and "> last"; and
 * bucket_order_of(days), the bucket of a number of days as one CASE, so that models join
 * ref_buckets on bucket_order (an equality join) rather than by range over millions of rows.
 */
export async function createBucketTable(db: Database, bounds: number[]): Promise<void> {
  const rows = [`('not_due', 0, -1000000, 0)`];
  bounds.forEach((upper, i) => rows.push(`('${(bounds[i - 1] ?? 0) + 1}-${upper}', ${i + 1}, ${(bounds[i - 1] ?? 0) + 1}, ${upper})`));
  rows.push(`('>${bounds.at(-1)}', ${bounds.length + 1}, ${bounds.at(-1)! + 1}, 1000000)`);
  await db.run(`create or replace table ref_buckets as
    select * from (values ${rows.join(', ')}) as t(bucket, bucket_order, min_days, max_days)`);
  const whens = [0, ...bounds].map((upper, order) => `when days <= ${upper} then ${order}`).join(' ');
  await db.run(`create or replace macro bucket_order_of(days) as case ${whens} else ${bounds.length + 1} end`);
}

/** Settings that SQL models join on: the dunning schedule, grade shifts and the ECB rate table. */
export async function createReferenceTables(db: Database, config: Config): Promise<void> {
  const schedule = config.dunning.schedule.map((s, i) => `(${sqlString(s.stage)}, ${i + 1}, ${s.daysFromDue})`).join(', ');
  await db.run(`create or replace table ref_dunning_schedule as select * from (values ${schedule}) as t(stage, stage_order, days_from_due)`);
  const shifts = Object.entries(config.dunning.gradeShiftDays).map(([grade, days]) => `(${sqlString(grade)}, ${days})`).join(', ');
  await db.run(`create or replace table ref_grade_shift as select * from (values ${shifts}) as t(grade, shift_days)`);
  const ratesFile = resolve(etlDir, '..', config.penalties.ratesFile);
  try {
    await db.run(`create or replace table ref_ecb_rates as
      select half_year_start::date as half_year_start, ecb_main_refinancing_rate::decimal(6, 3) as ecb_rate
      from read_csv(${sqlString(ratesFile)}, header = true, all_varchar = true)`);
  } catch (error) {
    throw new InputError(config.penalties.ratesFile, null, `the ECB rate table cannot be read (${(error as Error).message.split('\n')[0]})`);
  }
  await readBenchmarks(db, config);

  const fxRatesFile = resolve(etlDir, '..', config.fxRatesFile);
  try {
    await db.run(`create or replace table ref_fx_rates as
      select upper(trim(currency)) as currency, date::date as rate_date, rate::decimal(18, 6) as rate
      from read_csv(${sqlString(fxRatesFile)}, header = true, all_varchar = true,
                    columns = {'currency': 'varchar', 'date': 'varchar', 'rate': 'varchar', 'source': 'varchar'})
      where rate::decimal(18, 6) > 0`);
  } catch (error) {
    throw new InputError(config.fxRatesFile, null, `the exchange-rate table cannot be read (${(error as Error).message.split('\n')[0]}); it has the columns currency, date (YYYY-MM-DD), rate, source`);
  }
  await db.run(`
    set variable penalty_rate_points = ${config.penalties.ratePoints};
    set variable penalty_indemnity = ${config.penalties.indemnityAmount};
    set variable penalties_enabled = ${penaltiesEnabled(config)};
    set variable worsening_days = ${config.alerts.worseningDays};
    set variable provision_lookback_months = ${config.provisions.lookbackMonths};
    set variable provision_min_history_months = ${config.provisions.minHistoryMonths};
    set variable forward_looking_factor = ${config.provisions.forwardLookingFactor};
    set variable vat_rate = ${config.provisions.vatRate};
    set variable provision_base = ${sqlString(vatRecoverable(config) ? 'excl_tax' : 'incl_tax')};
    set variable company_country = ${sqlString(companyCountry(config) ?? '')};
    set variable specific_overdue_days = ${config.provisions.overdueDays};
    set variable forecast_min_settled = ${config.forecast.minSettledInvoices};
    set variable forecast_disputed_share = ${config.forecast.disputedCollectionShare};
    set variable forecast_over90_share = ${config.forecast.over90CollectionShare};`);
  const rates = Object.entries(config.provisions.rates).map(([basis, rate]) => `(${sqlString(basis)}, ${rate})`).join(', ');
  await db.run(`create or replace table ref_specific_provision_rates as select * from (values ${rates}) as t(basis, rate)`);
}

/**
 * The published payment statistics (ref_benchmarks) and the mapping of the clients' sectors and
 * segments to their scopes (ref_benchmark_scopes): reference data like the ECB table, read whole;
 * a value that is not a number stops the run naming the file, never a benchmark guessed.
 */
async function readBenchmarks(db: Database, config: Config): Promise<void> {
  const { file, scopesFile } = config.benchmarks;
  const read = async (name: string, sql: (path: string) => string) => {
    try {
      await db.run(sql(sqlString(resolve(etlDir, '..', name))));
    } catch (error) {
      throw new InputError(name, null, `the benchmark table cannot be read (${(error as Error).message.split('\n')[0]})`);
    }
  };
  await read(file, (path) => `create or replace table ref_benchmarks as
    select measure, value::double as value, sector, size, year::integer as year, period, source, publication, url, note
    from read_csv(${path}, header = true, all_varchar = true)`);
  await read(scopesFile, (path) => `create or replace table ref_benchmark_scopes as
    select scope, value, benchmark_sector, benchmark_size from read_csv(${path}, header = true, all_varchar = true)`);
}
