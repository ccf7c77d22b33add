-- One row per usable invoice or credit note line, whatever its date, with the settlement columns
-- (paid_date, paid_amount) an invoices file may carry. int_invoices cuts these at the as-of date
-- and int_after_as_of lists what the cut leaves out, both from the same valid rows. Later models
-- read invoice lines here (or int_invoices), never int_invoices_checked.
-- invoice_number is the export's number; invoice_id, the key every later model joins on, is that
-- number, followed by @client when two clients' invoices share it (numbers are unique per client,
-- not across clients) and by /1, /2… for the instalments of an invoice with several due dates,
-- numbered by due date: each instalment is aged, dunned and settled by its own due date.
-- Amounts are in the company currency: the export's own company-currency amount when it has one,
-- else the document amount at the rate in force on the issue date (ref_fx_rates, the rates
-- file); currency_amount keeps the document's. int_unconverted_amounts stops the run on a
-- foreign amount with neither.
with source as (
  select * from int_invoices_checked
),

valid as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
),

-- Numbers that several clients use, and invoices with several lines (instalments): few, found
-- by grouping rather than by a window over every line. One grouping of every line by number
-- finds the numbers of more than one line, and whether several clients use them (their least
-- and greatest client differ); the lines of those few numbers are then grouped by client. Two
-- groupings of every line, one with count(distinct client_id), took most of the model's 0.5 s
-- at 1M invoices.
repeated_numbers as (
  select invoice_id, min(client_id) <> max(client_id) as is_shared
  from valid
  group by invoice_id
  having count(*) > 1
),

shared_numbers as (
  select invoice_id
  from repeated_numbers
  where is_shared
),

scheduled as (
  select client_id, invoice_id
  from valid
  semi join repeated_numbers using (invoice_id)
  group by client_id, invoice_id
  having count(*) > 1
),

instalments as (
  select source_file, line,
         row_number() over (partition by client_id, invoice_id order by due_date, source_file, line) as instalment_number
  from valid
  semi join scheduled using (client_id, invoice_id)
),

-- A foreign amount the export gives no company-currency amount for: the rate in force on its
-- issue date (none when the rates file has none: the run stops, etl/unconverted-amounts.ts).
rated as (
  select valid.source_file, valid.line, round(valid.amount / rates.rate, 2) as converted_amount
  from valid
  asof join ref_fx_rates as rates
    on rates.currency = valid.currency and valid.issue_date >= rates.rate_date
  where valid.company_amount is null and is_foreign_currency(valid.currency)
),

converted as (
  select
    valid.*,
    in_company_currency(valid.company_amount, valid.currency, valid.amount, rated.converted_amount) as amount_in_company_currency,
    shared_numbers.invoice_id is not null as is_shared_number,
    instalments.instalment_number
  from valid
  left join shared_numbers using (invoice_id)
  left join instalments using (source_file, line)
  left join rated using (source_file, line)
),

final as (
  select
    * exclude (company_amount, company_amount_excl_tax, is_shared_number, instalment_number, amount_in_company_currency)
      replace (
        invoice_id
          || case when is_shared_number then '@' || client_id else '' end
          || coalesce('/' || instalment_number, '') as invoice_id,
        amount_in_company_currency as amount,
        -- The same share of the document in the company currency, unless the source gives it.
        coalesce(company_amount_excl_tax,
                 case when amount_in_company_currency = amount then amount_excl_tax
                      else round(amount_excl_tax * amount_in_company_currency / amount, 2)::decimal(18, 2) end) as amount_excl_tax,
        case when amount_in_company_currency = amount then paid_amount
             else round(paid_amount * amount_in_company_currency / amount, 2)::decimal(18, 2) end as paid_amount
      ),
    invoice_id as invoice_number,
    amount as currency_amount
  from converted
)

select * from final
