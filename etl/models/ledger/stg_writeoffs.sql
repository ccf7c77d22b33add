-- One row per line of the write-offs file(s), typed: renamed and cast, nothing decided. The
-- amount keeps its sign: a write-off is positive (a credit to the client), a negative line is the
-- reversal of a write-off, which int_writeoff_reversals matches to the write-off it cancels. A
-- file that writes its write-offs as negative amounts (a credit to the client, as some ledgers
-- export them) is read with its signs turned, so that its positive lines are the reversals. The
-- convention is told by the first line of each invoice's write-off history (a reversal always
-- comes after the write-off it cancels): negative on most of them, the file's write-offs are
-- negative. Counting every line instead would let a file with many reversals turn itself over.
-- A write-off without an id is named after its file and line. currency is the document's
-- currency, company_amount the export's amount in the company currency (signed like the amount);
-- int_writeoffs converts the others. The text of each typed value stays beside it
-- (writeoff_date_text, amount_text, amount_read, company_amount_text, company_amount_read), for
-- int_writeoffs_checked.
with source as (
  select * from raw_writeoffs
),

-- The amount read once under its file's decimal sign: {value, problem} (see read_amount).
amounts as (
  select *, read_amount(amount, decimal_sign) as amount_read,
         read_amount(amount_company_currency, decimal_sign) as company_amount_read
  from source
),

-- The sign of the first non-zero line of each client's invoice (or of a write-off naming none).
first_lines as (
  select source_file, sign(arg_min(amount_read.value, (writeoff_date, line))) as first_sign
  from amounts
  where amount_read.value <> 0
  group by source_file, client_id, coalesce(invoice_id, writeoff_id, line::varchar)
),

-- The file's sign convention: -1 when most of those first lines are negative.
conventions as (
  select source_file,
         case when count(*) filter (where first_sign < 0) > count(*) filter (where first_sign > 0) then -1 else 1 end as file_sign
  from first_lines
  group by source_file
),

signed as (
  select amounts.*, coalesce(conventions.file_sign, 1) as file_sign
  from amounts
  left join conventions using (source_file)
),

final as (
  select
    source_file,
    line,
    coalesce(writeoff_id, source_file || ':' || line) as writeoff_id,
    client_id,
    parse_date(writeoff_date) as writeoff_date,
    amount_read.value * file_sign as amount,
    invoice_id,
    upper(currency) as currency,
    company_amount_read.value * file_sign as company_amount,
    writeoff_date as writeoff_date_text,
    amount as amount_text,
    amount_read,
    amount_company_currency as company_amount_text,
    company_amount_read
  from signed
)

select * from final
