-- One row: how far the cash forecast was from the cash collected on history (forecast_backtest),
-- as the weighted absolute percentage error Σ |forecast − actual| / Σ actual over every backtested
-- week — the model's and the naive forecast's ("everything is paid on its due date"). Lower is
-- better; NULL when nothing was collected in the backtested weeks (or there are none). forecast
-- reads model_error for its band: the error is defined here only.
-- A roll-up of `forecast_backtest`.
select
  count(distinct forecast_date)::integer as forecast_dates,
  coalesce(sum(actual_amount), 0)::decimal(18, 2) as actual_amount,
  (sum(abs(forecast_amount - actual_amount)) / nullif(sum(actual_amount), 0))::double as model_error,
  (sum(abs(naive_amount - actual_amount)) / nullif(sum(actual_amount), 0))::double as naive_error
from forecast_backtest
