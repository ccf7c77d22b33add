-- One row per usable invoice or credit note issued on or before the as-of date. Its due date is
-- the export's; else, for a credit note, its own date (a credit can be used at once); else the
-- one its client's payment terms give ("30 jours fin de mois", see terms_due_date in macros.sql);
-- else the configured default number of days after the issue date. due_date_source says which.
with source as (
  select * from stg_invoices
),

client_terms as (
  select client_id, payment_terms
  from stg_clients
  where reject_reason is null
),

final as (
  select
    source.* exclude (reject_reason, warning, paid_date, paid_amount)
      replace (coalesce(source.due_date,
                        case when source.kind = 'credit_note' then source.issue_date end,
                        terms_due_date(source.issue_date, client_terms.payment_terms),
                        source.issue_date + getvariable('default_terms_days')::integer) as due_date),
    case
      when source.due_date is not null then 'export'
      when source.kind = 'credit_note' then 'credit_note_date'
      when terms_due_date(source.issue_date, client_terms.payment_terms) is not null then 'payment_terms'
      else 'default_terms'
    end as due_date_source
  from source
  left join client_terms using (client_id)
  where source.reject_reason is null
    and source.issue_date <= getvariable('as_of_date')
)

select * from final
