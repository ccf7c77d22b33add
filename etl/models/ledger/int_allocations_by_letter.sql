-- One row per part of a credit item that settles an invoice of its lettering group: a FEC's
-- lines of one client that share a lettering code (EcritureLet) within a fiscal year settle each
-- other (int_fec_letter_groups: many packages use AA again each year), and so do a customer
-- ledger's lines of one client that share a lettering or clearing code. Within a
-- group, what named references left open is matched as in the oldest-due-first pass: invoices by
-- due date, credits by date, each pair getting the overlap of their running totals. The
-- settlement is dated by the credit line's DateLet — its own date where DateLet is empty or after
-- the as-of date — and never before either line. What a group does not net (partial lettering, a
-- group spanning a year not loaded) goes on to the oldest-due-first pass.
with by_reference as (
  select * from int_allocations_by_reference
),

-- A customer ledger's lettering or clearing codes (document and date) belong to a client, with no
-- fiscal year in the export to scope them: one group per client and code (group_year 0).
letter_groups as (
  select source_file, line, letter_code, group_year from int_fec_letter_groups
  union all
  select source_file, line, letter_code, 0 from int_ledger_lines where letter_code is not null and item_kind is not null
),

-- The invoices and credits in a lettering group, and what named references allocated to them:
-- summed over their references only. Summing every reference, as if every item were lettered,
-- cost 1.9 s of CPU at 1M invoices of an open-items export, which has no lettering at all.
lettered_invoices as (
  select invoices.invoice_id, invoices.client_id, letter_groups.letter_code, letter_groups.group_year, invoices.issue_date,
         invoices.due_date, invoices.amount
  from int_invoices as invoices
  join letter_groups using (source_file, line)
  where invoices.kind = 'invoice'
),

invoice_remaining as (
  select lettered_invoices.invoice_id, lettered_invoices.client_id, lettered_invoices.letter_code, lettered_invoices.group_year,
         lettered_invoices.issue_date, lettered_invoices.due_date,
         lettered_invoices.amount - coalesce(referenced.allocated, 0) as remaining
  from lettered_invoices
  left join (
    select invoice_id, sum(amount) as allocated
    from by_reference
    semi join lettered_invoices using (invoice_id)
    group by invoice_id
  ) as referenced using (invoice_id)
),

lettered_credits as (
  select credits.source_id, credits.source_kind, credits.client_id, letter_groups.letter_code, letter_groups.group_year,
         credits.credit_date, credits.letter_date, credits.amount
  from int_credits as credits
  join letter_groups using (source_file, line)
),

credit_remaining as (
  select lettered_credits.source_id, lettered_credits.source_kind, lettered_credits.client_id, lettered_credits.letter_code,
         lettered_credits.group_year, lettered_credits.credit_date,
         case when lettered_credits.letter_date <= getvariable('as_of_date') then lettered_credits.letter_date end as letter_date,
         lettered_credits.amount - coalesce(referenced.allocated, 0) as remaining
  from lettered_credits
  left join (
    select source_id, source_kind, sum(amount) as allocated
    from by_reference
    semi join lettered_credits using (source_id, source_kind)
    group by source_id, source_kind
  ) as referenced using (source_id, source_kind)
),

invoice_queue as (
  select *, sum(remaining) over (partition by client_id, letter_code, group_year order by due_date, issue_date, invoice_id rows unbounded preceding) as queue_end
  from invoice_remaining
  where remaining > 0
),

credit_queue as (
  select *, sum(remaining) over (partition by client_id, letter_code, group_year order by credit_date, source_kind, source_id rows unbounded preceding) as queue_end
  from credit_remaining
  where remaining > 0
),

final as (
  select
    invoices.invoice_id,
    credits.source_id,
    credits.source_kind,
    credits.client_id,
    greatest(coalesce(credits.letter_date, credits.credit_date), credits.credit_date, invoices.issue_date) as allocation_date,
    queue_overlap_amount(invoices.queue_end, invoices.remaining, credits.queue_end, credits.remaining) as amount,
    'lettering' as method
  from invoice_queue as invoices
  join credit_queue as credits
    on credits.client_id = invoices.client_id
   and credits.letter_code = invoices.letter_code
   and credits.group_year = invoices.group_year
   and queues_overlap(invoices.queue_end, invoices.remaining, credits.queue_end, credits.remaining)
)

select * from final
