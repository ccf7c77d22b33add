// A document in a foreign currency with no amount in the company currency and no exchange rate
// for its date stops the run before anything is published (DESIGN.md: amounts in a foreign
// currency are converted, never added as they are). int_invoice_lines, int_payments and int_writeoffs leave
// such an amount empty; here only the wording: the file, the column, how many, and the two ways out.
import type { Config } from './config.ts';
import type { Database } from '../shared/duckdb.ts';
import { InputError } from './readers/errors.ts';

type Unconverted = {
  input: 'invoices' | 'payments' | 'writeoffs';
  source_file: string;
  currency: string;
  rows: number;
  first_line: number;
  first_date: string;
  last_date: string;
};

const lineNoun = { invoices: 'invoice', payments: 'payment', writeoffs: 'write-off' } as const;

/** Throws an InputError for the first file and currency left unconverted; does nothing when there is none. */
export async function stopOnUnconvertedAmounts(db: Database, config: Config): Promise<void> {
  const [first] = await db.rows<Unconverted>(`
    with unconverted as (
      select 'invoices' as input, source_file, line, currency, issue_date as document_date from int_invoice_lines where amount is null
      union all
      select 'payments', source_file, line, currency, payment_date from int_payments where amount is null
      union all
      select 'writeoffs', source_file, line, currency, writeoff_date from int_writeoffs where amount is null
    )
    select input, source_file, currency, count(*)::integer as rows, min(line)::integer as first_line,
           strftime(min(document_date), '%Y-%m-%d') as first_date, strftime(max(document_date), '%Y-%m-%d') as last_date
    from unconverted
    group by all
    order by input, source_file, currency
    limit 1`);
  if (!first) return;
  // A customer ledger's lines reach the invoices and payments through its one file and mapping.
  const file = config.openItems.shape === 'ledger' ? 'ledger' : first.input;
  const columns = config.openItems.columns[file] ?? {};
  const currencyColumn = columns.currency ?? 'currency';
  const amountColumn = columns.amount ?? 'amount';
  const rows = Number(first.rows);
  throw new InputError(
    first.source_file,
    null,
    `${rows.toLocaleString('en-US')} ${lineNoun[first.input]} line${rows === 1 ? '' : 's'} in ${first.currency} ` +
      `(column "${currencyColumn}", openItems.columns.${file}.currency; the first, line ${first.first_line}) ` +
      `cannot be counted in the company currency (${config.currency}): "${amountColumn}" is in ${first.currency} and nothing converts it. ` +
      `Either map the export's amount in the company currency (openItems.columns.${file}.amount_company_currency, e.g. "Amount (LCY)" or "Montant tenue de compte"), ` +
      `or add ${first.currency} rates from ${first.first_date} (through ${first.last_date}) to the exchange-rate table ${config.fxRatesFile} (fxRatesFile; see data/reference/README.md).`,
  );
}
