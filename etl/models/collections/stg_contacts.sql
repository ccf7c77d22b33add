-- One row per line of the contacts file(s): a person to reach at a client (name, role, e-mail,
-- phone). reject_reason says why a line cannot be used, warning why a value was dropped, each a
-- reason(code, field, ref, n, parts) (macros.sql).
with source as (
  select * from raw_contacts
),

typed as (
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
),

final as (
  select
    source_file,
    line,
    client_id,
    name,
    role,
    case when is_email_valid then email end as email,
    phone,
    case
      when client_id is null then reason('missing_client_id')
      when name is null then reason('missing_contact_name')
    end as reject_reason,
    case when email is not null and not is_email_valid then reason('email_invalid', field := 'email', ref := email) end as warning
  from typed
)

select * from final
