-- One row per client and group of today's dunning actions, for the client's page: the invoices at
-- the same stage for the same reason (every part of the reason alike but the days from due, on the
-- same side of the due date) are one group; a client under a collective procedure's invoices
-- issued after the judgment (is_post_judgment: payable when due, L622-17) are never grouped with its claims to declare. A roll-up of `dunning`.
with final as (
  select client_id, stage, scheduled_stage, is_disputed, schedule_day, stage_start_day, shift_days, grade, collective_procedure,
         procedure_date, is_post_judgment, claim_deadline_date, is_claim_deadline_passed, relief_deadline_date, paused_until_date,
         string_agg(invoice_id, ', ' order by priority) as invoice_ids,
         count(*)::integer as invoice_count,
         sum(open_amount)::decimal(18, 2) as open_amount,
         min(days_from_due)::integer as days_from_due,
         max(days_from_due)::integer as days_from_due_max,
         (sum(count(*)) over (partition by client_id))::integer as client_invoice_count,
         min(priority)::integer as priority
  from dunning
  group by client_id, stage, scheduled_stage, is_disputed, schedule_day, stage_start_day, shift_days, grade, collective_procedure,
           procedure_date, is_post_judgment, claim_deadline_date, is_claim_deadline_passed, relief_deadline_date, paused_until_date, sign(days_from_due)
)

select * from final
order by client_id, priority
