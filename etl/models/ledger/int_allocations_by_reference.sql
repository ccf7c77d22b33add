-- One row per credit item that names an invoice and per instalment of it that the item settles:
-- the part of it that settles that instalment (an invoice with one due date is one instalment). Items
-- are applied in date order (credit notes, then payments, then write-offs on the same day), the
-- instalments of the invoice they name settled earliest due first, never beyond the invoice
-- amount: both are queued within the client's invoice number and each pair gets the overlap of
-- their running totals. What is left of the item goes to the oldest-due-first pass.
with credits as (
  select source_id, source_kind, client_id, credit_date, amount, invoice_ref,
         sum(amount) over (partition by client_id, invoice_ref order by credit_date, source_kind, source_id rows unbounded preceding) as queue_end
  from int_credits
  where invoice_ref is not null
),

instalments as (
  select invoice_id, client_id, invoice_number, issue_date, amount,
         sum(amount) over (partition by client_id, invoice_number order by due_date, invoice_id rows unbounded preceding) as queue_end
  from int_invoices
  where kind = 'invoice'
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
  from credits
  join instalments
    on instalments.client_id = credits.client_id
   and instalments.invoice_number = credits.invoice_ref
   and queues_overlap(instalments.queue_end, instalments.amount, credits.queue_end, credits.amount)
)

select * from final
