-- A payment id appears once.
select payment_id, count(*) as occurrences from payments group by payment_id having count(*) > 1
