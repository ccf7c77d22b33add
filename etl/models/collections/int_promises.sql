-- One row per promise to pay in the collections log, with its state at the as-of date, judged by
-- the ledger. A promise covers the invoices it names, else the client's invoices open on the day
-- it was made. Received = the allocations of payments to those invoices dated from the day the
-- promise was made to its date. Status: 'already_settled' when what it covers was settled on the
-- day it was logged (nothing to watch: a warning about the log in quality, never an alert);
-- 'superseded' when the client made a newer promise before its date (the newer one counts);
-- 'kept' when what it covers is settled by its date — whoever paid: a payment, a credit note, an
-- earlier payment — or received reaches the promised amount; 'pending' while the as-of date is on
-- or before its date; 'broken' after it, an amount it covers still open on its date (the schedule
-- resumes the next day).
with promises as (
  select action_id, source_file, line, client_id, action_date, promise_date, promise_amount, invoice_ids, author
  from int_actions
  where kind = 'promise'
),

candidates as (
  select promises.action_id, len(promises.invoice_ids) > 0 as names_invoices, invoices.invoice_id, invoices.amount
  from promises
  join int_invoices as invoices
    on invoices.client_id = promises.client_id
   and invoices.kind = 'invoice'
   and (list_contains(promises.invoice_ids, invoices.invoice_number)
        or (len(promises.invoice_ids) = 0 and invoices.issue_date <= promises.action_date))
),

-- Each candidate invoice's open amount on the day the promise was made, on its date (or the as-of
-- date while it is pending) and at the as-of date, from the allocations dated up to each day.
candidate_balances as (
  select
    candidates.action_id,
    candidates.names_invoices,
    candidates.invoice_id,
    candidates.amount - coalesce(sum(allocations.amount) filter (where allocations.allocation_date <= promises.action_date), 0) as open_at_logging,
    candidates.amount - coalesce(sum(allocations.amount) filter (where allocations.allocation_date <= least(promises.promise_date, getvariable('as_of_date'))), 0) as open_at_promise_date,
    candidates.amount - coalesce(sum(allocations.amount), 0) as open_at_as_of,
    coalesce(sum(allocations.amount) filter (where allocations.source_kind = 'payment'
      and allocations.allocation_date between promises.action_date and least(promises.promise_date, getvariable('as_of_date'))), 0) as received
  from candidates
  join promises using (action_id)
  left join int_allocations as allocations
    on allocations.invoice_id = candidates.invoice_id
   and allocations.allocation_date <= getvariable('as_of_date')
  group by candidates.action_id, candidates.names_invoices, candidates.invoice_id, candidates.amount
),

-- A promise that names no invoice covers what the client owed that day, not every invoice it ever had.
covered as (
  select *
  from candidate_balances
  where names_invoices or open_at_logging > 0
),

covered_totals as (
  select
    action_id,
    list(invoice_id order by invoice_id) as invoice_ids,
    sum(open_at_logging) as open_at_logging,
    sum(open_at_promise_date) as open_at_promise_date,
    sum(open_at_as_of) as open_at_as_of,
    sum(received) as received
  from covered
  group by action_id
),

final as (
  select
    promises.action_id,
    promises.source_file,
    promises.line,
    promises.client_id,
    promises.action_date,
    promises.promise_date,
    promises.promise_amount,
    coalesce(totals.received, 0)::decimal(18, 2) as received_amount,
    coalesce(totals.open_at_logging, 0)::decimal(18, 2) as logged_open_amount,
    coalesce(totals.open_at_as_of, 0)::decimal(18, 2) as open_amount,
    coalesce(totals.invoice_ids, []::varchar[]) as invoice_ids,
    promises.author,
    case
      when coalesce(totals.open_at_logging, 0) <= 0 then 'already_settled'
      when exists (select 1 from promises as newer
                   where newer.client_id = promises.client_id and newer.action_date <= promises.promise_date
                     and (newer.action_date, newer.action_id) > (promises.action_date, promises.action_id)) then 'superseded'
      when totals.open_at_promise_date <= 0 or totals.received >= promises.promise_amount then 'kept'
      when getvariable('as_of_date') <= promises.promise_date then 'pending'
      else 'broken'
    end as status
  from promises
  left join covered_totals as totals using (action_id)
)

select * from final
