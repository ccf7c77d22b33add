-- One row per sales rep with clients in today's worklist: their page and daily digest list those
-- clients. A roll-up of `worklist`.
with final as (
  select sales_rep, count(*)::integer as client_count,
         sum(due_amount)::decimal(18, 2) as due_amount,
         sum(overdue_amount)::decimal(18, 2) as overdue_amount,
         sum(expected_loss_amount)::decimal(18, 2) as expected_loss_amount
  from worklist
  where sales_rep is not null
  group by sales_rep
)

select * from final
order by sales_rep
