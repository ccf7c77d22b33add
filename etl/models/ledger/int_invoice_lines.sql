-- One row per usable invoice or credit note line, whatever its date, with the settlement columns
-- (paid_date, paid_amount) an invoices file may carry. int_invoices cuts these at the as-of date
-- and int_after_as_of lists what the cut leaves out, both from the same valid rows. Later models
-- read invoice lines here (or int_invoices), never stg_invoices.
-- invoice_number is the export's number; invoice_id, the key every later model joins on, is that
-- number, followed by @client when two clients' invoices share it (numbers are unique per client,
-- not across clients) and by /1, /2… for the instalments of an invoice with several due dates,
-- numbered by due date: each instalment is aged, dunned and settled by its own due date.
-- Amounts are in the company currency: the export's own company-currency amount when it has one,
-- else the document amount at the rate in force on the issue date (ref_fx_rates, the rates
-- file); currency_amount keeps the document's. int_unconverted_amounts stops the run on a
-- foreign amount with neither.
with source as (
  select * from stg_invoices
),

valid as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
),

numbered as (
  select
    *,
    count(*) over (partition by client_id, invoice_id) as instalments,
    row_number() over (partition by client_id, invoice_id order by due_date, source_file, line) as instalment_number,
    count(distinct client_id) over (partition by invoice_id) as clients_with_number
  from valid
),

converted as (
  select
    numbered.*,
    coalesce(
      numbered.company_amount,
      case when not is_foreign_currency(numbered.currency) then numbered.amount end,
      round(numbered.amount / rates.rate, 2)
    )::decimal(18, 2) as amount_in_company_currency
  from numbered
  asof left join ref_fx_rates as rates
    on rates.currency = numbered.currency and numbered.issue_date >= rates.rate_date
),

final as (
  select
    * exclude (company_amount, instalments, instalment_number, clients_with_number, amount_in_company_currency)
      replace (
        invoice_id
          || case when clients_with_number > 1 then '@' || client_id else '' end
          || case when instalments > 1 then '/' || instalment_number else '' end as invoice_id,
        amount_in_company_currency as amount,
        -- The same share of the document in the company currency.
        case when amount_in_company_currency = amount then amount_excl_tax
             else round(amount_excl_tax * amount_in_company_currency / amount, 2)::decimal(18, 2) end as amount_excl_tax,
        case when amount_in_company_currency = amount then paid_amount
             else round(paid_amount * amount_in_company_currency / amount, 2)::decimal(18, 2) end as paid_amount
      ),
    invoice_id as invoice_number,
    amount as currency_amount
  from converted
)

select * from final
