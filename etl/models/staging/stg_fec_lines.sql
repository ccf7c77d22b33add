-- One row per line of the FEC journal file(s), typed and classified. An entry (écriture) is the
-- lines sharing file, journal and EcritureNum — or, in exports that write EcritureNum 0 on every
-- line, file, journal, date and PieceRef. A line on a client account (configured prefixes: 411,
-- 413, 416) is classified by its entry: 'invoice' (a debit), 'credit_note' (a credit in a sales
-- journal or against revenue), 'payment' (any other credit), 'writeoff' (a credit against 654),
-- 'reclassification' (a move between the client's own accounts, 411 → 416 doubtful), 'opening'
-- (à-nouveaux that stand for the items brought forward) or 'opening_superseded' (à-nouveaux of a
-- year whose previous year is loaded too, so its own lines already hold those items; flagged on
-- every line by is_superseded_opening). is_doubtful_line marks a client line on a doubtful-client
-- account (416), is_provision_line the booked provisions (491).
-- reject_reason says why a line cannot be used; warning flags an entry whose debits and credits
-- do not balance (on its first line only, so the quality report names it once).
with source as (
  select *,
         -- Each amount parsed once: the typed values and the unreadable check below both use them.
         parse_fec_amount(debit) as debit_value, parse_fec_amount(credit) as credit_value, parse_fec_amount(amount) as amount_value
  from raw_fec
),

typed as (
  select
    source_file,
    line,
    upper(journal_code) as journal_code,
    entry_num,
    try_strptime(entry_date, '%Y%m%d')::date as entry_date,
    account,
    account_lib,
    aux_account,
    aux_lib,
    piece_ref,
    try_strptime(piece_date, '%Y%m%d')::date as piece_date,
    -- Debit and Credit, or one amount and its direction (Montant + Sens).
    case when debit is null and credit is null and amount is not null
      then case when upper(direction) like 'D%' then amount_value else 0 end
      else coalesce(debit_value, 0) end as debit,
    case when debit is null and credit is null and amount is not null
      then case when upper(direction) like 'C%' then amount_value else 0 end
      else coalesce(credit_value, 0) end as credit,
    letter_code,
    try_strptime(letter_date, '%Y%m%d')::date as letter_date,
    upper(currency) as currency,
    entry_date as entry_date_text,
    coalesce(debit, '') || '/' || coalesce(credit, '') || coalesce(amount, '') as amount_text,
    (debit is not null and debit_value is null)
      or (credit is not null and credit_value is null)
      or (debit is null and credit is null
          and (amount is null or amount_value is null or coalesce(upper(direction), '') not similar to '(D|C).*')) as amount_unreadable
  from source
),

-- Exports that write the same EcritureNum (often 0) on every line cannot be grouped by it.
file_numbering as (
  select source_file, count(distinct entry_num) > 1 as numbers_entries
  from typed
  group by source_file
),

-- What each account and journal is, worked out once per distinct value rather than per line.
accounts as (
  select
    account,
    has_prefix(account, getvariable('fec_client_prefixes')) as is_client_account,
    has_prefix(account, getvariable('fec_client_prefixes')) and has_prefix(account, getvariable('fec_doubtful_prefixes')) as is_doubtful_account,
    has_prefix(account, getvariable('fec_writeoff_prefixes')) as is_writeoff_account,
    has_prefix(account, getvariable('fec_revenue_prefixes')) as is_revenue_account,
    has_prefix(account, getvariable('fec_provision_prefixes')) as is_provision_account
  from (select distinct account from typed)
),

journals as (
  select
    journal_code,
    list_contains(getvariable('fec_opening_journals'), lower(journal_code)) as is_opening,
    list_contains(getvariable('fec_sales_journals'), lower(journal_code)) as is_sales_journal
  from (select distinct journal_code from typed)
),

keyed as (
  select
    typed.*,
    -- The entry: file, journal and number, or date and PieceRef where the file does not number them.
    case when file_numbering.numbers_entries then coalesce(entry_num, '') else coalesce(entry_date_text, '') end as entry_part,
    case when file_numbering.numbers_entries then '' else coalesce(piece_ref, '') end as entry_piece,
    coalesce(accounts.is_client_account, false) as is_client_line,
    coalesce(accounts.is_doubtful_account, false) as is_doubtful_line,
    coalesce(accounts.is_writeoff_account, false) as is_writeoff_line,
    coalesce(accounts.is_revenue_account, false) as is_revenue_line,
    coalesce(accounts.is_provision_account, false) as is_provision_line,
    coalesce(journals.is_opening, false) as is_opening,
    coalesce(journals.is_sales_journal, false) as is_sales_journal
  from typed
  join file_numbering using (source_file)
  left join accounts using (account)
  left join journals using (journal_code)
),

entries as (
  select
    source_file,
    journal_code,
    entry_part,
    entry_piece,
    min(line) as first_line,
    sum(debit) as total_debit,
    sum(credit) as total_credit,
    bool_or(is_writeoff_line) as has_writeoff_account,
    bool_or(is_revenue_line) as has_revenue_account,
    bool_or(is_doubtful_line) as has_doubtful_client_line,
    bool_and(is_client_line) as only_client_lines,
    count(*) filter (where is_client_line) as client_lines,
    -- Revenue excl. tax, for an invoice or credit note entry with one client line.
    sum(credit - debit) filter (where is_revenue_line) as revenue_amount
  from keyed
  group by source_file, journal_code, entry_part, entry_piece
),

-- À-nouveaux are superseded when the loaded lines already cover the year before them.
openings as (
  select source_file, min(entry_date) as opening_date
  from keyed
  where is_opening and entry_date is not null
  group by source_file
),

superseded_openings as (
  select openings.source_file
  from openings
  where exists (
    select 1 from keyed
    where not keyed.is_opening
      and keyed.entry_date < openings.opening_date
      and keyed.entry_date >= openings.opening_date - interval 12 month)
),

classified as (
  select
    keyed.*,
    (keyed.debit - keyed.credit)::decimal(18, 2) as signed_amount,
    coalesce(aux_account, account) as client_id,
    coalesce(aux_lib, account_lib) as client_name,
    entries.first_line = keyed.line as is_first_line_of_entry,
    is_opening and keyed.source_file in (select source_file from superseded_openings) as is_superseded_opening,
    entries.total_debit,
    entries.total_credit,
    case when entries.client_lines = 1 then abs(entries.revenue_amount) end::decimal(18, 2) as revenue_amount,
    case
      when not is_client_line then null
      when is_opening and keyed.source_file in (select source_file from superseded_openings) then 'opening_superseded'
      when is_opening then 'opening'
      when entries.only_client_lines and entries.has_doubtful_client_line then 'reclassification'
      when keyed.credit > keyed.debit and entries.has_writeoff_account then 'writeoff'
      when keyed.debit > keyed.credit then 'invoice'
      when keyed.credit > keyed.debit and (is_sales_journal or entries.has_revenue_account) then 'credit_note'
      when keyed.credit > keyed.debit then 'payment'
      else 'zero'
    end as line_class
  from keyed
  join entries using (source_file, journal_code, entry_part, entry_piece)
),

checked as (
  select
    source_file,
    line,
    journal_code,
    entry_num,
    entry_date,
    -- Brought-forward items keep their own date where the à-nouveau gives it.
    case when line_class = 'opening' then coalesce(piece_date, entry_date) else entry_date end as item_date,
    account,
    aux_account,
    is_client_line,
    is_doubtful_line,
    is_provision_line,
    is_superseded_opening,
    client_id,
    client_name,
    piece_ref,
    debit,
    credit,
    signed_amount,
    revenue_amount,
    letter_code,
    letter_date,
    currency,
    line_class,
    case
      when entry_date is null then 'EcritureDate ''' || coalesce(entry_date_text, '') || ''' is not a date (YYYYMMDD)'
      when is_implausible_date(entry_date) then 'EcritureDate ' || entry_date || ' is outside 1990–2099'
      when account is null then 'the line has no account (CompteNum is empty)'
      when amount_unreadable then 'the amount ''' || amount_text || ''' is not a number (Debit/Credit, or Montant and Sens D/C)'
    end as reject_reason,
    case
      when is_first_line_of_entry and total_debit <> total_credit
        then 'entry ' || coalesce(journal_code, '?') || ' ' || coalesce(entry_num, '') || ' of ' || coalesce(entry_date_text, '?')
             || ' does not balance: debits ' || total_debit || ', credits ' || total_credit || ' (difference ' || (total_debit - total_credit) || ')'
    end as warning
  from classified
),

-- The record each usable client line becomes, and its id: PieceRef (the invoice or payment
-- number), suffixed /1, /2… where one number is on several lines of the same kind.
items as (
  select
    *,
    case
      when reject_reason is not null then null
      when line_class in ('invoice', 'credit_note') or (line_class = 'opening' and signed_amount > 0) then 'invoice'
      when line_class = 'payment' or (line_class = 'opening' and signed_amount < 0) then 'payment'
      when line_class = 'writeoff' then 'writeoff'
    end as item_kind,
    coalesce(piece_ref, journal_code || '-' || entry_num, source_file || ':' || line) as base_id
  from checked
),

duplicated_ids as (
  select item_kind, base_id
  from items
  where item_kind is not null
  group by item_kind, base_id
  having count(*) > 1
),

renamed_duplicates as (
  select items.source_file, items.line,
         items.base_id || '/' || row_number() over (partition by items.item_kind, items.base_id order by items.source_file, items.line) as item_id
  from items
  semi join duplicated_ids using (item_kind, base_id)
),

final as (
  select
    items.* exclude (base_id),
    case when items.item_kind is not null then coalesce(renamed.item_id, items.base_id) end as item_id
  from items
  left join renamed_duplicates as renamed using (source_file, line)
)

select * from final
