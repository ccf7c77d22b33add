-- One row per settlement of an invoice by a payment, credit note or write-off. Named references
-- are applied first, then a FEC's lettering groups; what remains is matched oldest due first
-- within the client: both sides are queued (invoices by due date, credits by date) and each pair
-- gets the overlap of their running totals. A credit left over after the three passes is the
-- client's unapplied credit balance.
with matched as (
  select * from int_allocations_by_reference
  union all
  select * from int_allocations_by_letter
),

allocated_to_invoice as (
  select invoice_id, sum(amount) as allocated
  from matched
  group by invoice_id
),

allocated_from_credit as (
  select source_id, source_kind, sum(amount) as allocated
  from matched
  group by source_id, source_kind
),

invoice_remaining as (
  select invoices.invoice_id, invoices.client_id, invoices.issue_date, invoices.due_date,
         invoices.amount - coalesce(allocated_to_invoice.allocated, 0) as remaining
  from int_invoices as invoices
  left join allocated_to_invoice using (invoice_id)
  where invoices.kind = 'invoice'
),

credit_remaining as (
  select credits.source_id, credits.source_kind, credits.client_id, credits.credit_date,
         credits.amount - coalesce(allocated_from_credit.allocated, 0) as remaining
  from int_credits as credits
  left join allocated_from_credit using (source_id, source_kind)
),

invoice_queue as (
  select *, sum(remaining) over (partition by client_id order by due_date, issue_date, invoice_id rows unbounded preceding) as queue_end
  from invoice_remaining
  where remaining > 0
),

credit_queue as (
  select *, sum(remaining) over (partition by client_id order by credit_date, source_kind, source_id rows unbounded preceding) as queue_end
  from credit_remaining
  where remaining > 0
),

oldest_due_first as (
  select
    invoices.invoice_id,
    credits.source_id,
    credits.source_kind,
    credits.client_id,
    greatest(credits.credit_date, invoices.issue_date) as allocation_date,
    queue_overlap_amount(invoices.queue_end, invoices.remaining, credits.queue_end, credits.remaining) as amount,
    'oldest_due_first' as method
  from invoice_queue as invoices
  join credit_queue as credits
    on credits.client_id = invoices.client_id
   and queues_overlap(invoices.queue_end, invoices.remaining, credits.queue_end, credits.remaining)
),

final as (
  select * from matched
  union all
  select * from oldest_due_first
)

select * from final
