-- One row per fiscal year end, form and band: the table of late invoices of the management report
-- (Code de commerce D441-6, model tables of the arrêté of 20 March 2017), for every fiscal year
-- closed on or before the as-of date since the first invoice (the year under way waits for its
-- closing: `company.current_fiscal_year_end`).
-- form 'closing' (D441-6 I 2°, table I): invoices issued and unpaid at the closing date although
-- their due date had passed; amount = their open amount at the closing (allocations dated up to it,
-- int_invoice_balance_history), by days late at the closing, as a share of the year's turnover
-- (invoices less credit notes issued in the fiscal year). Band 0 (« 0 jour, indicatif ») holds the
-- invoices open and not yet due; the total counts 1 day and more.
-- form 'year' (D441-6 II, the derogation, table II): invoices paid in full during the year after
-- their due date (int_payment_history), by days late at payment, amount = the invoice's amount, as a
-- share of the amount and of the number of invoices issued in the year; band 0 = paid on time.
-- Lateness runs from the invoice's due date: the export's, else the client's payment terms, else the
-- default terms (int_invoices; a default of 30 days is the legal one of L441-10). Amounts incl. tax.
-- Excluded (section B): invoices in dispute — flagged so in the export, or covered by a dispute of
-- the collections log (the invoices it names; every invoice of the client when it names none, as in
-- `disputed_invoices`) that was open at the closing date ('closing'), or open while the invoice was
-- late, before it was paid ('year'). They are counted and summed apart, never in the bands.
with first_invoice as (
  select min(issue_date) as history_start_date from int_invoices
),

fiscal_years as (
  select fiscal_year_end_in(y) as fiscal_year_end,
         (fiscal_year_end_in(y - 1) + 1)::date as fiscal_year_start,
         history_start_date
  from first_invoice, range(year(history_start_date), year(getvariable('as_of_date')) + 1) as t(y)
  where fiscal_year_end_in(y) between history_start_date and getvariable('as_of_date')
),

invoices as (
  select invoice_id, client_id, issue_date, due_date, amount, is_disputed, due_date_source in ('export', 'payment_terms') as is_contract_terms
  from int_invoices
  where kind = 'invoice'
),

year_sales as (
  select fiscal_years.fiscal_year_end,
         coalesce(sum(lines.amount), 0) as turnover_amount,
         coalesce(sum(lines.amount) filter (where lines.kind = 'invoice'), 0) as invoiced_amount,
         count(lines.invoice_id) filter (where lines.kind = 'invoice') as invoiced_count
  from fiscal_years
  left join int_invoices as lines on lines.issue_date between fiscal_years.fiscal_year_start and fiscal_years.fiscal_year_end
  group by all
),

log_disputes as (
  select client_id, invoice_ids, opened_date, coalesce(closed_date, date '9999-12-31') as closed_date from int_disputes
),

open_at_closing as (
  select fiscal_years.fiscal_year_end, invoices.*, history.open_amount as line_amount,
         fiscal_years.fiscal_year_end - invoices.due_date as days_late
  from fiscal_years
  join int_invoice_balance_history as history
    on history.valid_from <= fiscal_years.fiscal_year_end and coalesce(history.valid_to, date '9999-12-31') > fiscal_years.fiscal_year_end
  join invoices using (invoice_id)
  where history.open_amount > 0
),

paid_in_year as (
  select fiscal_years.fiscal_year_end, invoices.*, invoices.amount as line_amount, paid.paid_date, paid.days_late
  from fiscal_years
  join int_payment_history as paid on paid.paid_date between fiscal_years.fiscal_year_start and fiscal_years.fiscal_year_end
  join invoices using (invoice_id)
),

-- The log's disputes that cover a line: the lines of their clients alone, a join on the client. A
-- correlated EXISTS per line listed the 820,000 lines of 1M invoices against them, for none.
closing_disputed as (
  select distinct lines.fiscal_year_end, lines.client_id, lines.invoice_id
  from open_at_closing as lines
  join log_disputes as d
    on d.client_id = lines.client_id and (list_contains(d.invoice_ids, lines.invoice_id) or len(d.invoice_ids) = 0)
   and d.opened_date <= lines.fiscal_year_end and d.closed_date > lines.fiscal_year_end
),

