-- One row per usable invoice or credit note issued on or before the as-of date. Its due date is
-- the export's; else, for a credit note, its own date (a credit can be used at once); else the
-- one its client's payment terms give ("30 jours fin de mois", see terms_due_date in macros.sql);
-- else the configured default number of days after the issue date. due_date_source says which.
with source as (
  select * from int_invoice_lines
),

-- Each client's terms, parsed once (not once per invoice).
client_terms as (
  select client_id, terms_basis(payment_terms) as basis, terms_days(payment_terms) as days,
         terms_day_of_month(payment_terms) as day_of_month
  from int_clients
),

final as (
  select
    source.* exclude (paid_date, paid_amount)
      replace (coalesce(source.due_date,
                        case when source.kind = 'credit_note' then source.issue_date end,
                        due_date_from_terms(source.issue_date, client_terms.basis, client_terms.days, client_terms.day_of_month),
                        source.issue_date + getvariable('default_terms_days')::integer) as due_date),
    case
      when source.due_date is not null then 'export'
      when source.kind = 'credit_note' then 'credit_note_date'
      when client_terms.basis is not null then 'payment_terms'
      else 'default_terms'
    end as due_date_source
  from source
  left join client_terms using (client_id)
  where source.issue_date <= getvariable('as_of_date')
    -- Rejected by the e-invoicing platform (status 213): never validly issued, owed by no one.
    and source.invoice_id not in (select invoice_id from int_rejected_invoices)
)

select * from final
