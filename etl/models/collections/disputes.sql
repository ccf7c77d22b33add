-- One row per dispute in the collections log, open or closed, with its age at the as-of date:
-- days open = (closed date, else the as-of date) − opened date; disputed amount = the open amount
-- of its invoices at the as-of date; age band by days open (0-30, 31-60, 61-90, >90).
with disputes as (
  select * from int_disputes
),

amounts as (
  select disputes.dispute_id, count(invoices.invoice_id)::integer as invoice_count,
         coalesce(sum(invoices.open_amount), 0)::decimal(18, 2) as disputed_amount
  from disputes
  left join invoices on list_contains(disputes.invoice_ids, invoices.invoice_id) and invoices.client_id = disputes.client_id
  group by disputes.dispute_id
),

final as (
  select
    disputes.dispute_id,
    disputes.client_id,
    disputes.reason,
    disputes.owner,
    disputes.status,
    disputes.opened_date,
    disputes.closed_date,
    (coalesce(disputes.closed_date, getvariable('as_of_date')) - disputes.opened_date)::integer as days_open,
    case when coalesce(disputes.closed_date, getvariable('as_of_date')) - disputes.opened_date <= 30 then '0-30'
         when coalesce(disputes.closed_date, getvariable('as_of_date')) - disputes.opened_date <= 60 then '31-60'
         when coalesce(disputes.closed_date, getvariable('as_of_date')) - disputes.opened_date <= 90 then '61-90'
         else '>90' end as age_band,
    array_to_string(disputes.invoice_ids, ',') as invoice_ids,
    amounts.invoice_count,
    amounts.disputed_amount
  from disputes
  join amounts using (dispute_id)
)

select * from final
order by status desc, days_open desc, dispute_id
