-- One row per document settled between two consecutive snapshots kept (snapshots): an invoice
-- that owed more at the earlier snapshot than at the later one, or that the later one no longer
-- lists. settled_amount is what it owed then less what it owes now (all of it when gone); the
-- settlement is dated only by the two snapshots: on or before snapshot_date, after
-- previous_snapshot_date. A document that disappeared may have been paid, credited or written off:
-- a snapshot does not tell which (how = 'disappeared'). Credit notes are not listed.
-- A roll-up of `snapshots`.
with dates as (
  select distinct snapshot_date from snapshots
),

pairs as (
  select snapshot_date as previous_snapshot_date, lead(snapshot_date) over (order by snapshot_date) as snapshot_date
  from dates
),

owed_before as (
  select pairs.previous_snapshot_date, pairs.snapshot_date, before.client_id, before.invoice_id, before.due_date,
         before.open_amount as previous_open_amount
  from pairs
  join snapshots as before on before.snapshot_date = pairs.previous_snapshot_date
  where pairs.snapshot_date is not null and before.kind = 'invoice' and before.open_amount > 0
),

compared as (
  select owed_before.*, after.invoice_id is null as is_gone, coalesce(after.open_amount, 0) as open_amount
  from owed_before
  left join snapshots as after
    on after.snapshot_date = owed_before.snapshot_date
   and after.client_id = owed_before.client_id
   and after.invoice_id = owed_before.invoice_id
),

final as (
  select
    client_id,
    invoice_id,
    previous_snapshot_date,
    snapshot_date,
    due_date,
    previous_open_amount,
    greatest(open_amount, 0)::decimal(18, 2) as open_amount,
    (previous_open_amount - greatest(open_amount, 0))::decimal(18, 2) as settled_amount,
    case when is_gone then 'disappeared' when open_amount <= 0 then 'settled_in_full' else 'partly_settled' end as how
  from compared
  where open_amount < previous_open_amount
)

select * from final
order by snapshot_date, client_id, invoice_id
