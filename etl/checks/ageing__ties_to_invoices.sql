-- The ageing at as-of adds up, client by client, to the open amounts of the invoices table.
with by_invoices as (select client_id, sum(open_amount) as open_amount from invoices group by client_id having sum(open_amount) <> 0 or count(*) filter (where open_amount <> 0) > 0),
by_ageing as (select client_id, sum(open_amount) as open_amount from ageing group by client_id)
select client_id, by_invoices.open_amount as invoices_open, by_ageing.open_amount as ageing_open
from by_invoices full join by_ageing using (client_id)
where coalesce(by_invoices.open_amount, 0) <> coalesce(by_ageing.open_amount, 0)
