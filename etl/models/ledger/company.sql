-- One row: the company's details printed on letters and statements (configuration key
-- `company`) and the settings the site's words depend on (one settings row, so a help text says
-- what the run used, never a default written into the site): the as-of date, the days a letter
-- gives to pay from the day it is produced (collections.paymentDeadlineDays), the days after which the
-- worklist is stale (collections.staleAfterDays), the late-payment rule's indemnity and ECB
-- points, the history the provision matrix needs before it trusts observed loss rates, and the
-- shares the cash forecast expects of a disputed invoice and of one beyond 90 days past due; the
-- company's own sector (company.sector, which picks its published benchmarks) and the closing date
-- of the fiscal year under way at the as-of date (fiscalYearEnd), the one the D441-6 table waits for;
-- the company's country (company.country, else France for a company in euros), which says whether
-- French rules (the D441-6 table, the French published payment figures) concern it.
with final as (
  select
    nullif(getvariable('company_name'), '') as name,
    nullif(getvariable('company_address'), '') as address,
    nullif(getvariable('company_city'), '') as city,
    nullif(getvariable('company_siren'), '') as siren,
    nullif(getvariable('company_email'), '') as email,
    nullif(getvariable('company_phone'), '') as phone,
    getvariable('currency') as currency,
    nullif(getvariable('company_country'), '') as country,
    coalesce(getvariable('company_country') = 'FR', false) as is_french_law,
    getvariable('as_of_date') as as_of_date,
    getvariable('payment_deadline_days')::integer as payment_deadline_days,
    getvariable('stale_after_days')::integer as stale_after_days,
    getvariable('penalty_indemnity')::decimal(18, 2) as indemnity_amount,
    getvariable('penalty_rate_points')::double as penalty_rate_points,
    getvariable('provision_min_history_months')::integer as provision_min_history_months,
    getvariable('forecast_disputed_share')::double as forecast_disputed_share,
    getvariable('forecast_over90_share')::double as forecast_over90_share,
    nullif(getvariable('company_sector'), '') as sector,
    fiscal_year_end_on_or_after(getvariable('as_of_date')) as current_fiscal_year_end
)

select * from final
