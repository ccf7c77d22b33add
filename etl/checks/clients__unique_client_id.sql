-- A client id appears once.
select client_id, count(*) as occurrences from clients group by client_id having count(*) > 1
