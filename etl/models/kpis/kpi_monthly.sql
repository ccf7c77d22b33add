-- One row per month end and scope (the company, and each segment, sector, country and sales rep):
-- the receivables KPIs of that month. Definitions (the site shows these words):
-- receivables: Open invoices and credit notes at the month end, incl. tax. DSO counts every invoice and credit note that is booked, disputed ones included, and excludes written-off amounts; unapplied cash is reported, not netted into DSO. | Encours : factures et avoirs ouverts en fin de mois, TTC. Le DSO compte toutes les factures et tous les avoirs comptabilisés, litigieux compris, et exclut les montants passés en perte ; les encaissements non affectés sont présentés, jamais déduits du DSO.
-- sales: Gross sales of the month: invoices less credit notes issued in the month, incl. tax (credit notes reduce the sales of the month they are issued in). | Ventes : chiffre d'affaires brut du mois, factures moins avoirs émis dans le mois, TTC (un avoir réduit les ventes du mois de son émission).
-- dso_countback: DSO, countback (exhausting the sales month by month): from the receivables balance at month end, subtract that month's gross sales, then the previous month's, and so on; DSO = days of the months fully consumed + (remaining balance / sales of the next month) × its days. Empty when the receivables exceed every sale of the history (`is_dso_countback_capped`): the months to count are not in the exports; empty too, as the standard DSO, ADD and CEI, when no invoice of the history was ever paid in full (exports without collections). | DSO par épuisement du chiffre d'affaires : du solde de l'encours en fin de mois, on retranche le chiffre d'affaires brut du mois, puis celui du mois précédent, et ainsi de suite ; DSO = jours des mois entièrement épuisés + (solde restant / ventes du mois suivant) × ses jours. Vide quand l'encours dépasse toutes les ventes de l'historique (`is_dso_countback_capped`) : les mois à compter ne sont pas dans les exports ; vide aussi, comme le DSO standard, l'ADD et le CEI, quand aucune facture de l'historique n'a jamais été payée en totalité (exports sans encaissements).
-- dso_standard: DSO, standard: receivables / sales over the last N months × days in those months (N = 3 default). N is the setting dsoWindowMonths; empty until N months of history, or when their sales are not positive. | DSO standard : encours / ventes des N derniers mois × nombre de jours de ces mois (N = 3 par défaut). N est le réglage dsoWindowMonths ; vide avant N mois d'historique, ou si leurs ventes ne sont pas positives.
-- best_possible_dso: Best-possible DSO: not-yet-due receivables / sales × days, same window. | Meilleur DSO possible : encours non échu / ventes × jours, même fenêtre.
-- add_days: ADD (average days delinquent) = DSO − best-possible DSO. The DSO here is the standard DSO, over the same window. | ADD (retard de l'encours) = DSO − meilleur DSO possible. Le DSO est ici le DSO standard, sur la même fenêtre.
-- cei: CEI (collection effectiveness index) over a period of N months: (opening AR + sales / N − closing AR) / (opening AR + sales / N − closing current AR) × 100, where current AR is the part not yet due (for one month, N = 1). Here N = 1: the month. | CEI (indice d'efficacité du recouvrement) sur une période de N mois : (encours d'ouverture + ventes / N − encours de clôture) / (encours d'ouverture + ventes / N − encours courant de clôture) × 100, l'encours courant étant la part non échue (pour un mois, N = 1). Ici N = 1 : le mois.
-- cei_quarter: CEI (collection effectiveness index) over a period of N months: (opening AR + sales / N − closing AR) / (opening AR + sales / N − closing current AR) × 100, where current AR is the part not yet due (for one month, N = 1). Here N = 3: the quarter to the month end. | CEI (indice d'efficacité du recouvrement) sur une période de N mois : (encours d'ouverture + ventes / N − encours de clôture) / (encours d'ouverture + ventes / N − encours courant de clôture) × 100, l'encours courant étant la part non échue (pour un mois, N = 1). Ici N = 3 : le trimestre glissant jusqu'à la fin de mois.
-- share_overdue: Overdue rate: overdue amount / receivables. | Part échue : encours échu / encours.
-- bad_debt_rate_12m: Bad-debt rate: written-off amount over 12 months / sales over the same 12 months. | Taux de créances irrécouvrables : montant passé en perte sur 12 mois / ventes des mêmes 12 mois.
-- receivables_turnover: Receivables turnover: sales / average receivables. Here the sales of the last 12 months / the average of the last 12 month-end receivables (an annual rate). | Rotation des créances : ventes / encours moyen. Ici les ventes des 12 derniers mois / la moyenne des 12 derniers encours de fin de mois (un rythme annuel).
-- avg_days_to_pay: Average days to pay: amount-weighted over invoices settled in the period (the month), from the issue date. Settled means paid in full: an invoice closed by a write-off was not paid and is left out. | Délai moyen de paiement : pondéré par le montant, sur les factures soldées dans la période (le mois), depuis la date de facture. Soldée veut dire payée en totalité : une facture passée en perte n'a pas été payée et n'est pas comptée.
-- avg_days_late: Days late at settlement: amount-weighted over invoices settled in the period (the month), from the due date. Settled means paid in full: an invoice closed by a write-off was not paid and is left out. | Retard au règlement : pondéré par le montant, sur les factures soldées dans la période (le mois), depuis l'échéance. Soldée veut dire payée en totalité : une facture passée en perte n'a pas été payée et n'est pas comptée.
-- A month without sales, or with more credit notes than invoices, is consumed whole by the
-- countback (nothing is subtracted). The receivables cannot exceed the history's sales on a whole
-- ledger, but can with a balance brought forward or an open-balance snapshot: then the countback
-- DSO is empty (is_dso_countback_capped says why), neither the days of the whole history nor an
-- extrapolation.
-- Each headline figure's change since the month end before (the tiles' arrows): this month end's
-- value − the previous row's of the same scope, NULL on the first month end or when either is NULL.
with scope_months as (
  select * from int_kpi_scope_months
),

countback as (
  select * from int_kpi_countback
),

windows as (
  select *,
         sum(sales) over last_n as sales_window, sum(days_in_month) over last_n as days_window,
         count(*) over last_n as months_in_window,
         lag(receivables, 1) over by_month as opening_1m, lag(receivables, 3) over by_month as opening_3m,
         sum(sales) over last_3 as sales_3m,
         sum(sales) over last_12 as sales_12m, sum(writeoffs) over last_12 as writeoffs_12m,
         avg(receivables) over last_12 as avg_receivables_12m, count(*) over last_12 as months_in_12m,
         -- Invoices the company's whole history saw paid in full: none means the exports hold no
         -- collections (an invoice list or an A/R aging report without payments), and every sale
         -- ever made still open gives a DSO of the history's length, an ADD and a CEI of nothing.
         sum(case when scope = 'company' then settled else 0 end) over () > 0 as has_collections
  from scope_months
  window by_month as (partition by scope, scope_value order by month_end),
         last_n as (by_month rows between getvariable('dso_window_months') - 1 preceding and current row),
         last_3 as (by_month rows between 2 preceding and current row),
         last_12 as (by_month rows between 11 preceding and current row)
),

kpis as (
  select
    windows.month_end, windows.scope, windows.scope_value,
    windows.receivables::decimal(18, 2) as receivables,
    windows.not_due::decimal(18, 2) as not_due_amount,
    (windows.receivables - windows.not_due)::decimal(18, 2) as overdue,
    ((windows.receivables - windows.not_due) / nullif(windows.receivables, 0))::double as share_overdue,
    windows.sales::decimal(18, 2) as sales,
    -- Receivables the history's sales do not consume (a balance brought forward, or an open-balance
    -- snapshot that holds only the invoices still unpaid): the countback has no month left to
    -- count, so its DSO is not known; the days of the whole history would read as one.
    case when not countback.is_dso_countback_capped and windows.has_collections then countback.dso_countback end::double as dso_countback,
    countback.is_dso_countback_capped,
    case when windows.months_in_window = getvariable('dso_window_months') and windows.sales_window > 0 and windows.has_collections
         then windows.receivables / windows.sales_window * windows.days_window end::double as dso_standard,
    case when windows.months_in_window = getvariable('dso_window_months') and windows.sales_window > 0 and windows.has_collections
         then windows.not_due / windows.sales_window * windows.days_window end::double as best_possible_dso,
    case when windows.months_in_window = getvariable('dso_window_months') and windows.sales_window > 0 and windows.has_collections
         then (windows.receivables - windows.not_due) / windows.sales_window * windows.days_window end::double as add_days,
    (case when windows.has_collections then (windows.opening_1m + windows.sales - windows.receivables)
      / nullif(windows.opening_1m + windows.sales - windows.not_due, 0) * 100 end)::double as cei,
    (case when windows.has_collections then (windows.opening_3m + windows.sales_3m / 3 - windows.receivables)
      / nullif(windows.opening_3m + windows.sales_3m / 3 - windows.not_due, 0) * 100 end)::double as cei_quarter,
    case when windows.months_in_12m = 12 then windows.sales_12m / nullif(windows.avg_receivables_12m, 0) end::double as receivables_turnover,
    (windows.days_to_pay_weighted / nullif(windows.settled, 0))::double as avg_days_to_pay,
    (windows.days_late_weighted / nullif(windows.settled, 0))::double as avg_days_late,
    windows.writeoffs::decimal(18, 2) as writeoff_amount,
    case when windows.months_in_12m = 12 then windows.writeoffs_12m / nullif(windows.sales_12m, 0) end::double as bad_debt_rate_12m
  from windows
  join countback using (scope, scope_value, month_end)
),

final as (
  select *,
         dso_countback - lag(dso_countback) over by_month as dso_countback_change,
         add_days - lag(add_days) over by_month as add_days_change,
         cei - lag(cei) over by_month as cei_change,
         share_overdue - lag(share_overdue) over by_month as share_overdue_change,
         bad_debt_rate_12m - lag(bad_debt_rate_12m) over by_month as bad_debt_rate_12m_change
  from kpis
  window by_month as (partition by scope, scope_value order by month_end)
)

select * from final
order by scope, scope_value, month_end
