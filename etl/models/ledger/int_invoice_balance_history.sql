-- One row per invoice (or credit note) and span of days over which its open amount did not
-- change: open_amount holds from valid_from (included) to valid_to (excluded, NULL = still).
-- Ageing at any past date reads this, so it follows the allocations dated up to that date.
with movements as (
  select invoice_id, issue_date as movement_date, amount as change
  from int_invoices
  union all
  -- an allocation lowers the invoice it settles...
  select invoice_id, allocation_date, -amount
  from int_allocations
  union all
  -- ...and uses up the credit note it came from (whose open amount is negative).
  select source_id, allocation_date, amount
  from int_allocations
  where source_kind = 'credit_note'
),

daily as (
  select invoice_id, movement_date, sum(change) as change
  from movements
  group by all
),

final as (
  select
    invoice_id,
    movement_date as valid_from,
    lead(movement_date) over (partition by invoice_id order by movement_date) as valid_to,
    sum(change) over (partition by invoice_id order by movement_date rows unbounded preceding)::decimal(18, 2) as open_amount
  from daily
)

select * from final
