-- One row per original currency of the open invoices and credit notes at the as-of date: their
-- open amount in the company currency, the same in the documents' own currency, and how many
-- there are.
-- A roll-up of `invoices`.
select
  currency,
  sum(open_amount)::decimal(18, 2) as open_amount,
  sum(currency_open_amount)::decimal(18, 2) as currency_open_amount,
  count(*)::integer as open_items
from invoices
where open_amount <> 0
group by currency
order by open_amount desc
