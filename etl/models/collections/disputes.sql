-- One row per dispute in the collections log, open or closed, with its age at the as-of date:
-- days open = (closed date, else the as-of date) − opened date; disputed amount = the open amount
-- of its invoices at the as-of date (every invoice of the client for a dispute naming none); age
-- band by days open (int_dispute_age_bands, from the ageing bounds: 0-30, 31-60, 61-90, >90 by
-- default). A dispute the log keeps open although none of its invoices is open any more is
-- 'settled': not an open dispute (disputed_invoices), and the quality report asks to close it.
-- source says where it was recorded: the collections log, or the e-invoicing platform (a status
-- 207 En litige or 210 Refusée; see int_disputes).
-- A roll-up of `invoices`.
with disputes as (
  select *, (coalesce(closed_date, getvariable('as_of_date')) - opened_date)::integer as days_open from int_disputes
),

bands as (
  select * from int_dispute_age_bands
),

banded as (
  -- The first band whose last day is at or beyond the days open (the last band has none).
  select disputes.dispute_id, arg_min(bands.age_band, bands.band_order) as age_band
  from disputes
  join bands on disputes.days_open <= coalesce(bands.max_days, disputes.days_open)
  group by disputes.dispute_id
),

amounts as (
  select disputes.dispute_id, count(invoices.invoice_id)::integer as invoice_count,
         coalesce(sum(invoices.open_amount), 0)::decimal(18, 2) as disputed_amount
  from disputes
  left join invoices
    on invoices.client_id = disputes.client_id and invoices.kind = 'invoice'
   and (list_contains(disputes.invoice_ids, invoices.invoice_number) or len(disputes.invoice_ids) = 0)
  group by disputes.dispute_id
),

final as (
  select
    disputes.dispute_id,
    disputes.client_id,
    disputes.reason,
    disputes.owner,
    case when disputes.status = 'open' and amounts.disputed_amount <= 0 then 'settled' else disputes.status end as status,
    disputes.opened_date,
    disputes.closed_date,
    disputes.days_open,
    banded.age_band,
    array_to_string(disputes.invoice_ids, ',') as invoice_ids,
    amounts.invoice_count,
    amounts.disputed_amount,
    disputes.source
  from disputes
  join amounts using (dispute_id)
  join banded using (dispute_id)
)

select * from final
order by status desc, days_open desc, dispute_id
