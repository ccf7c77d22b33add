-- One row per month end and scope value: the countback DSO (méthode par épuisement du chiffre
-- d'affaires): from the receivables balance at month end, subtract that month's gross sales, then
-- the previous month's, and so on; DSO = days of the months fully consumed + (remaining balance /
-- sales of the next month) × its days. A month without sales, or with more credit notes than
-- invoices, is consumed whole (nothing is subtracted). Receivables beyond the history's sales (a
-- balance brought forward) give the days of the whole history and is_dso_countback_capped, which
-- kpi_monthly publishes as an empty DSO.
with scope_months as (
  select * from int_kpi_scope_months
),

countback_steps as (
  -- For each month end, the months before it from the newest back, with the sales consumed so far.
  select closing.scope, closing.scope_value, closing.month_end, closing.receivables,
         earlier.days_in_month, greatest(earlier.sales, 0) as sales,
         sum(greatest(earlier.sales, 0)) over back - greatest(earlier.sales, 0) as consumed_before,
         sum(earlier.days_in_month) over back - earlier.days_in_month as days_before
  from scope_months as closing
  join scope_months as earlier
    on earlier.scope = closing.scope and earlier.scope_value = closing.scope_value and earlier.month_end <= closing.month_end
  window back as (partition by closing.scope, closing.scope_value, closing.month_end order by earlier.month_end desc rows unbounded preceding)
),

countback as (
  select scope, scope_value, month_end,
         case when any_value(receivables) <= 0 then 0
              else coalesce(min(days_before + (receivables - consumed_before) / sales * days_in_month)
                              filter (where receivables > consumed_before and receivables <= consumed_before + sales and sales > 0),
                            sum(days_in_month)) end as dso_countback,
         any_value(receivables) > sum(sales) as is_dso_countback_capped
  from countback_steps
  group by all
)

select * from countback
