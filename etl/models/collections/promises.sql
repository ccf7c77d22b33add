-- One row per promise to pay of the collections log with its state at the as-of date, judged by
-- the ledger: kept (what it covers settled by its date, whoever paid, or payments allocated to its
-- invoices from the day it was made to its date reach the amount), pending (its date not passed),
-- broken (passed with an amount it covers still open on its date: the schedule resumed the next
-- day), superseded (a newer promise of the client made before its date replaced it),
-- already_settled (what it covers was settled the day it was logged: a warning in quality).
with final as (
  select action_id, client_id, action_date, promise_date, promise_amount, received_amount, open_amount,
         array_to_string(invoice_ids, ',') as invoice_ids, author, status
  from int_promises
)

select * from final
order by client_id, action_date desc, action_id
