-- One row per credit item that names an invoice: the part of it that settles that invoice. Items
-- are applied in date order (credit notes, then payments, then write-offs on the same day) and
-- never beyond the invoice amount; what is left of the item goes to the oldest-due-first pass.
with referenced as (
  select credits.source_id, credits.source_kind, credits.client_id, credits.credit_date,
         credits.amount, credits.invoice_ref, invoices.amount as invoice_amount, invoices.issue_date
  from int_credits as credits
  join int_invoices as invoices on invoices.invoice_id = credits.invoice_ref
),

ordered as (
  select
    *,
    coalesce(sum(amount) over (
      partition by invoice_ref
      order by credit_date, source_kind, source_id
      rows between unbounded preceding and 1 preceding
    ), 0) as settled_before
  from referenced
),

final as (
  select
    invoice_ref as invoice_id,
    source_id,
    source_kind,
    client_id,
    -- Cash received before the invoice existed settles it on its issue date.
    greatest(credit_date, issue_date) as allocation_date,
    least(amount, invoice_amount - settled_before)::decimal(18, 2) as amount,
    'reference' as method
  from ordered
  where settled_before < invoice_amount
)

select * from final
