-- One row per invoice in dispute at the as-of date: the one notion of "in dispute" (DESIGN.md),
-- read by the dunning pause, the worklist, the clients' disputed amounts, the client page's badges
-- and disputes by reason. An invoice is in dispute when it is still open and the export flags it
-- as disputed (invoices.is_disputed), or an open dispute of the collections log covers it (the
-- invoices it names; every open invoice of the client when it names none) — the log's, or the
-- e-invoicing platform's (a status 207 En litige or 210 Refusée, see int_disputes). An invoice settled
-- since is in dispute no more, whatever the log still says: that dispute is 'settled' in
-- `disputes` and the quality report asks for it to be closed. When several open disputes of the
-- log cover an invoice, the oldest gives its dispute, reason and opening date.
-- A roll-up of `invoices`.
with log_open as (
  select dispute_id, client_id, reason, opened_date, invoice_ids from int_disputes where status = 'open'
),

covered as (
  select log_open.dispute_id, log_open.reason, log_open.opened_date, invoices.client_id, invoices.invoice_id
  from log_open
  join invoices
    on invoices.client_id = log_open.client_id
   and (list_contains(log_open.invoice_ids, invoices.invoice_number) or len(log_open.invoice_ids) = 0)
  where invoices.kind = 'invoice' and invoices.open_amount > 0
),

by_invoice as (
  select client_id, invoice_id,
         arg_min(dispute_id, (opened_date, dispute_id)) as dispute_id,
         arg_min(reason, (opened_date, dispute_id)) as reason,
         min(opened_date) as opened_date
  from covered
  group by client_id, invoice_id
),

final as (
  select
    invoices.client_id,
    invoices.invoice_id,
    invoices.due_date,
    invoices.open_amount,
    invoices.is_disputed as is_flagged_in_export,
    by_invoice.dispute_id is not null as is_open_in_log,
    by_invoice.dispute_id,
    by_invoice.reason,
    by_invoice.opened_date
  from invoices
  left join by_invoice using (client_id, invoice_id)
  where invoices.kind = 'invoice' and invoices.open_amount > 0 and (invoices.is_disputed or by_invoice.invoice_id is not null)
)

select * from final
order by client_id, invoice_id
