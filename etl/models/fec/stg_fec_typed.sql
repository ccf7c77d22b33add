-- One row per line of the FEC journal file(s), cast to types (dates, Debit/Credit or Montant +
-- Sens, Montantdevise: the document's amount in its currency Idevise), with the key of its entry
-- (entry_part, entry_piece) and what its account and journal are (client, doubtful, write-off,
-- revenue, provision account; opening or sales journal).
-- int_fec_entries groups these lines into entries and int_fec_lines_checked classifies them.
with source as (
  select *,
         -- Each amount parsed once: the typed values and the unreadable check below both use them.
         parse_fec_amount(debit) as debit_value, parse_fec_amount(credit) as credit_value, parse_fec_amount(amount) as amount_value,
         parse_fec_amount(currency_amount) as currency_amount_value
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
    -- Montantdevise as written (unsigned, like Debit and Credit): int_fec_lines_checked signs it
    -- like the line and keeps it for a line in a foreign currency only.
    currency_amount_value as currency_amount,
    currency_amount as currency_amount_text,
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
)

select * from keyed
