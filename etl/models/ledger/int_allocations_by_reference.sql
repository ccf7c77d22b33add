-- One row per credit item that names an invoice and per instalment of it that the item settles:
-- the part of it that settles that instalment (an invoice with one due date is one instalment). Items
-- are applied in date order (credit notes, then payments, then write-offs on the same day), the
-- instalments of the invoice they name settled earliest due first, never beyond the invoice
-- amount: both are queued within the client's invoice number and each pair gets the overlap of
-- their running totals. What is left of the item goes to the oldest-due-first pass.
-- A queue of one item ends at its amount: most invoice numbers are named by one credit and have
-- one instalment, so the running totals are summed only over the queues of several items, found
-- by grouping. At 1M invoices, where every queue is of one item, the two windows over every
-- credit and every invoice were the model's costliest steps (with them it took 1.8 times as
-- long). Not materialized: each use reads its own columns of the table.
with credits as not materialized (
  select source_id, source_kind, client_id, credit_date, amount, invoice_ref
  from int_credits
  where invoice_ref is not null
),

shared_refs as (
  select client_id, invoice_ref
  from credits
  group by client_id, invoice_ref
  having count(*) > 1
),

credit_queues as (
  select *, amount::decimal(38, 2) as queue_end
  from credits
  anti join shared_refs using (client_id, invoice_ref)
  union all
  select *, sum(amount) over (partition by client_id, invoice_ref order by credit_date, source_kind, source_id rows unbounded preceding) as queue_end
  from credits
  semi join shared_refs using (client_id, invoice_ref)
),

invoice_lines as not materialized (
  select invoice_id, client_id, invoice_number, issue_date, due_date, amount
  from int_invoices
  where kind = 'invoice'
),

scheduled as (
  select client_id, invoice_number
  from invoice_lines
  group by client_id, invoice_number
  having count(*) > 1
),

instalments as (
  select invoice_id, client_id, invoice_number, issue_date, amount, amount::decimal(38, 2) as queue_end
  from invoice_lines
  anti join scheduled using (client_id, invoice_number)
  union all
  select invoice_id, client_id, invoice_number, issue_date, amount,
         sum(amount) over (partition by client_id, invoice_number order by due_date, invoice_id rows unbounded preceding) as queue_end
  from invoice_lines
  semi join scheduled using (client_id, invoice_number)
),

final as (
  select
    instalments.invoice_id,
    credits.source_id,
    credits.source_kind,
    credits.client_id,
    -- Cash received before the invoice existed settles it on its issue date.
    greatest(credits.credit_date, instalments.issue_date) as allocation_date,
    queue_overlap_amount(instalments.queue_end, instalments.amount, credits.queue_end, credits.amount) as amount,
    'reference' as method
  from credit_queues as credits
  join instalments
    on instalments.client_id = credits.client_id
   and instalments.invoice_number = credits.invoice_ref
   and queues_overlap(instalments.queue_end, instalments.amount, credits.queue_end, credits.amount)
)

select * from final
