-- One row per usable client line: the clients file's valid lines and the clients of a FEC the
-- file does not list. Later models read clients here, never int_clients_checked, so a line it
-- rejected (a duplicated client id, say) cannot count twice.
with source as (
  select * from int_clients_checked
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
