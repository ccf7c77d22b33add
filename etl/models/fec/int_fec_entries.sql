-- One row per entry (écriture) of the FEC: the lines sharing file, journal and EcritureNum — or, in
-- exports that write EcritureNum 0 on every line, file, journal, date and PieceRef — with its
-- totals and what its lines hold (a write-off or revenue account, a doubtful client line, only
-- client lines). is_opening_superseded: the entry's file holds à-nouveaux of a year whose previous
-- year is loaded too (the loaded lines already hold the items they stand for).
with keyed as (
  select * from stg_fec_typed
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

final as (
  select entries.*, entries.source_file in (select source_file from superseded_openings) as is_opening_superseded
  from entries
)

select * from final
