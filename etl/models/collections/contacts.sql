-- One row per contact of a client from the contacts file: name, role, e-mail, phone;
-- contact_order 1 is the one the worklist and the letters show.
with final as (
  select client_id, contact_order, name, role, email, phone from int_contacts
)

select * from final
order by client_id, contact_order
