-- One row per line of the FEC journal file(s), typed and classified. An entry (écriture) is the
-- lines sharing file, journal and EcritureNum — or, in exports that write EcritureNum 0 on every
-- line, file, journal, date and PieceRef. A line on a client account (configured prefixes: 411,
-- 413, 416) is classified by its entry: 'invoice' (a debit), 'credit_note' (a credit in a sales
-- journal or against revenue), 'payment' (any other credit), 'writeoff' (a credit against 654),
-- 'writeoff_reversal' (a debit against 654: the write-off cancelled, the receivable reinstated),
-- 'reclassification' (a move between the client's own accounts, 411 → 416 doubtful), 'opening'
-- (à-nouveaux that stand for the items brought forward) or 'opening_superseded' (à-nouveaux of a
-- year whose previous year is loaded too, so its own lines already hold those items; flagged on
-- every line by is_superseded_opening). is_doubtful_line marks a client line on a doubtful-client
-- account (416), is_provision_line the booked provisions (491).
-- reject_reason says why a line cannot be used; warning flags an entry whose debits and credits
-- do not balance (on its first line only, so the quality report names it once); each a
-- reason(code, field, ref, n, parts) (macros.sql).
-- The lines come typed from stg_fec_typed and their entries from int_fec_entries.
with keyed as (
  select * from stg_fec_typed
),

classified as (
  select
    keyed.*,
    (keyed.debit - keyed.credit)::decimal(18, 2) as signed_amount,
    coalesce(aux_account, account) as client_id,
    coalesce(aux_lib, account_lib) as client_name,
    entries.first_line = keyed.line as is_first_line_of_entry,
    -- A Montantdevise written that is not a number; a foreign currency whose amount in it is not
    -- known (none, or 0 on a line that moves money): the line stays in the company currency.
    keyed.currency_amount_text is not null and keyed.currency_amount is null as is_currency_amount_unreadable,
    is_foreign_currency(keyed.currency) and coalesce(keyed.currency_amount, 0) = 0 and keyed.debit <> keyed.credit as lacks_currency_amount,
    is_opening and entries.is_opening_superseded as is_superseded_opening,
    entries.total_debit,
    entries.total_credit,
    case when entries.client_lines = 1 then abs(entries.revenue_amount) end::decimal(18, 2) as revenue_amount,
    case
      when not is_client_line then null
      when is_opening and entries.is_opening_superseded then 'opening_superseded'
      when is_opening then 'opening'
      when entries.only_client_lines and entries.has_doubtful_client_line then 'reclassification'
      when keyed.credit > keyed.debit and entries.has_writeoff_account then 'writeoff'
      when keyed.debit > keyed.credit and entries.has_writeoff_account then 'writeoff_reversal'
      when keyed.debit > keyed.credit then 'invoice'
      when keyed.credit > keyed.debit and (is_sales_journal or entries.has_revenue_account) then 'credit_note'
      when keyed.credit > keyed.debit then 'payment'
      else 'zero'
    end as line_class
  from keyed
  join int_fec_entries as entries using (source_file, journal_code, entry_part, entry_piece)
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
    case when not lacks_currency_amount then currency end as currency,
    case when is_foreign_currency(currency) and not lacks_currency_amount then sign(signed_amount) * abs(currency_amount) end::decimal(18, 2) as currency_amount,
    line_class,
    case
      when entry_date is null then reason('fec_date_unreadable', field := 'EcritureDate', ref := coalesce(entry_date_text, ''))
      when is_implausible_date(entry_date) then reason('date_implausible', field := 'EcritureDate', ref := entry_date)
      when account is null then reason('fec_no_account', field := 'account')
      when amount_unreadable then reason('fec_amount_unreadable', field := 'amount', ref := amount_text)
    end as reject_reason,
    case
      when is_first_line_of_entry and total_debit <> total_credit
        then reason('fec_entry_unbalanced', ref := coalesce(journal_code, '?') || ' ' || coalesce(entry_num, ''),
                    parts := [coalesce(entry_date_text, '?'), total_debit::varchar, total_credit::varchar, (total_debit - total_credit)::varchar])
      when is_client_line and (lacks_currency_amount or is_currency_amount_unreadable)
        then reason('fec_currency_amount_unreadable', field := 'Montantdevise', ref := coalesce(currency_amount_text, ''),
                    parts := [coalesce(currency, '')])
    end as warning
  from classified
),

-- The record each usable client line becomes, and its id: PieceRef (the invoice or payment
-- number), suffixed /1, /2… where one number is on several lines of the same kind. A write-off
-- and its reversal are one kind here (stg_writeoffs reads both), so a reversal booked under the
-- write-off's own PieceRef does not give two lines the same id.
items as (
  select
    *,
    case
      when reject_reason is not null then null
      when line_class in ('invoice', 'credit_note') or (line_class = 'opening' and signed_amount > 0) then 'invoice'
      when line_class = 'payment' or (line_class = 'opening' and signed_amount < 0) then 'payment'
      when line_class in ('writeoff', 'writeoff_reversal') then 'writeoff'
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
