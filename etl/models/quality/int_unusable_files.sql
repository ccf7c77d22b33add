-- One row per input file the run cannot use: every one of its rows rejected ('all_rows_rejected'),
-- or every value of one of its date columns unreadable with the date format
-- ('date_column_unreadable': the due dates would all come from the terms, the settlements all be
-- ignored), or paid amounts of which not one has a paid date ('settlements_undated': a
-- settlement without its date cannot be dated or aged), or a customer ledger's lines whose
-- document type is in no list of openItems.values.documentType ('document_types_unlisted': a
-- setting not written, not a bad line — left out, a write-off or an opening balance would be
-- missing from what its client owes; refs lists the types). The runner stops on it before anything later speaks — the publishing guard's advice
-- (--as-of, --allow-shrink) would publish an empty warehouse — naming the file, the first
-- reason, how many rows share it, and `setting`, the setting to check. reason_class is the
-- reason with its values taken out, so that rows rejected for the same cause count together.
with staged as (
  -- A coded reason in English (reason_text): the runner's stop message is English.
  select source_file, line, 'invoices' as input, reason_text(reject_reason) as reject_reason from int_invoices_checked
  union all select source_file, line, 'payments', reason_text(reject_reason) from int_payments_checked
  union all select source_file, line, 'writeoffs', reason_text(reject_reason) from int_writeoffs_checked
  union all select source_file, line, 'clients', reason_text(reject_reason) from int_clients_checked
  union all select source_file, line, 'fec', reason_text(reject_reason) from int_fec_lines_checked
  union all select source_file, line, 'ledger', reason_text(reject_reason) from int_ledger_lines_checked
  union all select source_file, line, 'snapshot', reason_text(reject_reason) from int_snapshot_lines_checked
  -- Lines DuckDB could not split (a wrong delimiter, bytes of another encoding).
  union all select source_file, line, null, reason from raw_rejects
),

-- The files looked at below: those with no kept line (every row rejected, or none) and the
-- ledgers with unlisted document types. A file with a kept line is never all_rows_rejected:
-- found by one cheap grouping, it is left out of the counts of distinct lines and the reason
-- classes, which were most of the model's 0.9 s over the 1.9M lines of a 1M-invoice run (none of
-- them rejected).
files_looked_at as (
  select source_file
  from staged
  where source_file is not null
  group by source_file
  having not bool_or(reject_reason is null and line is not null)
  union
  select source_file
  from int_ledger_lines_checked
  where reject_reason.code = 'document_type_unknown'
),

classed as (
  select
    *,
    regexp_replace(regexp_replace(regexp_replace(reject_reason,
      '''[^'']*''', '''…''', 'g'),
      '\d{4}-\d{2}-\d{2}', '…', 'g'),
      '(duplicate [a-z -]*id) .*$', '\1 …') as reason_class
  from staged
  semi join files_looked_at using (source_file)
),

files as (
  select
    source_file,
    count(distinct line) as rows,
    count(distinct line) filter (where reject_reason is null) as kept_rows,
    arg_min(reject_reason, line) filter (where reject_reason is not null) as first_reason,
    arg_min(reason_class, line) filter (where reject_reason is not null) as first_class,
    min(line) filter (where reject_reason is not null) as first_line,
    -- The file's own kind, not a raw reject's (which has none).
    arg_min(input, line) filter (where input is not null) as input
  from classed
  where source_file is not null
  group by source_file
),

all_rejected as (
  select
    files.source_file,
    files.input,
    'all_rows_rejected' as problem,
    null::varchar as column_name,
    files.rows,
    files.first_line,
    files.first_reason,
    (select count(distinct line) from classed
     where classed.source_file = files.source_file and classed.reason_class = files.first_class) as reason_rows,
    files.first_class as reason_class,
    null::varchar[] as refs
  from files
  where files.kept_rows = 0 and files.rows > 0
),

-- A kept line's date that does not read is a warning, and the due date or settlement goes: when
-- not one of a file's dates reads, the format is wrong, not the lines. The due-date warning
-- comes first among an invoice line's warnings; a paid date's may hide behind another one, so
-- "none read" is counted from the dates read. An invoices file's dates and settlements are
-- counted in one pass over its kept lines, not three.
invoice_dates as (
  select source_file,
         count(*) filter (where due_date is not null) as due_dates_read,
         count(*) filter (where warning.code = 'due_date_unreadable') as due_dates_unread,
         arg_min(reason_text(warning), line) filter (where warning.code = 'due_date_unreadable') as due_date_first_reason,
         min(line) filter (where warning.code = 'due_date_unreadable') as due_date_first_line,
         count(*) filter (where paid_date is not null) as paid_dates_read,
         count(*) filter (where warning.code = 'paid_date_unreadable') as paid_dates_unread,
         arg_min(reason_text(warning), line) filter (where warning.code = 'paid_date_unreadable') as paid_date_first_reason,
         min(line) filter (where warning.code = 'paid_date_unreadable') as paid_date_first_line,
         count(*) filter (where paid_amount > 0 and paid_date is null) as undated_rows,
         min(line) filter (where paid_amount > 0 and paid_date is null) as undated_first_line,
         arg_min(reason_text(warning), line) filter (where paid_amount > 0 and paid_date is null) as undated_first_reason
  from int_invoices_checked
  where reject_reason is null
  group by source_file
),

