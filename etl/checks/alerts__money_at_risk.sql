-- Every alert carries its money at risk (alerts.amount, the open amount it is about): never missing, never negative.
select alert, client_id, invoice_id, amount
from alerts
where amount is null or amount < 0
