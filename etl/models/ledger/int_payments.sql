-- One row per usable payment (open-items payments file and FEC payment lines), whatever its
-- date; models that need the as-of cut apply it. Later models read payments here, never
-- int_payments_checked, so a rejected line cannot be counted.
-- amount is in the company currency: the export's company-currency amount when it has one, else
-- the payment in its currency at the rate in force on its date (ref_fx_rates); currency_amount
-- keeps the payment's own. int_unconverted_amounts stops the run on a foreign amount with neither.
with source as (
  select * from int_payments_checked
),

valid as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
),

-- A foreign payment the export gives no company-currency amount for: the rate in force on its date.
rated as (
  select valid.source_file, valid.line, round(valid.amount / rates.rate, 2) as converted_amount
  from valid
  asof join ref_fx_rates as rates
    on rates.currency = valid.currency and valid.payment_date >= rates.rate_date
  where valid.company_amount is null and is_foreign_currency(valid.currency)
),

final as (
  select
    valid.* exclude (company_amount)
      replace (in_company_currency(valid.company_amount, valid.currency, valid.amount, rated.converted_amount) as amount),
    valid.amount as currency_amount
  from valid
  left join rated using (source_file, line)
)

select * from final
