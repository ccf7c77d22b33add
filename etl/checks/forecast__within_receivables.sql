-- The 13-week forecast expects no more cash than the open invoices hold (a client counted twice would break it).
with forecast_total as (select sum(expected_amount) as expected_amount from forecast),
open_total as (select coalesce(sum(open_amount), 0) as open_amount from invoices where kind = 'invoice' and open_amount > 0)
select forecast_total.expected_amount, open_total.open_amount
from forecast_total cross join open_total
where forecast_total.expected_amount > open_total.open_amount
