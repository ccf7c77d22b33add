-- One row per account statement (relevé de compte) of a client with open items, at the as-of
-- date: open invoices, open credit notes (negative), their total — the client's open amount in
-- `invoices` — of which overdue, the unapplied cash (negative) and the balance after it.
-- A client is told its balance in the currencies it was invoiced and paid in: `currencies` lists
-- every currency of its lines (the company currency first, then by code), and the lists beside it
-- hold, in the same order, the same totals in each currency (invoices_currency_amounts …
-- balance_currency_amounts; 0 where a currency has none of that kind). The company-currency columns
-- stay the company's books; has_foreign_currency says when they are not what the statement states.
-- Written in the client's language, as its letter (client_language, macros.sql); is_abroad
-- (is_client_abroad) ends its address with the client's country.
-- A client under a collective procedure owes two things: the claims born before the judgment
-- (statement_lines.is_pre_judgment_claim), the procedure's to declare or settle and not payable by
-- it (L622-7), and the rest, payable when due (L622-17): pre_judgment_amount and
-- payable_balance_amount (the balance less those claims; the balance itself for any other client), and the same per
-- currency. procedure_date is the judgment's (NULL without a procedure, or when the file does not
-- date it).
-- A roll-up of `clients`, `int_client_procedures` and `statement_lines`.
with lines as (
  select * from statement_lines
),

totals as (
  select
    client_id,
    count(*) filter (where line_kind <> 'unapplied_payment')::integer as item_count,
    coalesce(sum(open_amount) filter (where line_kind = 'invoice'), 0)::decimal(18, 2) as invoices_open_amount,
    coalesce(sum(open_amount) filter (where line_kind = 'credit_note'), 0)::decimal(18, 2) as credits_open_amount,
    coalesce(sum(open_amount) filter (where line_kind <> 'unapplied_payment'), 0)::decimal(18, 2) as total_open_amount,
    coalesce(sum(open_amount) filter (where line_kind = 'invoice' and days_past_due > 0), 0)::decimal(18, 2) as overdue_amount,
    coalesce(sum(open_amount) filter (where line_kind = 'unapplied_payment'), 0)::decimal(18, 2) as unapplied_cash_amount,
    coalesce(sum(open_amount), 0)::decimal(18, 2) as balance_amount,
    coalesce(sum(open_amount) filter (where is_pre_judgment_claim), 0)::decimal(18, 2) as pre_judgment_amount,
    coalesce(sum(open_amount) filter (where not is_pre_judgment_claim), 0)::decimal(18, 2) as payable_balance_amount
  from lines
  group by client_id
),

-- The same totals per currency, in that currency.
by_currency as (
  select
    client_id,
    currency,
    currency <> getvariable('currency') as is_foreign,
    coalesce(sum(currency_open_amount) filter (where line_kind = 'invoice'), 0)::decimal(18, 2) as invoices_amount,
    coalesce(sum(currency_open_amount) filter (where line_kind = 'credit_note'), 0)::decimal(18, 2) as credits_amount,
    coalesce(sum(currency_open_amount) filter (where line_kind <> 'unapplied_payment'), 0)::decimal(18, 2) as total_amount,
    coalesce(sum(currency_open_amount) filter (where line_kind = 'invoice' and days_past_due > 0), 0)::decimal(18, 2) as overdue_amount,
    coalesce(sum(currency_open_amount) filter (where line_kind = 'unapplied_payment'), 0)::decimal(18, 2) as unapplied_amount,
    sum(currency_open_amount)::decimal(18, 2) as balance_amount,
    coalesce(sum(currency_open_amount) filter (where is_pre_judgment_claim), 0)::decimal(18, 2) as pre_judgment_amount,
    coalesce(sum(currency_open_amount) filter (where not is_pre_judgment_claim), 0)::decimal(18, 2) as payable_balance_amount
  from lines
  group by client_id, currency
),

currencies as (
  select
    client_id,
    bool_or(is_foreign) as has_foreign_currency,
    list(currency order by is_foreign, currency) as currencies,
    list(invoices_amount order by is_foreign, currency) as invoices_currency_amounts,
    list(credits_amount order by is_foreign, currency) as credits_currency_amounts,
    list(total_amount order by is_foreign, currency) as total_currency_amounts,
    list(overdue_amount order by is_foreign, currency) as overdue_currency_amounts,
    list(unapplied_amount order by is_foreign, currency) as unapplied_currency_amounts,
    list(balance_amount order by is_foreign, currency) as balance_currency_amounts,
    list(pre_judgment_amount order by is_foreign, currency) as pre_judgment_currency_amounts,
    list(payable_balance_amount order by is_foreign, currency) as payable_balance_currency_amounts
  from by_currency
  group by client_id
),

final as (
  select totals.*, currencies.* exclude (client_id),
         client_language(client_country_code(clients.country)) as statement_language,
         procedures.procedure_date,
         is_client_abroad(clients.country) as is_abroad
  from totals
  join currencies using (client_id)
  join clients using (client_id)
  left join int_client_procedures as procedures using (client_id)
)

select * from final
order by client_id
