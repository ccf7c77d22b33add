-- One row per invoice paid late or still overdue at the as-of date: the late-payment penalties
-- claimable under French law (Code de commerce L441-10, D441-5). Interest = open amount × (ECB
-- main refinancing rate in force on 1 January or 1 July of the half-year + 10 points) × days late
-- / 365, day by day on the amount still unpaid, from the day after the due date to the payment
-- (or the as-of date); plus the fixed 40 € recovery indemnity per invoice. Days in a half-year
-- missing from data/reference/ecb_rates.csv are not priced (days_without_rate) rather than guessed.
-- Invoices partly written off are left out: the claim went with the write-off. The rule is French
-- B2B law: with penalties.enabled off (the default for a company whose currency is not EUR) the
-- table is empty rather than claiming French interest on foreign invoices.
-- A client under a collective procedure (int_client_procedures): the opening judgment stops
-- interest on the claims born before it (L622-28: is_pre_judgment, macros.sql — issued on or before
-- the judgment's date), so their days late count up to the judgment's date and none after it (one
-- of them due on or after it bears nothing); what they owe is to declare to the mandataire, not
-- claimable (is_to_declare). An invoice issued after the judgment is a claim born after it, payable
-- when due (L622-17; L641-13 in liquidation): its interest runs like any invoice's and, with its
-- indemnity, is claimable. Without the judgment's date, interest runs to the as-of date, all of
-- it to declare.
-- A claim born before the judgment and foreclosed (dunning's claim_foreclosed) is still is_to_declare —
-- the procedure's, not claimable — and is_claim_foreclosed: its penalties are lost with it.
-- A roll-up of `dunning` and `invoices`.
with late_spans as (
  -- A balance held from valid_from to valid_to (excluded) was unpaid at the end of the days
  -- valid_from … valid_to − 1, so it bears interest on days valid_from + 1 … valid_to.
  select history.invoice_id, invoices.client_id, invoices.due_date, history.open_amount,
         greatest(history.valid_from + 1, invoices.due_date + 1) as first_day,
         least(coalesce(history.valid_to, getvariable('as_of_date')), getvariable('as_of_date'),
               case when is_pre_judgment(invoices.issue_date, procedures.procedure_date) then procedures.procedure_date end) as last_day
  from int_invoice_balance_history as history
  join invoices using (invoice_id)
  left join int_client_procedures as procedures using (client_id)
  where invoices.kind = 'invoice' and history.open_amount > 0 and invoices.written_off_amount = 0
    and getvariable('penalties_enabled')
),

half_years as (
  select half_year_start, (half_year_start + interval 6 month)::date - 1 as half_year_end, ecb_rate
  from ref_ecb_rates
),

priced as (
  select spans.invoice_id, spans.open_amount, half_years.ecb_rate,
         least(spans.last_day, half_years.half_year_end) - greatest(spans.first_day, half_years.half_year_start) + 1 as days
  from late_spans as spans
  join half_years
    on half_years.half_year_start <= spans.last_day and half_years.half_year_end >= spans.first_day
  where spans.first_day <= spans.last_day
),

-- The sum is a DECIMAL (amount × rate in points × days, exact), divided once by 100 × 365: the
-- interest is the same to the cent whatever the order of the spans (a DOUBLE sum was not).
per_invoice as (
  select invoice_id,
         sum(open_amount * (ecb_rate + getvariable('penalty_rate_points')::decimal(6, 3)) * days) / 36500 as interest,
         sum(days) as priced_days
  from priced
  group by invoice_id
),

-- Days late before the table's first half-year are unpriced too, but told apart: the fix is an
-- earlier row, not the next one.
first_rate_day as (
  select min(half_year_start) as first_day from ref_ecb_rates
),

late_days as (
  select invoice_id, any_value(client_id) as client_id, any_value(due_date) as due_date,
         sum(last_day - first_day + 1) as days_late_total, max(last_day) as last_day,
         sum(greatest(0, least(last_day, (select first_day from first_rate_day) - 1) - first_day + 1)) as days_before_table
  from late_spans
  where first_day <= last_day
  group by invoice_id
),

-- The first day late that no half-year of the table prices (before the table, in a gap, or after
-- its last row): from that day the interest is unknown, and the letter says so instead of a figure.
rate_missing as (
  select spans.invoice_id, min(greatest(spans.first_day, grid.half_year_start)) as rate_missing_from_date
  from late_spans as spans
  join (
    select unnest(generate_series(date_trunc('year', min(first_day)), max(last_day), interval 6 month))::date as half_year_start
    from late_spans
  ) as grid
    on grid.half_year_start <= spans.last_day and (grid.half_year_start + interval 6 month)::date - 1 >= spans.first_day
  where spans.first_day <= spans.last_day
    and grid.half_year_start not in (select half_year_start from ref_ecb_rates)
  group by spans.invoice_id
),

-- The recovery indemnity is due once per invoice: an invoice with several due dates bears it on
-- one of its late instalments, an open one when there is one (what letters still claim).
-- The late invoices are joined to `invoices` once, here, for the indemnity and for the final row
-- (whether still open): a second join of `invoices` and a join back to these rows cost an eighth
-- of the model's time at 1M invoices.
late_invoices as (
  select late_days.*, invoices.open_amount > 0 as is_still_open, invoices.issue_date,
         row_number() over (partition by late_days.client_id, invoices.invoice_number
                            order by invoices.open_amount > 0 desc, late_days.due_date, late_days.invoice_id) = 1 as bears_indemnity
  from late_days
  join invoices using (invoice_id)
),

final as (
  select
    late_days.client_id,
    late_days.invoice_id,
    late_days.due_date,
    (late_days.last_day - late_days.due_date)::integer as days_late,
    coalesce(per_invoice.interest, 0)::decimal(18, 2) as interest_amount,
    case when late_days.bears_indemnity then getvariable('penalty_indemnity') else 0 end::decimal(18, 2) as indemnity_amount,
    (coalesce(per_invoice.interest, 0)::decimal(18, 2)
      + case when late_days.bears_indemnity then getvariable('penalty_indemnity') else 0 end)::decimal(18, 2) as penalty_amount,
    (late_days.days_late_total - coalesce(per_invoice.priced_days, 0))::integer as days_without_rate,
    coalesce(late_days.days_before_table, 0)::integer as days_before_rate_table,
    rate_missing.rate_missing_from_date,
    late_days.is_still_open,
    late_days.is_still_open and procedures.client_id is not null and is_pre_judgment(late_days.issue_date, procedures.procedure_date) as is_to_declare,
    -- Of those, a claim foreclosed (not declared, the time to ask for relief passed: dunning's
    -- claim_foreclosed): its penalties go with it, nothing left to declare.
    foreclosed.invoice_id is not null as is_claim_foreclosed
  from late_invoices as late_days
  left join per_invoice using (invoice_id)
  left join rate_missing using (invoice_id)
  left join int_client_procedures as procedures on procedures.client_id = late_days.client_id
  left join (select invoice_id from dunning where stage = 'claim_foreclosed') as foreclosed on foreclosed.invoice_id = late_days.invoice_id
)

select * from final
order by client_id, invoice_id
