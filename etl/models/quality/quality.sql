-- One row per problem found in the inputs: a rejected line (severity 'error', not loaded), a
-- value dropped or a reference not honoured on a kept line ('warning'), or a line left out
-- because it is dated after the as-of date ('info'). Nothing is dropped without a row here.
-- The reasons this model words itself also carry a code and its parts (reason_code,
-- reason_number, reason_ref), which the site words in its language; the readers' and staging's
-- reasons have no code yet and are shown as written.
-- A roll-up of `disputes`, `invoices`, `penalties` and `snapshots`.
with unreadable_lines as (
  select source_file, line, 'error' as severity, reason, 'csv' as input, null::varchar as record_id, raw_line,
         null::varchar as reason_code, null::bigint as reason_number, null::varchar as reason_ref
  from raw_rejects
),

-- A report saved as CSV: the lines above its header, its section and total rows, not loaded.
report_lines as (
  select source_file, line, 'info', reason, 'csv', null, raw_line, null, null, null
  from raw_notes
),

staged as (
  select source_file, line, 'clients' as input, client_id as record_id, reject_reason, warning from stg_clients
  union all
  select source_file, line, 'invoices', invoice_id, reject_reason, warning from stg_invoices
  union all
  select source_file, line, 'payments', payment_id, reject_reason, warning from stg_payments
  union all
  select source_file, line, 'writeoffs', writeoff_id, reject_reason, warning from stg_writeoffs
  union all
  select source_file, line, 'actions', client_id, reject_reason, warning from stg_actions
  union all
  select source_file, line, 'contacts', client_id, reject_reason, warning from stg_contacts
),

rejected as (
  select source_file, line, 'error', reject_reason, input, record_id, null, null, null, null from staged where reject_reason is not null
),

warned as (
  select source_file, line, 'warning', warning, input, record_id, null, null, null, null from staged where reject_reason is null and warning is not null
),

after_as_of as (
  select source_file, line, 'info',
         case dated_part
           when 'settlement' then 'settlement (paid_date ' || record_date || ') after the as-of date ' || getvariable('as_of_date') || '; left out of this run'
           when 'lettering' then 'lettered (DateLet ' || record_date || ') after the as-of date ' || getvariable('as_of_date') || '; the lettering date is not used in this run'
           else 'dated after the as-of date ' || getvariable('as_of_date') || '; left out of this run'
         end,
         input, record_id, null,
         case dated_part when 'settlement' then 'settlement_after_as_of' when 'lettering' then 'lettering_after_as_of' else 'after_as_of' end,
         null, strftime(getvariable('as_of_date'), '%Y-%m-%d')
  from int_after_as_of
),

-- A FEC's lines: unusable ones, entries that do not balance, and à-nouveaux left out because the
-- year before them is loaded (one row per file).
fec_rejected as (
  select source_file, line, 'error', reject_reason, 'fec', piece_ref, null, null, null, null
  from stg_fec_lines
  where reject_reason is not null
),

fec_unbalanced as (
  select source_file, line, 'warning', warning, 'fec', entry_num, null, null, null, null
  from stg_fec_lines
  where warning is not null
),

fec_superseded_openings as (
  select source_file, min(line), 'info',
         count(*) || ' opening lines (à-nouveaux) on client accounts left out: the previous fiscal year is loaded, and its lines already hold the items brought forward',
         'fec', null, null, 'fec_openings_superseded', count(*), null
  from stg_fec_lines
  where line_class = 'opening_superseded'
  group by source_file
),

-- A lettering group that has not netted to zero by the end of its fiscal year (only years over by
-- the as-of date: a group of the current year may still be completed), named on its first line.
fec_open_letter_groups as (
  select first(source_file order by source_file, line), first(line order by source_file, line), 'warning',
         'lettering group ' || letter_code || ' of client ' || client_id || ' (fiscal year ending ' || any_value(group_year_end)
           || ') does not net to zero: ' || case when any_value(group_balance) > 0 then 'debits exceed credits by ' || any_value(group_balance)
                                                 else 'credits exceed debits by ' || -any_value(group_balance) end
           || '; what it does not settle is matched oldest due first',
         'fec', letter_code, null, null, null, null
  from int_fec_letter_groups
  where group_balance <> 0 and group_year_end <= getvariable('as_of_date')
  group by client_id, letter_code, group_year
),

