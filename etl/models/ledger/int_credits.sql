-- One row per item that lowers what a client owes, dated on or before the as-of date: payments,
-- settlements given on invoice lines, credit notes and write-offs (net of their reversals). invoice_ref is the invoice number the
-- item names (all its instalments), kept only when that invoice exists for the same client; letter_code and
-- letter_date are a FEC's lettering (EcritureLet, DateLet) of the item. amount is in the company
-- currency; currency and currency_amount are the item's own (a payment in francs: its francs), for
-- the account statement, which states unapplied cash in the currency it came in.
-- The rate, company currency per unit, at which each invoice in a foreign currency is counted.
with foreign_invoice_rates as (
  select client_id, invoice_number, currency, sum(amount) / sum(currency_amount) as rate
  from int_invoices
  where kind = 'invoice' and is_foreign_currency(currency)
  group by all
),

-- A payment in the currency of the invoice it names settles it at that invoice's rate: what it
-- pays in that currency, not what its own date's rate makes of it (the difference is the
-- company's exchange gain or loss, never a client's balance or credit). Only a payment in a
-- foreign currency can name such an invoice: the others are not joined to the rates (the join
-- built a hash table of every payment to find none: 1.0 s of CPU at 1M invoices).
payments as (
  select source_file, line, payment_id as source_id, 'payment' as source_kind, client_id,
         payment_date as credit_date, amount, invoice_id as named_invoice_id, letter_code, letter_date,
         coalesce(currency, getvariable('currency')) as currency, currency_amount
  from int_payments
  where payment_date <= getvariable('as_of_date') and is_foreign_currency(currency) is not true
  union all
  select source_file, line, payment_id, 'payment', payments.client_id,
         payment_date,
         coalesce(round(payments.currency_amount * rates.rate, 2)::decimal(18, 2), payments.amount),
         invoice_id, letter_code, letter_date, payments.currency, payments.currency_amount
  from int_payments as payments
  left join foreign_invoice_rates as rates
    on rates.client_id = payments.client_id and rates.invoice_number = payments.invoice_id and rates.currency = payments.currency
  where payment_date <= getvariable('as_of_date') and is_foreign_currency(payments.currency)
),

-- An export that carries "paid on / paid amount" on the invoice line instead of a payments file.
-- A paid amount with no paid date is never dropped: settled by the as-of date, dated so (its
-- quality warning says the real date is unknown).
settlements as (
  select source_file, line, 'settlement:' || invoice_id, 'payment', client_id,
         coalesce(paid_date, getvariable('as_of_date')), paid_amount, invoice_number, null, null,
         -- The paid amount in the invoice's currency: the same share of it as in the company's.
         coalesce(currency, getvariable('currency')),
         case when currency_amount = amount then paid_amount else round(paid_amount * currency_amount / amount, 2) end::decimal(18, 2)
  from int_invoice_lines
  where kind = 'invoice'
    and paid_amount > 0 and coalesce(paid_date, getvariable('as_of_date')) <= getvariable('as_of_date')
),

credit_notes as (
  select source_file, line, invoice_id, 'credit_note', client_id,
         issue_date, -amount, original_invoice_id, letter_code, letter_date, coalesce(currency, getvariable('currency')), -currency_amount
  from int_invoices
  where kind = 'credit_note'
),

-- A write-off net of the reversals that cancel it by the as-of date (int_writeoff_reversals), on
-- its own date: what was reversed was never lost. One reversed in full is no write-off at all.
reversed as (
  select reverses_writeoff_id as writeoff_id, sum(amount) as reversed_amount
  from int_writeoff_reversals
  where problem is null and reversal_date <= getvariable('as_of_date')
  group by all
),

writeoffs as (
  select source_file, line, writeoff_id, 'writeoff', client_id,
         writeoff_date, (amount - coalesce(reversed.reversed_amount, 0))::decimal(18, 2), invoice_id, letter_code, letter_date,
         coalesce(currency, getvariable('currency')),
         case when currency_amount = amount or reversed.reversed_amount is null then currency_amount
              else round((amount - reversed.reversed_amount) * currency_amount / amount, 2) end::decimal(18, 2)
  from int_writeoffs
  left join reversed using (writeoff_id)
  where amount > 0 and writeoff_date <= getvariable('as_of_date')
    and amount > coalesce(reversed.reversed_amount, 0)
),

all_credits as (
  select * from payments
  union all select * from settlements
  union all select * from credit_notes
  union all select * from writeoffs
),

-- An invoice is named by its number within the client (numbers are unique per client, not
-- across clients); one with several due dates is named once for its whole schedule.
invoice_numbers as (
  select distinct client_id, invoice_number
  from int_invoices
  where kind = 'invoice'
),

final as (
  select all_credits.*, invoices.invoice_number as invoice_ref
  from all_credits
  left join invoice_numbers as invoices
    on invoices.invoice_number = all_credits.named_invoice_id
   and invoices.client_id = all_credits.client_id
)

select * from final