date_columns as (
  select source_file, 'invoices' as input, 'due_date' as column_name,
         due_dates_read as dates_read, due_dates_unread as dates_unread,
         due_date_first_reason as first_reason, due_date_first_line as first_line
  from invoice_dates
  union all
  select source_file, 'ledger', 'due_date',
         count(*) filter (where due_date is not null),
         count(*) filter (where warning.code = 'due_date_unreadable'),
         arg_min(reason_text(warning), line) filter (where warning.code = 'due_date_unreadable'),
         min(line) filter (where warning.code = 'due_date_unreadable')
  from int_ledger_lines_checked
  where reject_reason is null
  group by source_file
  union all
  select source_file, 'invoices', 'paid_date', paid_dates_read, paid_dates_unread, paid_date_first_reason, paid_date_first_line
  from invoice_dates
),

-- Paid amounts of which not one has a paid date: the mapped paid-date column is not the one.
undated_settlements as (
  select source_file, 'invoices' as input, 'settlements_undated' as problem, 'paid_date' as column_name,
         undated_rows as rows, undated_first_line as first_line, undated_first_reason as first_reason
  from invoice_dates
  where paid_dates_read = 0 and undated_rows > 0
),

-- Document types in no list: the rows counted are the file's, the lines rejected so reason_rows.
unlisted_types as (
  select checked.source_file, 'ledger' as input, 'document_types_unlisted' as problem, 'document_type' as column_name,
         any_value(files.rows) as rows,
         min(checked.line) as first_line,
         arg_min(reason_text(checked.reject_reason), checked.line) as first_reason,
         count(*) as reason_rows,
         'document type' as reason_class,
         list(distinct checked.reject_reason.ref order by checked.reject_reason.ref) as refs
  from int_ledger_lines_checked as checked
  join files using (source_file)
  where checked.reject_reason.code = 'document_type_unknown'
  group by checked.source_file
),

unreadable_dates as (
  select source_file, input, 'date_column_unreadable', column_name, dates_unread, first_line, first_reason, dates_unread,
         'date format', null::varchar[]
  from date_columns
  where dates_read = 0 and dates_unread > 0
    and source_file not in (select source_file from all_rejected)
),

problems as (
  select * from all_rejected
  union all
  select * from unreadable_dates
  union all
  select source_file, input, problem, column_name, rows, first_line, first_reason, rows, 'settlement', null::varchar[]
  from undated_settlements
  where source_file not in (select source_file from all_rejected)
  union all
  select * from unlisted_types
  where source_file not in (select source_file from all_rejected)
),

final as (
  select
    *,
    case
      when problem = 'settlements_undated' then 'openItems.columns.invoices.paid_date'
      when reason_class like '%date format%' or reason_class like '%outside 1990–2099%' then 'openItems.dateFormat'
      when reason_class like 'MISSING COLUMNS%' or reason_class like 'TOO MANY COLUMNS%' then 'openItems.delimiter'
      when reason_class like 'INVALID ENCODING%' then 'openItems.encoding'
      when input in ('fec') then null
      when reason_class like 'missing client id%' then 'openItems.columns.' || input || '.client_id'
      when reason_class like 'missing invoice id%' then 'openItems.columns.invoices.invoice_id'
      when reason_class like 'duplicate invoice id%' then 'openItems.columns.invoices.invoice_id'
      when reason_class like 'duplicate payment id%' then 'openItems.columns.payments.payment_id'
      when reason_class like 'duplicate write-off id%' then 'openItems.columns.writeoffs.writeoff_id'
      when reason_class like 'duplicate client id%' then 'openItems.columns.clients.client_id'
      when reason_class like 'direction%' then 'openItems.values.direction'
      when reason_class like 'document type%' then 'openItems.values.documentType'
      when input = 'ledger' and reason_class like 'no amount%' then 'openItems.columns.ledger.debit'
      when input = 'ledger' and (reason_class like 'debit%' or reason_class like 'credit%') and (reason_class like '%decimal%') then 'openItems.decimalSeparator'
      when input = 'ledger' and reason_class like 'debit%' then 'openItems.columns.ledger.debit'
      when input = 'ledger' and reason_class like 'credit%' then 'openItems.columns.ledger.credit'
      when reason_class like 'open amount%decimal%' or reason_class like 'open amount%more than two decimals%' then 'openItems.decimalSeparator'
      when reason_class like 'open amount%' then 'openItems.columns.snapshot.open_amount'
      when reason_class like 'missing document id%' then 'openItems.columns.snapshot.document_id'
      when reason_class like 'no issue date and no due date%' then 'openItems.columns.snapshot.issue_date'
      when reason_class like 'amount%does not fit the decimal%' or reason_class like 'amount%more than two decimals%' then 'openItems.decimalSeparator'
      when reason_class like 'amount%' then 'openItems.columns.' || input || '.amount'
    end as setting
  from problems
)

select * from final
order by source_file
