-- One row per problem found in the inputs: a rejected line (severity 'error', not loaded), a
-- value dropped or a reference not honoured on a kept line ('warning'), or a line left out
-- because it is dated after the as-of date ('info'). Nothing is dropped without a row here.
-- The reasons this model words itself also carry a code and its parts (reason_code,
-- reason_number, reason_ref), which the site words in its language; the readers' and staging's
-- reasons have no code yet and are shown as written.
with unreadable_lines as (
  select source_file, line, 'error' as severity, reason, 'csv' as input, null::varchar as record_id, raw_line,
         null::varchar as reason_code, null::bigint as reason_number, null::varchar as reason_ref
  from raw_rejects
),

staged as (
  select source_file, line, 'clients' as input, client_id as record_id, reject_reason, warning, null::date as record_date from stg_clients
  union all
  select source_file, line, 'invoices', invoice_id, reject_reason, warning, issue_date from stg_invoices
  union all
  select source_file, line, 'payments', payment_id, reject_reason, warning, payment_date from stg_payments
  union all
  select source_file, line, 'writeoffs', writeoff_id, reject_reason, warning, writeoff_date from stg_writeoffs
),

rejected as (
  select source_file, line, 'error', reject_reason, input, record_id, null, null, null, null from staged where reject_reason is not null
),

warned as (
  select source_file, line, 'warning', warning, input, record_id, null, null, null, null from staged where reject_reason is null and warning is not null
),

after_as_of as (
  select source_file, line, 'info', 'dated after the as-of date ' || getvariable('as_of_date') || '; left out of this run', input, record_id, null,
         'after_as_of', null, strftime(getvariable('as_of_date'), '%Y-%m-%d')
  from staged
  where reject_reason is null and record_date > getvariable('as_of_date')
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

unknown_invoice_references as (
  select source_file, line, 'warning',
         source_kind || ' names invoice ' || named_invoice_id || ', which is not an invoice of client ' || client_id || '; matched oldest due first instead',
         source_kind, source_id, null, null, null, null
  from int_credits
  where named_invoice_id is not null and invoice_ref is null
),

unlisted_clients as (
  select first(source_file order by source_file, line), first(line order by source_file, line), 'warning',
         'client ' || client_id || ' is not in the clients file; shown under its id', 'clients', client_id, null,
         'client_not_listed', null, client_id
  from (select client_id, source_file, line from int_invoices union all select client_id, source_file, line from int_credits)
  where client_id not in (select client_id from stg_clients where reject_reason is null)
  group by client_id
),

-- The ECB rate table must cover every half-year of late days; the run says so rather than guess.
missing_rates as (
  select 'data/reference/ecb_rates.csv', null, 'warning',
         'late-payment penalties: ' || sum(days_without_rate) || ' days late after the last half-year of the ECB rate table were not priced; add the missing half-years',
         'penalties', null, null, 'ecb_rates_missing', sum(days_without_rate), null
  from penalties
  having sum(days_without_rate) > 0
),

final as (
  select * from unreadable_lines
  union all select * from missing_rates
  union all select * from rejected
  union all select * from warned
  union all select * from after_as_of
  union all select * from unknown_invoice_references
  union all select * from unlisted_clients
  union all select * from fec_rejected
  union all select * from fec_unbalanced
  union all select * from fec_superseded_openings
)

select source_file, line::integer as line, severity, reason, input, record_id, raw_line,
       reason_code, reason_number::bigint as reason_number, reason_ref
from final
order by severity, source_file, line
