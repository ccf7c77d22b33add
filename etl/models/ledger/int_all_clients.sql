-- One row per client the run knows: the clients file's usable lines (int_clients), plus the
-- clients met only in invoices, credit notes or payments, named by their id (is_in_client_file
-- false). The clients mart and the KPI scopes read this list, so both count the same clients.
with listed as (
  select * exclude (source_file, line), true as is_in_client_file
  from int_clients
),

unlisted as (
  select distinct client_id
  from (select client_id from int_invoices union all select client_id from int_credits)
  where client_id not in (select client_id from listed)
),

final as (
  select * from listed
  union all by name
  select client_id, client_id as name, false as is_in_client_file from unlisted
)

select * from final
