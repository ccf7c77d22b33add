-- One row per account statement (relevé de compte) of a client with open items, at the as-of
-- date: open invoices, open credit notes (negative), their total — the client's open amount in
-- `invoices` — of which overdue, the unapplied cash (negative) and the balance after it.
-- A roll-up of `statement_lines`.
with lines as (
  select * from statement_lines
),

final as (
  select
    client_id,
    count(*) filter (where line_kind <> 'unapplied_payment')::integer as item_count,
    coalesce(sum(open_amount) filter (where line_kind = 'invoice'), 0)::decimal(18, 2) as invoices_open_amount,
    coalesce(sum(open_amount) filter (where line_kind = 'credit_note'), 0)::decimal(18, 2) as credits_open_amount,
    coalesce(sum(open_amount) filter (where line_kind <> 'unapplied_payment'), 0)::decimal(18, 2) as total_open_amount,
    coalesce(sum(open_amount) filter (where line_kind = 'invoice' and days_past_due > 0), 0)::decimal(18, 2) as overdue_amount,
    coalesce(sum(open_amount) filter (where line_kind = 'unapplied_payment'), 0)::decimal(18, 2) as unapplied_cash_amount,
    coalesce(sum(open_amount), 0)::decimal(18, 2) as balance_amount
  from lines
  group by client_id
)

select * from final
order by client_id
