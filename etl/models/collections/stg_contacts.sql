-- One row per line of the contacts file(s): a person to reach at a client (name, role, e-mail,
-- phone), renamed, nothing decided; is_email_valid says whether the e-mail reads as an address.
with source as (
  select * from raw_contacts
),

final as (
  select
    source_file,
    line,
    client_id,
    name,
    role,
    email,
    phone,
    regexp_matches(coalesce(email, ''), '^[^@\s]+@[^@\s]+\.[^@\s]+$') as is_email_valid
  from source
)

select * from final
