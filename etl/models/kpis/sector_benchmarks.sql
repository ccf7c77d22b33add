-- One row per scope (the company; each sector and segment of clients) and measure: our figure
-- beside the published one for its sector and size (data/reference/benchmarks.csv), with its year
-- and source. A roll-up of `kpi_monthly`, `client_behaviour`, `clients` and `company`.
-- Our figures, from the marts that define them: DSO = `kpi_monthly.dso_countback` at the last month
-- end; days late = kpi_monthly's average days late (amount-weighted over the invoices paid in full,
-- from the due date, early payment below zero) over the last 12 month ends; share paid on time =
-- 1 − `client_behaviour.share_paid_late_12m` weighted by each client's invoices settled in 12 months.
-- Compared with: the company's DSO with the Banque de France's délais clients (days of sales) of
-- its own sector (setting company.sector); a sector's or segment's DSO — what its clients take to
-- pay us — with the délais fournisseurs (days of purchases) of that sector or size: how it pays
-- its suppliers; days late with Altares' average days late; share paid on time (of invoices) with
-- Altares' share of companies paying on time (of companies: not the same count, the page says so);
-- the sector's business failures over 12 months (no figure of ours). The published figure is the
-- latest for the scope's sector and size (data/reference/benchmark_scopes.csv), else the sector's
-- for all sizes, else the size's for all sectors, else all companies' (is_exact_scope false);
-- failures only for the sector itself. No published figure: no row.
with last_month as (
  select max(month_end) as month_end from kpi_monthly where scope = 'company'
),

scopes as (
  select distinct 'company' as scope, 'all' as scope_value, company.sector as mapping_value, 'sector' as mapping_scope from company
  -- Clients without a sector or segment ('(none)') have no statistics' scope of their own.
  union all select distinct 'sector', scope_value, scope_value, 'sector' from kpi_monthly where scope = 'sector' and scope_value <> '(none)'
  union all select distinct 'segment', scope_value, scope_value, 'segment' from kpi_monthly where scope = 'segment' and scope_value <> '(none)'
),

mapped as (
  select scopes.scope, scopes.scope_value,
         coalesce(map.benchmark_sector, 'all') as benchmark_sector, coalesce(map.benchmark_size, 'all') as benchmark_size
  from scopes
  left join ref_benchmark_scopes as map on map.scope = scopes.mapping_scope and map.value = scopes.mapping_value
),

dso as (
  select case kpi.scope when 'company' then 'company' else kpi.scope end as scope, kpi.scope_value, kpi.dso_countback as value
  from kpi_monthly as kpi join last_month using (month_end)
  where kpi.scope in ('company', 'sector', 'segment')
),

days_late as (
  select months.scope, months.scope_value, sum(months.days_late_weighted) / nullif(sum(months.settled), 0) as value
  from int_kpi_scope_months as months, last_month
  where months.scope in ('company', 'sector', 'segment') and months.month_end > last_month.month_end - interval 12 month
  group by all
),

client_scopes as (
  select client_id, 'company' as scope, 'all' as scope_value from clients
  union all select client_id, 'sector', coalesce(sector, '(none)') from clients
  union all select client_id, 'segment', coalesce(segment, '(none)') from clients
),

on_time as (
  select client_scopes.scope, client_scopes.scope_value,
         1 - sum(behaviour.share_paid_late_12m * behaviour.invoices_settled_12m) / nullif(sum(behaviour.invoices_settled_12m), 0) as value
  from client_behaviour as behaviour join client_scopes using (client_id)
  group by all
),

ours as (
  select mapped.*, measures.measure, measures.benchmark_measure, measures.value
  from mapped
  join (
    select scope, scope_value, 'dso' as measure, case when scope = 'company' then 'customer_dso' else 'supplier_days' end as benchmark_measure, value from dso
    union all select scope, scope_value, 'days_late', 'days_late', value from days_late
    union all select scope, scope_value, 'share_paid_on_time', 'share_paying_on_time', value from on_time
    union all select scope, scope_value, 'failures_12m', 'failures_12m', null from mapped where scope in ('company', 'sector')
  ) as measures using (scope, scope_value)
),

candidates as (
  select ours.*, bench.value as benchmark_value, bench.sector as published_sector, bench.size as published_size,
         bench.year, bench.period, bench.source, bench.publication, bench.url,
         case when bench.sector = ours.benchmark_sector and bench.size = ours.benchmark_size then 1
              when bench.sector = ours.benchmark_sector and bench.size = 'all' then 2
              when bench.sector = 'all' and bench.size = ours.benchmark_size then 3
              else 4 end as preference
  from ours
  join ref_benchmarks as bench
    on bench.measure = ours.benchmark_measure
   and (bench.sector = ours.benchmark_sector or bench.sector = 'all')
   and (bench.size = ours.benchmark_size or bench.size = 'all')
  where ours.measure <> 'failures_12m' or bench.sector = ours.benchmark_sector
),

final as (
  select
    scope, scope_value, measure, value::double as value, (select month_end from last_month) as month_end,
    benchmark_measure, benchmark_sector, benchmark_size, published_sector, published_size,
    benchmark_value, (value - benchmark_value)::double as difference,
    year::integer as benchmark_year, period as benchmark_period, source, publication, url,
    preference = 1 as is_exact_scope
  from candidates
  qualify row_number() over (partition by scope, scope_value, measure order by preference, year desc, benchmark_value) = 1
)

select * from final
order by case scope when 'company' then 0 when 'sector' then 1 else 2 end, scope_value,
         case measure when 'dso' then 0 when 'days_late' then 1 when 'share_paid_on_time' then 2 else 3 end
