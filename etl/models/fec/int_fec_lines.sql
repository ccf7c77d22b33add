-- One row per usable FEC line (any account, any date): the lines staging did not reject. Later
-- models read FEC lines here, never int_fec_lines_checked, so a line staging rejected (an unreadable
-- amount, say) cannot count in a doubtful balance, a booked provision or a lettering group.
with source as (
  select * from int_fec_lines_checked
),

final as (
  select * exclude (reject_reason, warning)
  from source
  where reject_reason is null
)

select * from final
