-- One row per original currency of the open invoices and credit notes at the as-of date: their
-- open amount in the company currency, the same in the documents' own currency, how many there
-- are, and their share of the receivables (open amount / the open amount of every currency, in the
-- company currency; none when that total is zero or negative).
-- A roll-up of `invoices`.
with by_currency as (
  select
    currency,
    sum(open_amount)::decimal(18, 2) as open_amount,
    sum(currency_open_amount)::decimal(18, 2) as currency_open_amount,
    count(*)::integer as open_items
  from invoices
  where open_amount <> 0
  group by currency
),

with_total as (
  select *, sum(open_amount) over () as total_open_amount
  from by_currency
),

final as (
  select
    currency,
    currency = getvariable('currency') as is_company_currency,
    open_amount,
    currency_open_amount,
    open_items,
    case when total_open_amount > 0 then (open_amount / total_open_amount)::double end as share_open
  from with_total
)

select * from final
order by open_amount desc, currency