-- A customer ledger's lines: unusable ones, dropped values, and per file what its reading assumed
-- (credits with no document type taken for payments; debits that are not sales documents taken
-- for debit items, counted with the invoices), each said once with the setting that decides it.
ledger_rejected as (
  select source_file, line, 'error', reject_reason, 'ledger', coalesce(document_id, client_id), null, null, null, null
  from stg_ledger_lines
  where reject_reason is not null
),

ledger_warned as (
  select source_file, line, 'warning', warning, 'ledger', coalesce(document_id, client_id), null, null, null, null
  from stg_ledger_lines
  where reject_reason is null and warning is not null
),

ledger_readings as (
  select source_file, min(line), 'info',
         count(*) || ' credit lines with no document type read as payments: a credit note cannot be told from a payment without one; map openItems.columns.ledger.document_type to read them apart',
         'ledger', null, null, null, count(*), null
  from stg_ledger_lines
  where item_kind = 'payment' and document_kind is null
  group by source_file
  union all
  select source_file, min(line), 'info',
         count(*) || ' debit lines that are not sales documents (refunds, payments or write-offs reversed) read as debit items: each is owed like an invoice and counted with the invoices',
         'ledger', null, null, null, count(*), null
  from stg_ledger_lines
  where item_kind = 'invoice' and document_kind in ('payment', 'writeoff', 'refund')
  group by source_file
),

-- An open-balance snapshot's lines: unusable ones, dropped values, the documents it shows
-- settled in full (not open items), and, once per run, what a snapshot cannot tell without the
-- snapshots before it (payment dates: DSO, days to pay, scores and backtests need them).
snapshot_rejected as (
  select source_file, line, 'error', reject_reason, 'snapshot', coalesce(document_id, client_id), null, null, null, null
  from stg_snapshot_lines
  where reject_reason is not null
),

snapshot_warned as (
  select source_file, line, 'warning', warning, 'snapshot', document_id, null, null, null, null
  from stg_snapshot_lines
  where reject_reason is null and warning is not null
),

snapshot_readings as (
  select source_file, min(line), 'info',
         count(*) || ' documents owe nothing at the snapshot (settled in full): not open items; kept in the snapshots to tell when they were settled',
         'snapshot', null, null, null, count(*), null
  from stg_snapshot_lines
  where is_settled
  group by source_file
  union all
  select null, null, 'info',
         'open-balance snapshot: ageing, receivables, overdue, the worklist, letters and statements are right at '
           || strftime(max(snapshot_date), '%Y-%m-%d') || '; DSO, days to pay, scores and backtests need payment history, which a snapshot does not hold: '
           || case when count(distinct snapshot_date) = 1 then 'this is the first snapshot kept'
                   else count(distinct snapshot_date) || ' snapshots kept since ' || strftime(min(snapshot_date), '%Y-%m-%d') || ', their settlements in snapshot_settlements' end,
         'snapshot', null, null, 'snapshot_needs_history', count(distinct snapshot_date), strftime(min(snapshot_date), '%Y-%m-%d')
  from snapshots
  having count(*) > 0
),

