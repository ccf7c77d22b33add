-- One row per dunning letter due at the as-of date: one per client of the worklist whose stage
-- has a letter — preventive_reminder, reminder_1 (relance amiable), reminder_2, formal_notice
-- (mise en demeure, also at litigation) — with the invoices it names (letter_lines), their open
-- amount, the late-payment interest and 40 € indemnities claimed on them. The letter is dated the
-- day it is produced (the site's build date) and gives collections.paymentDeadlineDays from then.
-- Missing is said, never 0: when the ECB table lacks a half-year of an invoice's lateness, the
-- interest total is NULL, interest_unknown_from_date says from when, and claimed_amount holds
-- what can be computed: principal, indemnities and the interest of every day late the table
-- prices (interest_known_amount, the days before the missing half-year included).
-- Language and law by the client's country (ISO code; no country = the company's own,
-- company.country): French for France and the French-speaking neighbours (BE, LU, CH, MC), English
-- elsewhere or when no country is known; the Code de commerce between a company in France and a
-- client in France (and its overseas departments), the EU late-payment directive 2011/7/EU between
-- two member states, else the terms of sale stated on the invoices (a company or a client outside
-- the Union, or a company whose country is not known). is_abroad (is_client_abroad, macros.sql):
-- the address ends with the client's country.
-- The letter is the step of the invoices it names (the most advanced of their stages): the worklist's
-- stage for a client, but for one under a collective procedure whose claims to declare top its row
-- (declare_claim, no letter: L622-21) and whose invoices issued after the judgment are payable when
-- due (L622-17): those get their letter, which names them alone (letter_lines), never the claims;
-- procedure_date (the judgment's) lets the letter say why they are claimed.
-- A client is asked for what its invoices say, in their currency: open_currencies and
-- open_currency_amounts give the principal per currency (the company currency first, then by code),
-- claimed_currencies and claimed_currency_amounts what a formal notice claims per currency — the
-- interest and the fixed indemnities (40 €, a sum in euros) are computed in the company currency by
-- `penalties` and added to its principal. open_amount and claimed_amount stay the company-currency
-- equivalents; has_foreign_currency says when they are not what the letter states.
-- A roll-up of `clients`, `dunning`, `invoices`, `letter_lines` and `worklist`.
with clients_abroad as (
  select client_id, client_country_code(country) as country_code, is_client_abroad(country) as is_abroad, address_line_1, city,
         case when is_collective_procedure(legal_status) then procedure_date end as procedure_date
  from clients
),

letter_stages as (
  select lines.client_id, arg_max(dunning.stage, schedule.stage_order) as stage
  from letter_lines as lines
  join dunning using (invoice_id)
  join ref_dunning_schedule as schedule using (stage)
  group by lines.client_id
),

letter_clients as (
  select worklist.client_id,
         case letter_stages.stage when 'preventive_reminder' then 'preventive_reminder' when 'reminder_1' then 'reminder_1'
                             when 'reminder_2' then 'reminder_2' when 'formal_notice' then 'formal_notice' when 'litigation' then 'formal_notice' end as letter,
         worklist.contact_name, worklist.contact_email,
         client_language(country_code) as letter_language,
         -- The Code de commerce between a company in France and a client there; the directive between
         -- two of the Union; else the terms of sale (a company outside the Union, or a client outside it).
         case when is_france_country(getvariable('company_country')) and is_france_country(country_code) then 'fr_commercial_code'
              when is_eu_country(getvariable('company_country')) and is_eu_country(country_code) then 'eu_directive'
              else 'terms_of_sale' end as legal_basis,
         clients_abroad.address_line_1 is null or clients_abroad.city is null as is_address_missing,
         clients_abroad.is_abroad,
         clients_abroad.procedure_date
  from worklist
  join letter_stages using (client_id)
  join clients_abroad using (client_id)
),

totals as (
  select client_id, count(*)::integer as invoice_count, sum(open_amount)::decimal(18, 2) as open_amount,
         -- The total of a column holding an unknown is unknown.
         case when count(*) filter (where interest_amount is null) = 0 then sum(interest_amount) end::decimal(18, 2) as interest_amount,
         sum(interest_known_amount)::decimal(18, 2) as interest_known_amount,
         (count(*) filter (where interest_amount is null))::integer as interest_unknown_invoice_count,
         min(interest_unknown_from_date) as interest_unknown_from_date,
         sum(indemnity_amount)::decimal(18, 2) as indemnity_amount
  from letter_lines
  group by client_id
),

-- The principal per currency, and the claim per currency: the company currency's takes the interest
-- and the indemnities; it is listed when it has an invoice or something to claim.
by_currency as (
  select client_id, currency, currency = getvariable('currency') as is_company_currency,
         sum(currency_open_amount)::decimal(18, 2) as open_amount, count(*) as invoice_count
  from letter_lines
  group by client_id, currency
),

currency_claims as (
  select coalesce(by_currency.client_id, totals.client_id) as client_id,
         coalesce(by_currency.currency, getvariable('currency')) as currency,
         coalesce(by_currency.is_company_currency, true) as is_company_currency,
         by_currency.open_amount,
         (coalesce(by_currency.open_amount, 0)
          + case when coalesce(by_currency.is_company_currency, true) then totals.interest_known_amount + totals.indemnity_amount else 0 end)::decimal(18, 2) as claimed_amount
  from by_currency
  full join (select client_id, interest_known_amount, indemnity_amount from totals) as totals
    on totals.client_id = by_currency.client_id and by_currency.is_company_currency
  where by_currency.client_id is not null or totals.interest_known_amount + totals.indemnity_amount > 0
),

currencies as (
  select client_id,
         bool_or(not is_company_currency and open_amount is not null) as has_foreign_currency,
         list(currency order by not is_company_currency, currency) filter (where open_amount is not null) as open_currencies,
         list(open_amount order by not is_company_currency, currency) filter (where open_amount is not null) as open_currency_amounts,
         list(currency order by not is_company_currency, currency) as claimed_currencies,
         list(claimed_amount order by not is_company_currency, currency) as claimed_currency_amounts
  from currency_claims
  group by client_id
),

-- The client's overdue invoices the letter does not name: paused by a dispute, a pending promise
-- or "do not chase until" (the client page's penalties count them, the letter does not).
-- Their amount per currency too (the company's first, then by code), said as the letter says its
-- principal: a client invoiced in francs is not told its held-back invoices in euros.
left_out_by_currency as (
  select dunning.client_id, invoices.currency, count(*)::integer as invoice_count, sum(dunning.open_amount)::decimal(18, 2) as open_amount,
         sum(invoices.currency_open_amount)::decimal(18, 2) as currency_open_amount
  from dunning
  join invoices using (invoice_id)
  where dunning.stage like 'paused\_%' escape '\' and dunning.days_from_due > 0
  group by dunning.client_id, invoices.currency
),

left_out as (
  select client_id, sum(invoice_count)::integer as left_out_invoice_count, sum(open_amount)::decimal(18, 2) as left_out_open_amount,
         list(currency order by currency <> getvariable('currency'), currency) as left_out_currencies,
         list(currency_open_amount order by currency <> getvariable('currency'), currency) as left_out_currency_amounts
  from left_out_by_currency
  group by client_id
),

final as (
  select
    letter_clients.client_id,
    letter_clients.letter,
    letter_clients.letter_language,
    letter_clients.legal_basis,
    not letter_clients.is_address_missing as is_ready,
    letter_clients.is_address_missing,
    totals.invoice_count,
    totals.open_amount,
    totals.interest_amount,
    totals.interest_known_amount,
    totals.interest_unknown_invoice_count,
    totals.interest_unknown_from_date,
    totals.indemnity_amount,
    (totals.open_amount + totals.interest_known_amount + totals.indemnity_amount)::decimal(18, 2) as claimed_amount,
    currencies.has_foreign_currency,
    currencies.open_currencies,
    currencies.open_currency_amounts,
    currencies.claimed_currencies,
    currencies.claimed_currency_amounts,
    coalesce(left_out.left_out_invoice_count, 0) as left_out_invoice_count,
    coalesce(left_out.left_out_open_amount, 0)::decimal(18, 2) as left_out_open_amount,
    coalesce(left_out.left_out_currencies, []::varchar[]) as left_out_currencies,
    coalesce(left_out.left_out_currency_amounts, []::decimal(18, 2)[]) as left_out_currency_amounts,
    letter_clients.contact_name,
    letter_clients.contact_email,
    letter_clients.procedure_date,
    letter_clients.is_abroad
  from letter_clients
  join totals using (client_id)
  join currencies using (client_id)
  left join left_out using (client_id)
  where letter_clients.letter is not null
)

select * from final
order by client_id
