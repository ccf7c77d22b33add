-- One row per dunning letter due at the as-of date: one per client of the worklist whose stage
-- has a letter — preventive_reminder, reminder_1 (relance amiable), reminder_2, formal_notice
-- (mise en demeure, also at litigation) — with the invoices it names (letter_lines), their open
-- amount, the late-payment interest and 40 € indemnities claimed on them, and the deadline to
-- pay (as-of + collections.paymentDeadlineDays).
-- A roll-up of `letter_lines` and `worklist`.
with letter_clients as (
  select client_id, name, sales_rep,
         case stage when 'preventive_reminder' then 'preventive_reminder' when 'reminder_1' then 'reminder_1'
                    when 'reminder_2' then 'reminder_2' when 'formal_notice' then 'formal_notice' when 'litigation' then 'formal_notice' end as letter,
         contact_name, contact_email
  from worklist
),

totals as (
  select client_id, count(*)::integer as invoice_count, sum(open_amount)::decimal(18, 2) as open_amount,
         sum(interest_amount)::decimal(18, 2) as interest_amount, sum(indemnity_amount)::decimal(18, 2) as indemnity_amount
  from letter_lines
  group by client_id
),

final as (
  select
    letter_clients.client_id,
    letter_clients.letter,
    totals.invoice_count,
    totals.open_amount,
    totals.interest_amount,
    totals.indemnity_amount,
    (totals.open_amount + totals.interest_amount + totals.indemnity_amount)::decimal(18, 2) as claimed_amount,
    (getvariable('as_of_date') + getvariable('payment_deadline_days')::integer)::date as payment_deadline_date,
    letter_clients.contact_name,
    letter_clients.contact_email
  from letter_clients
  join totals using (client_id)
  where letter_clients.letter is not null
)

select * from final
order by client_id
