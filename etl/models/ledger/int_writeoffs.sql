-- One row per usable write-off line (open-items write-offs file, FEC client lines against 654 and a
-- customer ledger's write-offs), whatever its date: a write-off (amount > 0), or the reversal of one
-- (amount < 0), which never counts as a write-off of its own: int_writeoff_reversals matches it to
-- the write-off it cancels. Later models read write-offs here, never int_writeoffs_checked.
-- amount is in the company currency, as a payment's is (int_payments): the export's
-- company-currency amount when it has one, else the write-off in its currency at the rate in force
-- on its date (ref_fx_rates); currency_amount keeps the write-off's own. int_unconverted_amounts
-- stops the run on a foreign amount with neither.
with source as (
  select * from int_writeoffs_checked
),

-- A customer ledger's write-offs (their problems are reported by int_ledger_lines_checked), with
-- their currency and company-currency amount; by name, so that a column int_writeoffs_checked
-- gains is NULL here rather than shifted.
ledger as (
  select source_file, line, item_id as writeoff_id, client_id, entry_date as writeoff_date, -signed_amount as amount,
         null::varchar as invoice_id, letter_code, letter_date, currency, -signed_company_amount as company_amount
  from int_ledger_lines_checked
  where item_kind = 'writeoff'
),

valid as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
  union all by name
  select * from ledger
),

-- A foreign write-off the export gives no company-currency amount for: the rate in force on its date.
rated as (
  select valid.source_file, valid.line, round(valid.amount / rates.rate, 2) as converted_amount
  from valid
  asof join ref_fx_rates as rates
    on rates.currency = valid.currency and valid.writeoff_date >= rates.rate_date
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
