-- One row per invoice or credit note issued on or before the as-of date, with its state at that
-- date. Open amount = amount − allocations dated ≤ as-of (a credit note's open amount is the
-- negative part not yet applied). Days past due = as-of − due date, for an invoice still open.
-- Expected payment date of an open invoice = due date + the client's expected days late, or the
-- day after the as-of date when that date has already passed (the cash forecast's date).
-- An invoice with several due dates is one row per instalment (invoice_id number/1, /2…, the
-- number in invoice_number), each aged by its own due date. Amounts are in the company currency;
-- currency_amount and currency_open_amount are the document's, in its currency.
with invoices as (
  select * from int_invoices
),

open_at_as_of as (
  -- The one open-amount rule (int_invoice_balance_history): the span that holds the as-of date.
  select invoice_id, open_amount
  from int_invoice_balance_history
  where valid_from <= getvariable('as_of_date') and (valid_to is null or valid_to > getvariable('as_of_date'))
),

written_off as (
  select invoice_id, sum(amount) as written_off_amount
  from int_allocations
  where source_kind = 'writeoff'
  group by invoice_id
),

paid as (
  -- invoices paid in full (int_payment_history, the one rule): when, and their day counts
  select invoice_id, paid_date, days_to_pay, days_late
  from int_payment_history
),

expected as (
  -- the cash forecast's expected payment date of each invoice open at the as-of date
  select invoice_id, expected_date as expected_payment_date
  from int_forecast_items
  where forecast_date = getvariable('as_of_date')
),

with_open as (
  select
    invoices.*,
    open_at_as_of.open_amount::decimal(18, 2) as open_amount,
    coalesce(written_off.written_off_amount, 0)::decimal(18, 2) as written_off_amount,
    expected.expected_payment_date
  from invoices
  left join open_at_as_of using (invoice_id)
  left join written_off using (invoice_id)
  left join expected using (invoice_id)
),

final as (
  select
    invoice_id,
    invoice_number,
    client_id,
    kind,
    issue_date,
    due_date,
    due_date_source,
    amount,
    amount_excl_tax,
    coalesce(currency, getvariable('currency')) as currency,
    currency_amount,
    -- What is open, in the document's currency: the same share of its amount as in the company's.
    case when currency_amount = amount then open_amount
         else round(open_amount * currency_amount / amount, 2) end::decimal(18, 2) as currency_open_amount,
    is_disputed,
    original_invoice_id,
    open_amount,
    written_off_amount,
    case when kind = 'invoice' and open_amount > 0
      then greatest(getvariable('as_of_date') - due_date, 0) end::integer as days_past_due,
    buckets.bucket,
    buckets.bucket_order,
    -- Invoices paid in full: when, and how late against the due date (negative = early). One
    -- closed by a write-off was not paid, so it has none of these.
    paid.paid_date as settled_date,
    paid.days_to_pay,
    paid.days_late,
    -- An invoice open at the as-of date: when the cash forecast expects it paid (int_forecast_items).
    expected_payment_date,
    source_file,
    line
  from with_open
  left join paid using (invoice_id)
  left join ref_buckets as buckets
    on buckets.bucket_order = case when open_amount <> 0 then bucket_order_of(getvariable('as_of_date') - with_open.due_date) end
)

select * from final
order by client_id, issue_date, invoice_id
