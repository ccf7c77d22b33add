-- Every invoice, payment and allocation belongs to a client of the clients table.
select 'invoices' as source, invoice_id as id, client_id from invoices where client_id not in (select client_id from clients)
union all
select 'payments', payment_id, client_id from payments where client_id not in (select client_id from clients)
union all
select 'allocations', invoice_id, client_id from allocations where client_id not in (select client_id from clients)
