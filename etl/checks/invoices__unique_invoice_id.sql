-- An invoice id appears once in the warehouse.
select invoice_id, count(*) as occurrences from invoices group by invoice_id having count(*) > 1
