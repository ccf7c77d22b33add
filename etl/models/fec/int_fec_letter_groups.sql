-- One row per usable client line of a FEC that carries a lettering code (EcritureLet), with the
-- lettering group it belongs to: a client's lines sharing a code within one fiscal year.
-- Accounting packages (Sage, Cegid, EBP, ACD, Quadra) make a code unique per account within an
-- exercise, and many start again at AA each year, so a code alone does not name a group across
-- years. The fiscal year is the line's entry date's: years end on the closing day-month of the file
-- name (<SIREN>FEC<YYYYMMDD>, 31 December when the name has none), so a file spanning two years is
-- cut as two files would be. The entry date, not DateLet: DateLet is often empty, and packages
-- that letter as payments come in date each line's step, so one group's DateLets straddle years.
-- A group still open at the end of its year goes on into the next with its code, as the
-- à-nouveaux carry an open lettered or partially lettered line forward: the next year's lines of
-- that code continue it, unless they net to zero by themselves (the code used afresh). À-nouveaux
-- left out because their year is loaded (opening_superseded) are not counted: the lines they
-- stand for are. group_year is the fiscal year the group starts in; group_balance what it leaves
-- unnetted; group_year_end the end of its last fiscal year.
with files as (
  select source_file,
         coalesce(month(try_strptime(regexp_extract(source_file, 'FEC(\d{8})', 1), '%Y%m%d')), 12) as closing_month
  from (select distinct source_file from int_fec_lines)
),

lettered as (
  select lines.source_file, lines.line, lines.client_id, lines.letter_code, lines.signed_amount, files.closing_month,
         -- Shifting the date by the months after the closing month puts the fiscal year in the calendar year.
         year(lines.entry_date + to_months(12 - files.closing_month)) as fiscal_year
  from int_fec_lines as lines
  join files using (source_file)
  where lines.is_client_line and lines.letter_code is not null
    and lines.line_class is distinct from 'opening_superseded'
),

code_years as (
  select client_id, letter_code, fiscal_year, sum(signed_amount) as year_balance, max(closing_month) as closing_month
  from lettered
  group by all
),

-- Earlier groups that netted add nothing to the running balance, so what it holds before a year is
-- what the open group brings into it.
carried as (
  select *,
         coalesce(sum(year_balance) over (partition by client_id, letter_code order by fiscal_year
                                          rows between unbounded preceding and 1 preceding), 0) as brought_forward
  from code_years
),

grouped as (
  select *,
         case when year_balance = 0 then fiscal_year
              else max(case when brought_forward = 0 then fiscal_year end)
                     over (partition by client_id, letter_code order by fiscal_year rows unbounded preceding)
         end as group_year
  from carried
),

groups as (
  select client_id, letter_code, group_year, sum(year_balance) as group_balance,
         last_day(make_date(max(fiscal_year), max(closing_month), 1)) as group_year_end
  from grouped
  group by all
),

final as (
  select lettered.source_file, lettered.line, lettered.client_id, lettered.letter_code, lettered.fiscal_year,
         grouped.group_year, groups.group_balance, groups.group_year_end
  from lettered
  join grouped using (client_id, letter_code, fiscal_year)
  join groups using (client_id, letter_code, group_year)
)

select * from final
