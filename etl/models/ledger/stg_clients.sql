-- One row per client: each line of the clients file(s), typed, then each client of a FEC that
-- the file does not list (named from CompAuxLib, or CompteLib for a per-client account, as of
-- its latest line). reject_reason says why a line cannot be used, warning why a value on a kept
-- line was dropped or will not be used.
with source as (
  select * from raw_clients
),

-- Each amount read once under its file's decimal sign: {value, problem} (see read_amount).
amounts as (
  select
    *,
    read_amount(credit_limit, decimal_sign) as credit_limit_read,
    read_amount(insured_limit, decimal_sign) as insured_limit_read,
    read_amount(guarantee_amount, decimal_sign) as guarantee_amount_read
  from source
),

typed as (
  select
    source_file,
    line,
    client_id,
    name,
    segment,
    sector,
    country,
    sales_rep,
    payment_terms,
    credit_limit_read.value as credit_limit,
    insured_limit_read.value as insured_limit,
    guarantee_amount_read.value as guarantee_amount,
    external_rating,
    legal_status,
    -- The date of the judgment that opened the collective procedure, in the file's date format.
    parse_date(procedure_date) as procedure_date,
    -- The postal address letters are sent to (optional columns; country above).
    address_line_1,
    address_line_2,
    postcode,
    city,
    credit_limit as credit_limit_text,
    insured_limit as insured_limit_text,
    guarantee_amount as guarantee_amount_text,
    credit_limit_read.problem as credit_limit_problem,
    insured_limit_read.problem as insured_limit_problem,
    guarantee_amount_read.problem as guarantee_amount_problem,
    procedure_date as procedure_date_text,
    row_number() over (partition by client_id order by source_file, line) as occurrence
  from amounts
),

final as (
  select
    * exclude (credit_limit_text, insured_limit_text, guarantee_amount_text, credit_limit_problem, insured_limit_problem, guarantee_amount_problem, procedure_date_text, occurrence)
      replace (case when is_implausible_date(procedure_date) then null else procedure_date end as procedure_date),
    case
      when client_id is null then 'missing client id'
      when occurrence > 1 then 'duplicate client id ' || client_id || ' (the first line is kept)'
    end as reject_reason,
    case
      when credit_limit is null and credit_limit_text is not null then 'credit limit ''' || credit_limit_text || ''' ' || credit_limit_problem
      when insured_limit is null and insured_limit_text is not null then 'insured limit ''' || insured_limit_text || ''' ' || insured_limit_problem
      when guarantee_amount is null and guarantee_amount_text is not null then 'guarantee ''' || guarantee_amount_text || ''' ' || guarantee_amount_problem
      when procedure_date is null and procedure_date_text is not null
        then 'procedure date ''' || procedure_date_text || ''' does not match the date format ' || getvariable('date_format') || '; the claim deadline stays unknown'
      when is_implausible_date(procedure_date) then 'procedure date ' || procedure_date || ' is outside 1990–2099; the claim deadline stays unknown'
      when payment_terms is not null and terms_basis(payment_terms) is null
        then 'payment terms ''' || payment_terms || ''' are not understood; invoices without a due date get the default of '
             || getvariable('default_terms_days') || ' days'
    end as warning
  from typed
),

-- The clients of a journal that the clients file does not list: a FEC's client accounts, and a
-- customer ledger's or a snapshot's clients (named by its client-name column), each named by its latest line.
journal_lines as (
  select source_file, line, client_id, client_name, entry_date from stg_fec_lines where item_kind is not null
  union all
  select source_file, line, client_id, client_name, entry_date from stg_ledger_lines where item_kind is not null and client_name is not null
  union all
  select source_file, line, client_id, client_name, issue_date from stg_snapshot_lines where reject_reason is null and client_name is not null
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
    null::varchar,
    null::varchar
  from journal_lines
  where client_id not in (select client_id from final where client_id is not null)
  group by client_id
)

select * from final
union all
select * from journal_clients