year_disputed as (
  select distinct lines.client_id, lines.invoice_id, lines.paid_date, lines.due_date
  from paid_in_year as lines
  join log_disputes as d
    on d.client_id = lines.client_id and (list_contains(d.invoice_ids, lines.invoice_id) or len(d.invoice_ids) = 0)
   and d.opened_date <= lines.paid_date and d.closed_date >= lines.due_date
),

lines as (
  select 'closing' as form, fiscal_year_end, invoice_id, line_amount, days_late, is_contract_terms,
         is_disputed or disputed.invoice_id is not null as is_excluded
  from open_at_closing
  left join closing_disputed as disputed using (fiscal_year_end, client_id, invoice_id)
  union all
  select 'year', fiscal_year_end, invoice_id, line_amount, days_late, is_contract_terms,
         days_late > 0 and (is_disputed or disputed.invoice_id is not null)
  from paid_in_year
  left join year_disputed as disputed using (client_id, invoice_id, paid_date, due_date)
),

-- The legal bands are fixed by D441-6's model table, not the configurable ageing buckets: their own
-- codes (late_1_30 …), so that neither is read for the other.
banded as (
  select *,
         case when is_excluded then 6
              when days_late <= 0 then 0 when days_late <= 30 then 1 when days_late <= 60 then 2 when days_late <= 90 then 3 else 4 end as bucket_order
  from lines
),

bands as (
  select forms.form, fiscal_years.fiscal_year_end, b.bucket_order, b.bucket
  from fiscal_years
  cross join (values ('closing'), ('year')) as forms(form)
  cross join (values (0, 'not_late'), (1, 'late_1_30'), (2, 'late_31_60'), (3, 'late_61_90'), (4, 'late_91_plus'), (5, 'total'), (6, 'excluded')) as b(bucket_order, bucket)
),

totals as (
  select form, fiscal_year_end, bucket_order, count(*) as invoice_count, sum(line_amount) as amount,
         count(*) filter (where is_contract_terms) as contract_terms_invoice_count
  from banded
  group by all
  union all
  select form, fiscal_year_end, 5, count(*), sum(line_amount), count(*) filter (where is_contract_terms)
  from banded
  where bucket_order between 1 and 4
  group by all
),

final as (
  select
    bands.fiscal_year_end,
    fiscal_years.fiscal_year_start,
    bands.form,
    bands.bucket,
    bands.bucket_order,
    coalesce(totals.invoice_count, 0)::integer as invoice_count,
    coalesce(totals.amount, 0)::decimal(18, 2) as amount,
    case when fiscal_years.history_start_date <= fiscal_years.fiscal_year_start
         then coalesce(totals.amount, 0) / nullif(case bands.form when 'closing' then year_sales.turnover_amount else year_sales.invoiced_amount end, 0)
    end::double as share_of_sales,
    case when bands.form = 'year' and fiscal_years.history_start_date <= fiscal_years.fiscal_year_start
         then coalesce(totals.invoice_count, 0) / nullif(year_sales.invoiced_count, 0)
    end::double as share_of_invoice_count,
    true as amounts_include_tax,
    (case bands.form when 'closing' then year_sales.turnover_amount else year_sales.invoiced_amount end)::decimal(18, 2) as year_sales_amount,
    year_sales.invoiced_count::integer as year_invoice_count,
    fiscal_years.history_start_date <= fiscal_years.fiscal_year_start as is_whole_year,
    fiscal_years.history_start_date,
    coalesce(totals.contract_terms_invoice_count, 0)::integer as contract_terms_invoice_count,
    getvariable('default_terms_days')::integer as default_terms_days
  from bands
  join fiscal_years using (fiscal_year_end)
  join year_sales using (fiscal_year_end)
  left join totals using (form, fiscal_year_end, bucket_order)
)

select * from final
order by fiscal_year_end, form, bucket_order
