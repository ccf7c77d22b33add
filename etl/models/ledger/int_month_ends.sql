-- One row per month end of the history: from the month of the first invoice to the as-of date.
with bounds as (
  select date_trunc('month', min(issue_date)) as first_month
  from int_invoices
),

final as (
  select last_day(unnest(generate_series(first_month::timestamp, getvariable('as_of_date')::timestamp, interval 1 month)))::date as month_end
  from bounds
)

select * from final
where month_end <= getvariable('as_of_date')
