-- One row per problem found in the inputs: a rejected line (severity 'error', not loaded), a
-- value dropped or a reference not honoured on a kept line ('warning'), or a line left out
-- because it is dated after the as-of date ('info'). Nothing is dropped without a row here.
-- Every reason is a code and its parts (reason_code, reason_field, reason_ref, reason_number,
-- reason_parts: see reason() in macros.sql), which the site words in its language; reason is the
-- code in English (reason_text), for analysts. A reader's reason keeps the reader's own text (and
-- one the reader's patterns below do not know stays uncoded).
-- A roll-up of `disputes`, `invoices`, `penalties`, `invoice_statuses` and `snapshots`.
-- A line DuckDB could not split into fields: the reader's text (DuckDB's own message) stays the
-- reason, and its kind is coded from it for the site to word.
with unreadable_lines as (
  select source_file, line, 'error' as severity, 'csv' as input, null::varchar as record_id, raw_line,
         case
           when reason like 'TOO MANY COLUMNS:%' and columns[1] is not null then reason('csv_too_many_columns', parts := columns)
           when reason like 'MISSING COLUMNS:%' and columns[1] is not null then reason('csv_missing_columns', parts := columns)
           when reason like 'INVALID ENCODING:%' then reason('csv_invalid_encoding')
           when reason like 'UNQUOTED VALUE:%' then reason('csv_unquoted_value')
           when reason like 'LINE SIZE OVER MAXIMUM:%' then reason('csv_line_too_long')
         end as r,
         reason as text
  from (select *,
               case when regexp_matches(reason, 'Expected Number of Columns: \d+ Found: \d+')
                    then [regexp_extract(reason, 'Expected Number of Columns: (\d+)', 1), regexp_extract(reason, 'Found: (\d+)', 1)] end as columns
        from raw_rejects)
),

-- A report saved as CSV: the lines above its header, its section and total rows, not loaded; the
-- reader's text stays the reason, coded likewise.
report_lines as (
  select source_file, line, 'info', 'csv', null, raw_line,
         case
           when regexp_matches(reason, '^\d+ lines? above the header') then reason('report_lines_above_header', n := regexp_extract(reason, '^(\d+)', 1)::bigint)
           when reason like 'total row %' then reason('report_total_row', ref := raw_line)
           when reason like 'row with one value, %' then reason('report_heading_row', ref := raw_line)
         end,
         reason
  from raw_notes
),

staged as (
  select source_file, line, 'clients' as input, client_id as record_id, reject_reason, warning from int_clients_checked
  union all
  select source_file, line, 'payments', payment_id, reject_reason, warning from int_payments_checked
  union all
  select source_file, line, 'writeoffs', writeoff_id, reject_reason, warning from int_writeoffs_checked
  union all
  select source_file, line, 'actions', client_id, reject_reason, warning from int_actions_checked
  union all
  select source_file, line, 'contacts', client_id, reject_reason, warning from int_contacts_checked
  union all
  select source_file, line, 'invoices', invoice_id, reject_reason, warning from int_invoices_checked
  union all
  select source_file, line, 'ledger', coalesce(document_id, client_id), reject_reason, warning from int_ledger_lines_checked
  union all
  select source_file, line, 'snapshot', coalesce(document_id, client_id), reject_reason, warning from int_snapshot_lines_checked
  union all
  select source_file, line, 'statuses', invoice_id, reject_reason, warning from int_invoice_statuses_checked
),

rejected as (
  select source_file, line, 'error', input, record_id, null, reject_reason, null from staged where reject_reason is not null
),

warned as (
  select source_file, line, 'warning', input, record_id, null, warning, null from staged where reject_reason is null and warning is not null
),

after_as_of as (
  select source_file, line, 'info', input, record_id, null,
         reason(case dated_part when 'settlement' then 'settlement_after_as_of' when 'lettering' then 'lettering_after_as_of' else 'after_as_of' end,
                ref := strftime(getvariable('as_of_date'), '%Y-%m-%d'), parts := [record_date::varchar]),
         null
  from int_after_as_of
),

