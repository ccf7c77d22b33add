-- One row per reversal of a write-off (a negative line of the write-offs file, a FEC debit of the
-- client against 654), whatever its date, with the write-off it cancels. A reversal is never a
-- write-off of its own: it cancels (part of) one earlier write-off of the same client — the one
-- naming the same invoice, else the one in the same FEC lettering group (a code within a fiscal
-- year: int_fec_letter_groups), else the one booked under the same PieceRef; of several, the
-- latest on or before the reversal's date. int_credits takes the reversals dated on or before the
-- as-of date off their write-off's amount, which reinstates the receivable it had settled.
-- problem says why a reversal is not used (the quality report lists it as an error, the line is
-- not loaded): 'unmatched' when no write-off qualifies — read alone it would either write off
-- more or reinstate a receivable no loaded write-off settled —, 'exceeds' when, with the
-- reversals of that write-off dated before it, it cancels more than was written off.
with lines as (
  select * from int_writeoffs
),

writeoffs as (
  select * from lines where amount > 0
),

reversals as (
  select * from lines where amount < 0
),

letter_groups as (
  select source_file, line, letter_code, group_year from int_fec_letter_groups
),

candidates as (
  select reversals.source_file, reversals.line, writeoffs.writeoff_id, writeoffs.writeoff_date, writeoffs.amount,
         case when reversals.invoice_id = writeoffs.invoice_id then 1
              when reversal_group.letter_code = writeoff_group.letter_code and reversal_group.group_year = writeoff_group.group_year then 2
              else 3 end as match_rank
  from reversals
  left join letter_groups as reversal_group
    on reversal_group.source_file = reversals.source_file and reversal_group.line = reversals.line
  join writeoffs
    on writeoffs.client_id = reversals.client_id
   and writeoffs.writeoff_date <= reversals.writeoff_date
  left join letter_groups as writeoff_group
    on writeoff_group.source_file = writeoffs.source_file and writeoff_group.line = writeoffs.line
  where reversals.invoice_id = writeoffs.invoice_id
     or (reversal_group.letter_code = writeoff_group.letter_code and reversal_group.group_year = writeoff_group.group_year)
     or reversals.piece_ref = writeoffs.piece_ref
),

best as (
  select source_file, line, writeoff_id, amount as writeoff_amount
  from candidates
  qualify row_number() over (partition by source_file, line order by match_rank, writeoff_date desc, writeoff_id desc) = 1
),

matched as (
  select reversals.*, best.writeoff_id as reverses_writeoff_id, best.writeoff_amount,
         sum(-reversals.amount) over (partition by best.writeoff_id order by reversals.writeoff_date, reversals.source_file, reversals.line
                                      rows unbounded preceding) as reversed_so_far
  from reversals
  left join best using (source_file, line)
),

final as (
  select source_file, line, writeoff_id as reversal_id, client_id, writeoff_date as reversal_date,
         (-amount)::decimal(18, 2) as amount, invoice_id, piece_ref, reverses_writeoff_id,
         case when reverses_writeoff_id is null then 'unmatched'
              when reversed_so_far > writeoff_amount then 'exceeds' end as problem
  from matched
)

select * from final
