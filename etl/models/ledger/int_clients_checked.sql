-- One row per client: each line of the clients file(s) (stg_clients), with what makes it
-- unusable or what was dropped from it, then each client of a FEC or customer ledger that the
-- file does not list (named from CompAuxLib, or CompteLib for a per-client account, as of its
-- latest line). reject_reason says why a line cannot be used, warning why a value on a kept line
-- was dropped or will not be used, each a reason(code, field, ref, n, parts) (macros.sql);
-- int_clients keeps the usable lines, quality lists the others.
with staged as (
  select *, row_number() over (partition by client_id order by source_file, line) as occurrence
  from stg_clients
),

checked as (
  select
    * exclude (credit_limit_text, insured_limit_text, guarantee_amount_text, credit_limit_read, insured_limit_read, guarantee_amount_read, procedure_date_text, occurrence)
      replace (case when is_implausible_date(procedure_date) then null else procedure_date end as procedure_date),
    case
      when client_id is null then reason('missing_client_id')
      when occurrence > 1 then reason('duplicate_id', field := 'client_id', ref := client_id)
    end as reject_reason,
    case
      when credit_limit is null and credit_limit_text is not null
        then reason('amount_' || credit_limit_read.problem_code, field := 'credit_limit', ref := credit_limit_text, parts := [credit_limit_read.currency])
      when insured_limit is null and insured_limit_text is not null
        then reason('amount_' || insured_limit_read.problem_code, field := 'insured_limit', ref := insured_limit_text, parts := [insured_limit_read.currency])
      when guarantee_amount is null and guarantee_amount_text is not null
        then reason('amount_' || guarantee_amount_read.problem_code, field := 'guarantee_amount', ref := guarantee_amount_text, parts := [guarantee_amount_read.currency])
      when procedure_date is null and procedure_date_text is not null
        then reason('procedure_date_unreadable', field := 'procedure_date', ref := procedure_date_text, parts := [getvariable('date_format')])
      when is_implausible_date(procedure_date) then reason('procedure_date_implausible', field := 'procedure_date', ref := procedure_date)
      when payment_terms is not null and terms_basis(payment_terms) is null
        then reason('terms_not_understood', field := 'payment_terms', ref := payment_terms, n := getvariable('default_terms_days'))
    end as warning
  from staged
),

-- The clients of a journal that the clients file does not list: a FEC's client accounts, and a
-- customer ledger's or a snapshot's clients (named by its client-name column), each named by its latest line.
journal_lines as (
  select source_file, line, client_id, client_name, entry_date from int_fec_lines_checked where item_kind is not null
  union all
  select source_file, line, client_id, client_name, entry_date from int_ledger_lines_checked where item_kind is not null and client_name is not null
  union all
  select source_file, line, client_id, client_name, issue_date from int_snapshot_lines_checked where reject_reason is null and client_name is not null
),

journal_clients as (
  select
    first(source_file order by source_file, line),
    first(line order by source_file, line),
    client_id,
    arg_max(client_name, entry_date),
    null::varchar, null::varchar, null::varchar, null::varchar, null::varchar,
    null::decimal(18, 2), null::decimal(18, 2), null::decimal(18, 2),
    null::varchar, null::varchar,
    null::date,
    null::varchar, null::varchar, null::varchar, null::varchar,
    null::struct(code varchar, field varchar, ref varchar, number bigint, parts varchar[]),
    null::struct(code varchar, field varchar, ref varchar, number bigint, parts varchar[])
  from journal_lines
  where client_id not in (select client_id from checked where client_id is not null)
  group by client_id
),

final as (
  select * from checked
  union all
  select * from journal_clients
)

select * from final