-- A FEC's lines: unusable ones, entries that do not balance, and à-nouveaux left out because the
-- year before them is loaded (one row per file).
fec_rejected as (
  select source_file, line, 'error', 'fec', piece_ref, null, reject_reason, null
  from int_fec_lines_checked
  where reject_reason is not null
),

-- An entry that does not balance (named by its number), a client line's Montantdevise (by its PieceRef).
fec_warnings as (
  select source_file, line, 'warning', 'fec', case when warning.code = 'fec_entry_unbalanced' then entry_num else piece_ref end, null, warning, null
  from int_fec_lines_checked
  where warning is not null
),

fec_superseded_openings as (
  select source_file, min(line), 'info', 'fec', null, null, reason('fec_openings_superseded', n := count(*)), null
  from int_fec_lines_checked
  where line_class = 'opening_superseded'
  group by source_file
),

-- A lettering group that has not netted to zero by the end of its fiscal year (only years over by
-- the as-of date: a group of the current year may still be completed), named on its first line.
fec_open_letter_groups as (
  select first(source_file order by source_file, line), first(line order by source_file, line), 'warning', 'fec', letter_code, null,
         reason(case when any_value(group_balance) > 0 then 'fec_letter_group_debits_exceed' else 'fec_letter_group_credits_exceed' end,
                ref := letter_code, parts := [client_id, any_value(group_year_end)::varchar, abs(any_value(group_balance))::varchar]),
         null
  from int_fec_letter_groups
  where group_balance <> 0 and group_year_end <= getvariable('as_of_date')
  group by client_id, letter_code, group_year
),

-- A customer ledger's lines (their rejects and warnings are in staged): per file what its reading
-- assumed (credits with no document type taken for payments; debits that are not sales documents taken
-- for debit items, counted with the invoices), each said once with the setting that decides it.
ledger_readings as (
  select source_file, min(line), 'info', 'ledger', null, null, reason('ledger_credits_as_payments', n := count(*)), null
  from int_ledger_lines
  where item_kind = 'payment' and document_kind is null
  group by source_file
  union all
  select source_file, min(line), 'info', 'ledger', null, null, reason('ledger_debits_as_invoices', n := count(*)), null
  from int_ledger_lines
  where item_kind = 'invoice' and document_kind in ('payment', 'writeoff', 'refund')
  group by source_file
),

-- An open-balance snapshot's lines (their rejects and warnings are in staged): the documents it shows
-- settled in full (not open items), and, once per run, what a snapshot cannot tell without the
-- snapshots before it (payment dates: DSO, days to pay, scores and backtests need them).
snapshot_readings as (
  select source_file, min(line), 'info', 'snapshot', null, null, reason('snapshot_settled_documents', n := count(*)), null
  from int_snapshot_lines_checked
  where is_settled
  group by source_file
  union all
  -- Documents its status says are no receivable (a draft, a voided invoice), and those written off
  -- (uncollectible): their count, statuses and, for a write-off, the amount it leaves out.
  select source_file, min(line), 'info', 'snapshot', null, null,
         reason('snapshot_cancelled_documents', n := count(*), parts := [string_agg(distinct status, ', ' order by status)]), null
  from int_snapshot_lines_checked
  where status_kind = 'cancelled'
  group by source_file
  union all
  select source_file, min(line), 'info', 'snapshot', null, null,
         reason('snapshot_written_off_documents', n := count(*),
                parts := [string_agg(distinct status, ', ' order by status), sum(open_amount)::decimal(18, 2)::varchar]), null
  from int_snapshot_lines_checked
  where status_kind = 'written_off'
  group by source_file
  union all
  select null, null, 'info', 'snapshot', null, null,
         reason('snapshot_needs_history', n := count(distinct snapshot_date), ref := strftime(min(snapshot_date), '%Y-%m-%d'),
                parts := [strftime(max(snapshot_date), '%Y-%m-%d')]),
         null
  from snapshots
  having count(*) > 0
),

