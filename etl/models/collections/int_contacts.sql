-- One row per usable contact of a client (contacts file); contact_order numbers a client's
-- contacts in file order, the first being the one the worklist and letters show. Later models
-- read contacts here, never int_contacts_checked.
with source as (
  select * from int_contacts_checked
),

final as (
  select * exclude (reject_reason, warning),
         row_number() over (partition by client_id order by source_file, line)::integer as contact_order
  from source
  where reject_reason is null
)

select * from final
