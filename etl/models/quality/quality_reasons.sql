-- One row per kind of problem in the quality report, as the quality page's "by reason" table lists
-- them. A roll-up of `quality`: the quality rows of one severity and one input with the same reason code, about the same
-- input column, and with the same fixed parts (kind_parts). The values that vary from line to line
-- (the offending text, an id, a count, the other parts) do not make a kind; the parts that qualify
-- a code do: an unreadable date's format in force (date_unreadable, procedure_date_unreadable,
-- status_date_unreadable), an amount's currency ('amount_<problem>'), and for a warning on an
-- amount that does not read its currency and its problem (paid_amount_unreadable,
-- company_amount_unreadable, excl_tax_unreadable, whole_amount_unreadable). A reason a reader
-- wrote as text and did not code is a kind of its own, by its text.
-- row_count is the number of quality rows of the kind; the reason, its number, ref and parts are
-- those of its first row (by file and line, as `quality` lists them); report_order is the page's
-- order: errors, then warnings, then infos; within a severity the largest kinds first, then by
-- input, code, column and fixed parts.
with quality_rows as (
  select * from quality
),

kinds as (
  select *,
         -- The reason's text only for a reason with no code: a coded reason's kind is its code.
         case when reason_code is null then reason end as uncoded_reason,
         case
           when reason_code in ('paid_amount_unreadable', 'company_amount_unreadable', 'excl_tax_unreadable', 'whole_amount_unreadable')
             then coalesce(reason_parts, [])[1:2]
           when reason_code in ('date_unreadable', 'procedure_date_unreadable', 'status_date_unreadable') or starts_with(reason_code, 'amount_')
             then coalesce(reason_parts, [])[1:1]
           else []::varchar[]
         end as kind_parts
  from quality_rows
),

grouped as (
  select severity, input, reason_code, reason_field, kind_parts, uncoded_reason,
         count(*)::integer as row_count,
         -- The first row as `quality` orders a severity's rows: by file, then line (none first).
         first(reason order by source_file, line nulls first, reason) as reason,
         first(reason_number order by source_file, line nulls first, reason) as reason_number,
         first(reason_ref order by source_file, line nulls first, reason) as reason_ref,
         first(reason_parts order by source_file, line nulls first, reason) as reason_parts,
         first(source_file order by source_file, line nulls first, reason) as first_source_file,
         first(line order by source_file, line nulls first, reason) as first_line
  from kinds
  group by severity, input, reason_code, reason_field, kind_parts, uncoded_reason
),

final as (
  select severity, input, reason_code, reason_field, kind_parts, row_count,
         reason, reason_number, reason_ref, reason_parts, first_source_file, first_line,
         row_number() over (
           order by case severity when 'error' then 0 when 'warning' then 1 when 'info' then 2 else 3 end,
                    row_count desc, input, reason_code nulls last, reason_field nulls first, kind_parts, uncoded_reason
         )::integer as report_order
  from grouped
)

select * from final
order by report_order
