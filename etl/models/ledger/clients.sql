-- One row per client: the clients file's attributes, plus clients met only in invoices or
-- payments (named by their id), with their position at the as-of date. Receivables are the open
-- invoices and credit notes; unapplied cash is shown beside them, never netted. doubtful_amount
-- is what a FEC's doubtful-client accounts (416) hold for the client (int_doubtful_clients).
-- Disputed: its invoices in dispute (disputed_invoices, the one notion: still open, flagged in the
-- export or under an open dispute of the collections log).
-- A roll-up of `disputed_invoices`, `invoices` and `payments`.
with all_clients as (
  select * from int_all_clients
),

positions as (
  select
    client_id,
    sum(open_amount) as receivables_amount,
    sum(open_amount) filter (where bucket <> 'not_due') as overdue_amount,
    max(days_past_due) as max_days_past_due,
    count(*) filter (where kind = 'invoice') as invoice_count,
    min(issue_date) as first_invoice_date,
    max(issue_date) as last_invoice_date
  from invoices
  group by client_id
),

disputed as (
  select client_id, sum(open_amount) as disputed_open_amount, count(*) as disputed_open_invoice_count
  from disputed_invoices
  group by client_id
),

unapplied as (
  select client_id, sum(unapplied_amount) as unapplied_cash_amount
  from payments
  group by client_id
),

-- Its last payment: the latest day it paid on, and what it paid that day (all its payments of that
-- day), on or before the as-of date (payments holds no later one).
last_payment as (
  select client_id, max(payment_date) as last_payment_date, arg_max(amount, payment_date) as last_payment_amount
  from (select client_id, payment_date, sum(amount) as amount from payments group by client_id, payment_date)
  group by client_id
),

final as (
  select
    all_clients.client_id,
    all_clients.name,
    all_clients.segment,
    all_clients.sector,
    all_clients.country,
    all_clients.sales_rep,
    all_clients.payment_terms,
    all_clients.credit_limit,
    all_clients.insured_limit,
    all_clients.guarantee_amount,
    all_clients.external_rating,
    all_clients.legal_status,
    all_clients.procedure_date,
    all_clients.address_line_1,
    all_clients.address_line_2,
    all_clients.postcode,
    all_clients.city,
    doubtful.doubtful_balance_amount as doubtful_amount,
    all_clients.is_in_client_file,
    coalesce(positions.receivables_amount, 0)::decimal(18, 2) as receivables_amount,
    coalesce(positions.overdue_amount, 0)::decimal(18, 2) as overdue_amount,
    coalesce(unapplied.unapplied_cash_amount, 0)::decimal(18, 2) as unapplied_cash_amount,
    last_payment.last_payment_date,
    last_payment.last_payment_amount::decimal(18, 2) as last_payment_amount,
    positions.max_days_past_due::integer as max_days_past_due,
    coalesce(positions.invoice_count, 0)::integer as invoice_count,
    positions.first_invoice_date,
    positions.last_invoice_date,
    coalesce(disputed.disputed_open_amount, 0)::decimal(18, 2) as disputed_open_amount,
    coalesce(disputed.disputed_open_invoice_count, 0)::integer as disputed_open_invoice_count,
    -- Overdue / receivables (DESIGN.md "Overdue rate"); NULL when nothing is receivable.
    case when positions.receivables_amount > 0 then coalesce(positions.overdue_amount, 0) / positions.receivables_amount end::double as share_overdue
  from all_clients
  left join positions using (client_id)
  left join unapplied using (client_id)
  left join disputed using (client_id)
  left join last_payment using (client_id)
  left join int_doubtful_clients as doubtful using (client_id)
)

select
  *,
  -- The clients list's order: clients with open items first, largest receivables first, then the
  -- others; ties and the others by id.
  row_number() over (order by receivables_amount = 0, case when receivables_amount <> 0 then receivables_amount end desc, client_id)::integer as list_order,
  -- Its place among the clients with something overdue, most overdue first (the overview's top
  -- overdue clients); NULL when nothing is overdue.
  case when overdue_amount > 0 then row_number() over (order by overdue_amount > 0 desc, overdue_amount desc, client_id) end::integer as overdue_rank
from final
order by client_id
