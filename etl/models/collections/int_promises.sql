-- One row per promise to pay in the collections log, with its state at the as-of date. A promise
-- covers the invoices it names, else every invoice of the client issued by the day it was made.
-- Received = the allocations of payments to those invoices dated from the day the promise was
-- made to its date. Status: 'kept' when received reaches the promised amount; 'pending' while
-- the as-of date is on or before its date; 'broken' after it (the schedule resumes the next day);
-- 'superseded' when the client made a newer promise before its date (the newer one counts).
with promises as (
  select action_id, client_id, action_date, promise_date, promise_amount, invoice_ids, author
  from int_actions
  where kind = 'promise'
),

covered as (
  select promises.action_id, invoices.invoice_id
  from promises
  join int_invoices as invoices
    on invoices.client_id = promises.client_id
   and invoices.kind = 'invoice'
   and (list_contains(promises.invoice_ids, invoices.invoice_id)
        or (len(promises.invoice_ids) = 0 and invoices.issue_date <= promises.action_date))
),

received as (
  select covered.action_id, sum(allocations.amount) as received_amount
  from covered
  join promises using (action_id)
  join int_allocations as allocations
    on allocations.invoice_id = covered.invoice_id
   and allocations.source_kind = 'payment'
   and allocations.allocation_date between promises.action_date and least(promises.promise_date, getvariable('as_of_date'))
  group by covered.action_id
),

final as (
  select
    promises.action_id,
    promises.client_id,
    promises.action_date,
    promises.promise_date,
    promises.promise_amount,
    coalesce(received.received_amount, 0)::decimal(18, 2) as received_amount,
    (select list(invoice_id order by invoice_id) from covered where covered.action_id = promises.action_id) as invoice_ids,
    promises.author,
    case
      when exists (select 1 from promises as newer
                   where newer.client_id = promises.client_id and newer.action_date <= promises.promise_date
                     and (newer.action_date, newer.action_id) > (promises.action_date, promises.action_id)) then 'superseded'
      when coalesce(received.received_amount, 0) >= promises.promise_amount then 'kept'
      when getvariable('as_of_date') <= promises.promise_date then 'pending'
      else 'broken'
    end as status
  from promises
  left join received using (action_id)
)

select * from final
