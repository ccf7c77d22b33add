-- One row per promise to pay of the collections log with its state at the as-of date: kept
-- (payments allocated to its invoices from the day it was made to its date reach the amount),
-- pending (its date not passed), broken (passed and not kept: the schedule resumed the next
-- day), superseded (a newer promise of the client made before its date replaced it).
with final as (
  select action_id, client_id, action_date, promise_date, promise_amount, received_amount,
         array_to_string(invoice_ids, ',') as invoice_ids, author, status
  from int_promises
)

select * from final
order by client_id, action_date desc, action_id
