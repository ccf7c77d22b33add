-- One row per line of the contacts file(s) (stg_contacts), with what makes it unusable: an
-- e-mail that is not an address is dropped. reject_reason says why a line cannot be used,
-- warning why a value was dropped, each a reason(code, field, ref, n, parts) (macros.sql);
-- int_contacts keeps the usable lines, quality lists the others.
with staged as (
  select * from stg_contacts
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
  from staged
)

select * from final