-- A documents export that gives each invoice's balance beside a payments file: the balance it
-- says against the open amount the payments leave, each difference a warning with both figures.
balance_differences as (
  select given.source_file, given.line, 'warning',
         'the export says invoice ' || given.invoice_id || ' still owes ' || coalesce(given.given_open_amount::varchar, '''' || given.given_open_text || '''')
           || ', and its amount less its payments and credit notes leaves ' || invoices.open_amount || ' open at ' || strftime(getvariable('as_of_date'), '%Y-%m-%d')
           || ': a payment or a credit note missing from the exports, or dated after the export''s balance',
         'invoices', given.invoice_id, null, null, null, null
  from stg_invoice_balances as given
  join invoices on invoices.invoice_id = given.invoice_id and invoices.client_id = given.client_id
  -- A credit note's balance is written with either sign.
  where case when invoices.kind = 'credit_note' then abs(given.given_open_amount) is distinct from abs(invoices.open_amount)
             else given.given_open_amount is distinct from invoices.open_amount end
),

unknown_invoice_references as (
  select source_file, line, 'warning',
         source_kind || ' names invoice ' || named_invoice_id || ', which is not an invoice of client ' || client_id || '; matched oldest due first instead',
         source_kind, source_id, null, null, null, null
  from int_credits
  where named_invoice_id is not null and invoice_ref is null
),

-- A write-off reversal matched to no write-off, or cancelling more than its write-off has left
-- (int_writeoff_reversals): not loaded, so it neither writes off more nor reinstates a receivable.
writeoff_reversals_rejected as (
  select source_file, line, 'error',
         case problem
           when 'unmatched' then 'write-off reversal of ' || amount || ' matches no earlier write-off of client ' || client_id
                                 || ' (same invoice, lettering or PieceRef); not loaded: what was written off stays written off'
           else 'write-off reversal of ' || amount || ' cancels more than write-off ' || reverses_writeoff_id || ' has left; not loaded'
         end,
         'writeoffs', reversal_id, null, 'writeoff_reversal_' || problem, null,
         case problem when 'unmatched' then client_id else reverses_writeoff_id end
  from int_writeoff_reversals
  where problem is not null
),

-- A promise to pay logged on invoices already settled that day is a slip in the log, not a promise
-- to watch: it raises no alert and is named here on its line of the actions file.
promises_on_settled_invoices as (
  select source_file, line, 'warning',
         'promise to pay logged on ' || action_date || ' covers invoices already settled that day'
           || case when len(invoice_ids) > 0 then ' (' || array_to_string(invoice_ids, ', ') || ')' else ' (nothing was open)' end || '; not watched',
         'actions', client_id, null, 'promise_on_settled_invoices', null, strftime(action_date, '%Y-%m-%d')
  from int_promises
  where status = 'already_settled'
),

-- A client the clients file does not list is worth a warning each; with no clients file at all
-- every client is, and one line says so instead of one per client.
unlisted_client_ids as (
  select client_id, first(source_file order by source_file, line) as source_file, first(line order by source_file, line) as line
  from (select client_id, source_file, line from int_invoices union all select client_id, source_file, line from int_credits)
  where client_id not in (select client_id from stg_clients where reject_reason is null)
  group by client_id
),

unlisted_clients as (
  select source_file, line, 'warning', 'client ' || client_id || ' is not in the clients file; shown under its id', 'clients', client_id, null,
         'client_not_listed', null, client_id
  from unlisted_client_ids
  where exists (select 1 from raw_clients)
),

no_clients_file as (
  select null, null, 'info',
         'no clients file: the ' || count(*) || ' clients are shown under their ids, with the default payment terms (' || getvariable('default_terms_days') || ' days)',
         'clients', null, null, 'no_clients_file', count(*), getvariable('default_terms_days')::varchar
  from unlisted_client_ids
  having count(*) > 0 and not exists (select 1 from raw_clients)
),

-- The ECB rate table must cover every half-year of late days; the run says so rather than guess,
-- and says which end of the table is short.
missing_rates as (
  select 'data/reference/ecb_rates.csv', null, 'warning',
         'late-payment penalties: ' || sum(days_without_rate - days_before_rate_table) || ' days late after the last half-year of the ECB rate table were not priced; add the missing half-years',
         'penalties', null, null, 'ecb_rates_missing', sum(days_without_rate - days_before_rate_table), null
  from penalties
  having sum(days_without_rate - days_before_rate_table) > 0
),

rates_start_too_late as (
  select 'data/reference/ecb_rates.csv', null, 'warning',
         'late-payment penalties: ' || sum(days_before_rate_table) || ' days late before the first half-year of the ECB rate table were not priced; add the earlier half-years',
         'penalties', null, null, 'ecb_rates_start_late', sum(days_before_rate_table), null
  from penalties
  having sum(days_before_rate_table) > 0
),

-- A dispute the collections log keeps open although none of its invoices is open any more: not
-- an open dispute (disputed_invoices), but the log should say it is closed.
settled_disputes as (
  select null, null, 'info',
         'dispute ' || dispute_id || ' is open in the collections log but its invoices are settled: it is not counted as open; close it in the log',
         'actions', client_id, null, 'dispute_settled', null, dispute_id
  from disputes
  where status = 'settled'
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
  union all select * from fec_unbalanced
  union all select * from fec_superseded_openings
  union all select * from fec_open_letter_groups
  union all select * from ledger_rejected
  union all select * from ledger_warned
  union all select * from ledger_readings
  union all select * from snapshot_rejected
  union all select * from snapshot_warned
  union all select * from snapshot_readings
  union all select * from balance_differences
  union all select * from settled_disputes
)

select source_file, line::integer as line, severity, reason, input, record_id, raw_line,
       reason_code, reason_number::bigint as reason_number, reason_ref
from final
order by severity, source_file, line
