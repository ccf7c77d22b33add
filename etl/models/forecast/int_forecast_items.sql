-- One row per open invoice at each forecast date (each month end, and the as-of date): when it is
-- expected to be paid and how much of it. Expected date = due date + the client's expected days
-- late (int_forecast_lateness). When that date has already passed, the forecast date + those days
-- late again (lateness taken as memoryless: an invoice that waited past the client's usual delay
-- is expected that delay later, so overdue invoices spread by each client's lateness, never all on
-- one day), and not before the first business day (Monday to Friday) after the forecast date.
-- Share expected: the configured share for a disputed invoice or one beyond 90 days past due
-- (default_days_past_due, macros.sql), else all of it.
-- The naive date is the due date (or the next day when already past due), for all of it.
-- An invoice of a client under a collective procedure at the forecast date (from its judgment's
-- date, int_client_procedures) is left out: what it will bring is an uncertain dividend at the
-- end of the procedure, not cash to expect (so it has no expected payment date either). So is an
-- invoice issued after the judgment, though payable when due (L622-17): whether it is paid depends
-- on the administrator and the business's cash under the procedure, which the client's lateness
-- before it does not measure; a cautious forecast expects none of it.
-- A month end's position already carries its invoice's client and due date (int_invoice_month_ends):
-- joining the 2.6 million positions (1M invoices) to the million invoices again for them took a
-- third of the model's time; only the disputed invoices are looked up, a small table to join.
with open_items as (
  select month_end as forecast_date, invoice_id, client_id, due_date, open_amount
  from int_invoice_month_ends
  where kind = 'invoice' and open_amount > 0
  union all
  select getvariable('as_of_date'), history.invoice_id, invoices.client_id, invoices.due_date, history.open_amount
  from int_invoice_balance_history as history
  join int_invoices as invoices using (invoice_id)
  where invoices.kind = 'invoice' and history.open_amount > 0
    and history.valid_from <= getvariable('as_of_date') and history.valid_to is null
    and getvariable('as_of_date') <> last_day(getvariable('as_of_date'))
),

disputed as (
  select invoice_id from int_invoices where is_disputed
),

final as (
  select open_items.forecast_date, open_items.invoice_id, open_items.client_id, open_items.open_amount,
         case
           when open_items.due_date + round(coalesce(lateness.expected_days_late, 0))::integer > open_items.forecast_date
             then open_items.due_date + round(coalesce(lateness.expected_days_late, 0))::integer
           else greatest(forecast_first_day(open_items.forecast_date),
                         open_items.forecast_date + round(coalesce(lateness.expected_days_late, 0))::integer)
         end as expected_date,
         greatest(open_items.forecast_date + 1, open_items.due_date) as naive_date,
         -- A DECIMAL share, so open_amount × expected_share is exact and its sums do not depend on row order.
         case when disputed.invoice_id is not null then getvariable('forecast_disputed_share')
              when open_items.forecast_date - open_items.due_date > default_days_past_due() then getvariable('forecast_over90_share')
              else 1 end::decimal(7, 6) as expected_share
  from open_items
  left join disputed using (invoice_id)
  left join int_forecast_lateness as lateness
    on lateness.forecast_date = open_items.forecast_date and lateness.client_id = open_items.client_id
  left join int_client_procedures as procedures
    on procedures.client_id = open_items.client_id and procedures.under_procedure_from <= open_items.forecast_date
  where procedures.client_id is null
)

select * from final
