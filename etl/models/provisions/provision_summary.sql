-- One row: the provision to book at the latest month end, and whether the matrix passes its
-- backtest. Matrix (IFRS 9 provision matrix, every open balance) and specific (French practice,
-- doubtful clients and invoices, on amounts excl. tax, at the as-of date) overlap where a client's
-- bucket carries both: the provision to book takes, per client and bucket, the higher of the two
-- (the specific provision alone where the matrix has none, and the other way round). Change since
-- the last month end: the matrix at the latest month end against the one before.
-- Backtest: over the latest 6 backtested month ends (provision_backtest), written off
-- within 12 months / matrix provision; it holds between 0.5 and 2 ('holds'), else
-- 'under_provisioned' (above 2) or 'over_provisioned' (below 0.5); 'not_enough_history' when no
-- month end has been backtested. The balances under each method and the booked provisions (a
-- FEC's 491 at its latest month end; NULL without one) are the totals the provisions page shows.
-- provision_base names the one base of both books: 'excl_tax' (amounts excluding recoverable VAT,
-- the default) or 'incl_tax' (provisions.vatRecoverable off).
-- A roll-up of `provision_backtest` and `provisions`.
with matrix as (
  select month_end, client_id, bucket, sum(amount) as amount, sum(balance_amount) as balance_amount
  from provisions where method = 'matrix'
  group by all
),

booked as (
  select sum(amount) as amount from provisions
  where method = 'booked' and month_end = (select max(month_end) from provisions where method = 'booked')
),

latest as (
  select max(month_end) as month_end, max(month_end) filter (where month_end < (select max(month_end) from matrix)) as previous_month_end
  from matrix
),

specific as (
  select client_id, bucket, sum(amount) as amount, sum(balance_amount) as balance_amount from provisions where method = 'specific' group by all
),

side_by_side as (
  -- Each client × bucket of the latest month end with its matrix and specific provision.
  select coalesce(m.amount, 0) as matrix_amount, coalesce(s.amount, 0) as specific_amount, m.amount is not null and s.amount is not null as is_overlap
  from (select * from matrix where month_end = (select month_end from latest)) as m
  full join specific as s using (client_id, bucket)
),

overlap as (
  select sum(matrix_amount) filter (where is_overlap) as amount, sum(greatest(matrix_amount, specific_amount)) as recommended_amount
  from side_by_side
),

backtest as (
  select count(*) as month_ends, sum(provision_amount) as provision_amount, sum(written_off_12m_amount) as written_off_amount
  from (select * from provision_backtest order by month_end desc limit 6)
),

final as (
  select
    latest.month_end,
    coalesce((select sum(amount) from matrix where month_end = latest.month_end), 0) as matrix_amount,
    coalesce((select sum(balance_amount) from matrix where month_end = latest.month_end), 0) as matrix_balance_amount,
    coalesce((select sum(balance_amount) from specific), 0) as specific_balance_amount,
    (select amount from booked) as booked_amount,
    (select case when bool_or(basis = 'prudent_default') then 'prudent_default' else 'observed' end
     from provisions where method = 'matrix' and month_end = latest.month_end) as matrix_rate_source,
    latest.previous_month_end,
    (select sum(amount) from matrix where month_end = latest.previous_month_end) as previous_matrix_amount,
    coalesce((select sum(amount) from specific), 0) as specific_amount,
    coalesce((select amount from overlap), 0) as overlap_amount,
    coalesce((select recommended_amount from overlap), 0) as recommended_amount,
    backtest.month_ends::integer as backtest_month_ends,
    backtest.provision_amount as backtest_provision_amount,
    backtest.written_off_amount as backtest_written_off_amount,
    backtest.written_off_amount / nullif(backtest.provision_amount, 0) as backtest_ratio
  from latest cross join backtest
)

select month_end, matrix_amount::decimal(18, 2) as matrix_amount, matrix_rate_source, previous_month_end,
       previous_matrix_amount::decimal(18, 2) as previous_matrix_amount,
       (matrix_amount - previous_matrix_amount)::decimal(18, 2) as matrix_change_amount,
       specific_amount::decimal(18, 2) as specific_amount, overlap_amount::decimal(18, 2) as overlap_amount,
       recommended_amount::decimal(18, 2) as recommended_amount,
       backtest_month_ends, backtest_provision_amount::decimal(18, 2) as backtest_provision_amount,
       backtest_written_off_amount::decimal(18, 2) as backtest_written_off_amount, backtest_ratio::double as backtest_ratio,
       case when backtest_ratio is null then 'not_enough_history' when backtest_ratio > 2 then 'under_provisioned'
            when backtest_ratio < 0.5 then 'over_provisioned' else 'holds' end as backtest_verdict,
       matrix_balance_amount::decimal(18, 2) as matrix_balance_amount, specific_balance_amount::decimal(18, 2) as specific_balance_amount,
       booked_amount::decimal(18, 2) as booked_amount,
       getvariable('provision_base') as provision_base
from final