-- A documents export that gives each invoice's balance beside a payments file: the balance it
-- says against the open amount the payments leave, each difference a warning with both figures
-- (what the export says: the amount, or its text quoted when it does not read as one).
balance_differences as (
  select given.source_file, given.line, 'warning', 'invoices', given.invoice_id, null,
         reason('balance_differs', field := 'open_amount', ref := given.invoice_id,
                parts := [coalesce(given.given_open_amount::varchar, '''' || given.given_open_text || ''''), invoices.open_amount::varchar,
                          strftime(getvariable('as_of_date'), '%Y-%m-%d')]),
         null
  from stg_invoice_balances as given
  join invoices on invoices.invoice_id = given.invoice_id and invoices.client_id = given.client_id
  -- A credit note's balance is written with either sign.
  where case when invoices.kind = 'credit_note' then abs(given.given_open_amount) is distinct from abs(invoices.open_amount)
             else given.given_open_amount is distinct from invoices.open_amount end
),

unknown_invoice_references as (
  select source_file, line, 'warning', source_kind, source_id, null,
         reason('invoice_not_of_client', field := source_kind, ref := named_invoice_id, parts := [client_id]), null
  from int_credits
  where named_invoice_id is not null and invoice_ref is null
),

-- A write-off reversal matched to no write-off, or cancelling more than its write-off has left
-- (int_writeoff_reversals): not loaded, so it neither writes off more nor reinstates a receivable.
writeoff_reversals_rejected as (
  select source_file, line, 'error', 'writeoffs', reversal_id, null,
         reason('writeoff_reversal_' || problem, ref := case problem when 'unmatched' then client_id else reverses_writeoff_id end,
                parts := [amount::varchar]),
         null
  from int_writeoff_reversals
  where problem is not null
),

-- A promise to pay logged on invoices already settled that day is a slip in the log, not a promise
-- to watch: it raises no alert and is named here on its line of the actions file.
promises_on_settled_invoices as (
  select source_file, line, 'warning', 'actions', client_id, null,
         reason('promise_on_settled_invoices', ref := strftime(action_date, '%Y-%m-%d'), parts := invoice_ids), null
  from int_promises
  where status = 'already_settled'
),

-- The e-invoicing statuses: one dated after the as-of date is left out like any line; one naming
-- an invoice the ledger does not know is read for nothing; an invoice the platform rejected (213)
-- is left out of the receivables; a 212 Encaissée on an invoice the ledger shows with nothing
-- settled says the ledger is late.
statuses_after_as_of as (
  select source_file, line, 'info', 'statuses', invoice_id, null,
         reason('after_as_of', ref := strftime(getvariable('as_of_date'), '%Y-%m-%d'), parts := [status_date::varchar]), null
  from int_invoice_statuses_checked
  where reject_reason is null and status_date > getvariable('as_of_date')
),

statuses_unknown_invoice as (
  select source_file, line, 'warning', 'statuses', invoice_id, null,
         reason('einvoice_unknown_invoice', ref := invoice_id, parts := [status_code]), null
  from int_invoice_statuses
  where not is_in_ledger
),

rejected_invoices as (
  select source_file, line, 'warning', 'statuses', invoice_id, null,
         reason('einvoice_rejected', ref := invoice_id, parts := [rejected_date::varchar, coalesce(reason_code || coalesce(' ' || reason, ''), reason)]), null
  from int_rejected_invoices
),

cashed_not_in_ledger as (
  select source_file, line, 'warning', 'statuses', invoice_id, null,
         reason('einvoice_cashed_not_in_ledger', ref := invoice_id, parts := [status_date::varchar]), null
  from invoice_statuses
  where is_cashed_not_in_ledger
),

-- A client the clients file does not list is worth a warning each; with no clients file at all
-- every client is, and one line says so instead of one per client.
unlisted_client_ids as (
  select client_id, first(source_file order by source_file, line) as source_file, first(line order by source_file, line) as line
  from (select client_id, source_file, line from int_invoices union all select client_id, source_file, line from int_credits)
  where client_id not in (select client_id from int_clients_checked where reject_reason is null)
  group by client_id
),

unlisted_clients as (
  select source_file, line, 'warning', 'clients', client_id, null, reason('client_not_listed', ref := client_id), null
  from unlisted_client_ids
  where exists (select 1 from raw_clients)
),

no_clients_file as (
  select null, null, 'info', 'clients', null, null,
         reason('no_clients_file', n := count(*), ref := getvariable('default_terms_days')::varchar), null
  from unlisted_client_ids
  having count(*) > 0 and not exists (select 1 from raw_clients)
),

-- The ECB rate table must cover every half-year of late days; the run says so rather than guess,
-- and says which end of the table is short.
missing_rates as (
  select 'data/reference/ecb_rates.csv', null, 'warning', 'penalties', null, null,
         reason('ecb_rates_missing', n := sum(days_without_rate - days_before_rate_table)), null
  from penalties
  having sum(days_without_rate - days_before_rate_table) > 0
),

rates_start_too_late as (
  select 'data/reference/ecb_rates.csv', null, 'warning', 'penalties', null, null,
         reason('ecb_rates_start_late', n := sum(days_before_rate_table)), null
  from penalties
  having sum(days_before_rate_table) > 0
),

-- A dispute the collections log keeps open although none of its invoices is open any more: not
-- an open dispute (disputed_invoices), but the log should say it is closed.
settled_disputes as (
  select null, null, 'info', 'actions', client_id, null, reason('dispute_settled', ref := dispute_id), null
  from disputes
  where status = 'settled' and source = 'collections_log'
),

-- A dispute of the log opened before an invoice it names was issued: a mistyped date or invoice
-- number, since nobody disputes an invoice not yet issued. The log is taken as written (the
-- dispute still pauses that invoice while open), but the collector is told to check it: one
-- warning per dispute and invoice, naming the dispute as the log does (its dispute_id).
disputes_before_invoice as (
  select null, null, 'warning', 'actions', disputes.client_id, null,
         reason('dispute_before_invoice', ref := disputes.dispute_id,
                parts := [strftime(disputes.opened_date, '%Y-%m-%d'), invoices.invoice_number, strftime(invoices.issue_date, '%Y-%m-%d')]), null
  from int_disputes as disputes
  join int_invoices as invoices
    on invoices.client_id = disputes.client_id
   and invoices.kind = 'invoice'
   and list_contains(disputes.invoice_ids, invoices.invoice_number)
  where disputes.source = 'collections_log' and disputes.opened_date < invoices.issue_date
),

final as (
  select * from unreadable_lines
  union all select * from report_lines
  union all select * from missing_rates
  union all select * from rates_start_too_late
  union all select * from rejected
  union all select * from warned
  union all select * from after_as_of
  union all select * from unknown_invoice_references
  union all select * from writeoff_reversals_rejected
  union all select * from promises_on_settled_invoices
  union all select * from unlisted_clients
  union all select * from no_clients_file
  union all select * from fec_rejected
  union all select * from fec_warnings
  union all select * from fec_superseded_openings
  union all select * from fec_open_letter_groups
  union all select * from ledger_readings
  union all select * from snapshot_readings
  union all select * from balance_differences
  union all select * from settled_disputes
  union all select * from disputes_before_invoice
  union all select * from statuses_after_as_of
  union all select * from statuses_unknown_invoice
  union all select * from rejected_invoices
  union all select * from cashed_not_in_ledger
)

-- reason: the text a reader or a model still writes, else the coded reason in English (reason_text).
-- A part that is absent (no currency written beside an amount) is '': the parts are read by their
-- place, and the site reads them as text.
select source_file, line::integer as line, severity, coalesce(text, reason_text(r)) as reason, input, record_id, raw_line,
       r.code as reason_code, r.number as reason_number, r.ref as reason_ref, r.field as reason_field,
       list_transform(r.parts, p -> coalesce(p, '')) as reason_parts
from final
-- As the quality page and its CSV list them: errors first, then warnings, then infos, by file and line.
order by case severity when 'error' then 0 when 'warning' then 1 else 2 end, source_file, line nulls first, reason
