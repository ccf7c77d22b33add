-- Parsing rules shared by the staging models. The formats come from the configuration, set by
-- the runner as variables (date_format, true_values, credit_note_values, currency), and the
-- decimal sign from each file's raw rows (decimal_sign: detected per file by the reader, or the
-- configured openItems.decimalSeparator).

-- An amount is read, never guessed (DESIGN.md, "Reading rules"). read_amount(text, sign) gives
-- {value, problem_code, currency}: the value when the text is an amount under the file's decimal
-- sign, else the problem as a code (amount_problem_code; a reason words it, amount_problem_text in
-- English), with the currency written beside it. Read: thousands grouped by three digits with the
-- other sign, a space, a no-break space or an apostrophe ('1 705,03', '1.705,03', '1,705.03',
-- '1'705.03'); at most two decimals (money); a minus before or after the number ('-12,50',
-- '12,50-' as SAP writes it) or parentheses ('(12.50)', accounting) make it negative; a currency
-- sign or code before or after ('€', '$', 'EUR') when it is the company's. Rejected, with the
-- reason: a grouping that contradicts the sign ('1,705.03' under a decimal comma), three or more
-- decimals ('886,555'), two signs, an unmatched parenthesis, another currency than the company's.
create or replace macro amount_parts(text) as
  regexp_extract(text,
    '^[\s\x{00A0}\x{202F}]*(\(?)[\s\x{00A0}\x{202F}]*([-+\x{2212}]?)[\s\x{00A0}\x{202F}]*(€|\$|£|[A-Za-z]{3})?[\s\x{00A0}\x{202F}]*([-+\x{2212}]?)[\s\x{00A0}\x{202F}]*'
    || '([0-9]([0-9 .,''\x{00A0}\x{202F}]*[0-9])?|[.,][0-9]+)'
    || '[\s\x{00A0}\x{202F}]*(€|\$|£|[A-Za-z]{3})?[\s\x{00A0}\x{202F}]*([-\x{2212}]?)[\s\x{00A0}\x{202F}]*(\)?)[\s\x{00A0}\x{202F}]*$',
    ['open', 'lead_sign', 'lead_currency', 'sign', 'number', 'digits_end', 'currency', 'trail_sign', 'close']);

-- Whether a currency sign or code written beside an amount is the company currency's.
create or replace macro is_company_currency(symbol) as
  case symbol
    when '€' then getvariable('currency') = 'EUR'
    when '£' then getvariable('currency') = 'GBP'
    when '$' then getvariable('currency') in ('USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD')
    else upper(symbol) = getvariable('currency')
  end;

-- The number part under the decimal sign: groups of three digits, then the decimal part.
create or replace macro amount_grouping_fits(number, sign) as
  case sign
    when ',' then regexp_full_match(number, '([0-9]+|[0-9]{1,3}([. ''\x{00A0}\x{202F}][0-9]{3})+)?(,[0-9]+)?')
    else regexp_full_match(number, '([0-9]+|[0-9]{1,3}([, ''\x{00A0}\x{202F}][0-9]{3})+)?(\.[0-9]+)?')
  end;

create or replace macro amount_decimals(number, sign) as
  length(regexp_extract(number, case sign when ',' then ',([0-9]*)$' else '\.([0-9]*)$' end, 1));

-- What is wrong with an amount, as a code (the quality report's reason_code is 'amount_' and this):
-- the site words it in its language, amount_problem_text in English.
create or replace macro amount_problem_code(p, sign) as
  case
    when p.number = '' then 'not_a_number'
    when (p.open = '(') <> (p.close = ')') then 'unmatched_parenthesis'
    when (p.open = '(')::int + (p.lead_sign <> '')::int + (p.sign <> '')::int + (p.trail_sign <> '')::int > 1 then 'two_signs'
    when p.lead_currency <> '' and p.currency <> '' then 'two_currencies'
    when coalesce(nullif(p.lead_currency, ''), nullif(p.currency, '')) is not null
      and not is_company_currency(coalesce(nullif(p.lead_currency, ''), nullif(p.currency, '')))
      then 'foreign_currency'
    when not amount_grouping_fits(p.number, sign) then 'grouping_' || case sign when ',' then 'comma' else 'point' end
    when amount_decimals(p.number, sign) > 2 then 'decimals_' || case sign when ',' then 'comma' else 'point' end
  end;

-- An amount problem's code in English, worded to follow "amount '<text>' "; currency is the one
-- written beside the amount (for 'foreign_currency').
create or replace macro amount_problem_text(code, currency) as
  case code
    when 'not_a_number' then 'is not a number'
    when 'unmatched_parenthesis' then 'has an unmatched parenthesis'
    when 'two_signs' then 'has more than one sign'
    when 'two_currencies' then 'has two currency signs'
    when 'foreign_currency' then 'is in ' || currency || ', not the company currency ' || getvariable('currency')
    when 'grouping_comma' then 'does not fit the decimal comma of its file (thousands in groups of three digits, then one decimal comma)'
    when 'grouping_point' then 'does not fit the decimal point of its file (thousands in groups of three digits, then one decimal point)'
    when 'decimals_comma' then 'has more than two decimals (read with a decimal comma)'
    when 'decimals_point' then 'has more than two decimals (read with a decimal point)'
    when 'too_large' then 'is too large'
  end;

create or replace macro amount_currency(p) as
  coalesce(nullif(p.lead_currency, ''), nullif(p.currency, ''));

create or replace macro amount_value(p, sign) as
  case when p.open = '(' or p.lead_sign in ('-', '−') or p.sign in ('-', '−') or p.trail_sign <> '' then -1 else 1 end
  * try_cast(replace(regexp_replace(p.number, case sign when ',' then '[. ''\x{00A0}\x{202F}]' else '[, ''\x{00A0}\x{202F}]' end, '', 'g'), ',', '.')
             as decimal(18, 2));

create or replace macro read_amount(text, sign) as
  case
    when text is null then null
    -- The common case, a plain number, without the full pattern: it is most rows of most files.
    when sign = ',' and regexp_full_match(text, '-?[0-9]{1,15}(,[0-9]{1,2})?')
      then {'value': replace(text, ',', '.')::decimal(18, 2), 'problem_code': null::varchar, 'currency': null::varchar}
    when sign <> ',' and regexp_full_match(text, '-?[0-9]{1,15}(\.[0-9]{1,2})?')
      then {'value': text::decimal(18, 2), 'problem_code': null::varchar, 'currency': null::varchar}
    -- One pass of the pattern per value, bound once by the lambda.
    else list_transform([amount_parts(text)], p -> {
      'value': case when amount_problem_code(p, sign) is null then amount_value(p, sign) end,
      'problem_code': coalesce(amount_problem_code(p, sign),
                               case when amount_value(p, sign) is null then 'too_large' end),
      'currency': amount_currency(p)})[1]
  end;

-- A date in the configured format; an ISO date (YYYY-MM-DD, as a workbook's date cells are read)
-- is unambiguous and read in any case.
create or replace macro parse_date(text) as
  coalesce(try_strptime(text, getvariable('date_format')), try_strptime(text, '%Y-%m-%d'))::date;

create or replace macro parse_flag(text) as
  coalesce(list_contains(getvariable('true_values'), lower(text)), false);

create or replace macro is_credit_note_kind(text) as
  coalesce(list_contains(getvariable('credit_note_values'), lower(text)), false);

-- A date a ledger cannot hold (1900-01-01 placeholders, 2100 typos): rejected rather than letting
-- it stretch the history or the as-of date.
create or replace macro is_implausible_date(d) as
  d < date '1990-01-01' or d > date '2099-12-31';

-- A document currency other than the company's: its amounts are never added as they are, but
-- taken from the export's company-currency column or converted with the rates file.
create or replace macro is_foreign_currency(c) as
  c is not null and upper(c) <> upper(getvariable('currency'));

-- An amount in the company currency: the export's company-currency amount when it gives one, else
-- the document amount when it is in the company currency, else the amount converted at the rate
-- in force on its date (converted_amount, from ref_fx_rates; NULL when the rates file has none,
-- and the run stops, etl/unconverted-amounts.ts). Invoices, payments and write-offs alike.
create or replace macro in_company_currency(company_amount, currency, amount, converted_amount) as
  coalesce(company_amount, case when not is_foreign_currency(currency) then amount end, converted_amount)::decimal(18, 2);

-- Payment terms as people write them. The text is read lower-case without accents; the parts are
-- the number of days ("30 jours", "45 days", "net 30", "30j"), whether the end of the month
-- comes after the days ("30 jours fin de mois": 30 days, then the month end) or before them
-- ("fin de mois + 45 jours"), a day of the following month ("… le 10"), or payment on receipt
-- ("comptant", "à réception", "cash"). Bases: 'immediate', 'invoice_date', 'end_of_month' (days
-- then month end) and 'month_end_then_days'; NULL when the text says none of these.
create or replace macro terms_text(text) as
  regexp_replace(strip_accents(lower(trim(text))), '\s+', ' ', 'g');

create or replace macro terms_days_text(t) as
  coalesce(nullif(regexp_extract(t, '(\d+) ?(jours|jour|days|day|j|d)\b', 1), ''),
           nullif(regexp_extract(t, '\bnet ?(\d+)', 1), ''));

create or replace macro terms_month_end_at(t) as
  nullif(regexp_extract(t, '(fin de mois|end of month|month end|\beom\b|\bfdm\b|\bf\.d\.m\b)', 1), '');

create or replace macro terms_basis(text) as
  case
    when terms_text(text) is null then null
    when terms_month_end_at(terms_text(text)) is not null
      and (terms_days_text(terms_text(text)) is null
           or strpos(terms_text(text), terms_month_end_at(terms_text(text))) < strpos(terms_text(text), terms_days_text(terms_text(text))))
      then 'month_end_then_days'
    when terms_month_end_at(terms_text(text)) is not null then 'end_of_month'
    when terms_days_text(terms_text(text)) is not null then 'invoice_date'
    when regexp_matches(terms_text(text), 'comptant|reception|receipt|\bcash\b|immediat|a vue|on demand') then 'immediate'
  end;

create or replace macro terms_days(text) as
  case when terms_basis(text) = 'immediate' then 0
       when terms_basis(text) is not null then coalesce(terms_days_text(terms_text(text))::integer, 0) end;

-- "… le 10", "… on the 10th": paid on that day of the month after the month end.
create or replace macro terms_day_of_month(text) as
  case when terms_basis(text) in ('end_of_month', 'month_end_then_days')
       then nullif(coalesce(nullif(regexp_extract(terms_text(text), '\ble (\d{1,2})\b', 1), ''),
                            nullif(regexp_extract(terms_text(text), '\bon the (\d{1,2})', 1), '')), '')::integer end;

-- The due date an invoice issued on `issue` gets under terms already parsed (basis, days, day of
-- the month): models that date many invoices parse each client's terms once and call this.
create or replace macro due_date_from_terms(issue, basis, days, day_of_month) as
  case
    when day_of_month is not null then
      least(
        case basis when 'end_of_month' then last_day(issue + days) else last_day(issue) + days end + day_of_month,
        last_day(case basis when 'end_of_month' then last_day(issue + days) else last_day(issue) + days end + 1))
    else
      case basis
        when 'immediate' then issue
        when 'invoice_date' then issue + days
        when 'end_of_month' then last_day(issue + days)
        when 'month_end_then_days' then last_day(issue) + days
      end
  end::date;

-- The due date an invoice issued on `issue` gets under the terms; NULL when they are not understood.
create or replace macro terms_due_date(issue, text) as
  due_date_from_terms(issue, terms_basis(text), terms_days(text), terms_day_of_month(text));

-- French legal ceiling (Code de commerce L441-10): 60 days from the invoice date or, where agreed,
-- 45 days end of month, which the DGCCRF accepts counted either way (45 days then the month end,
-- or the month end then 45 days). A due date is beyond it when it is later than all three.
create or replace macro is_due_beyond_legal_ceiling(issue, due) as
  due > greatest(issue + 60, last_day(issue + 45), last_day(issue) + 45);

-- FEC helpers. An amount as a FEC writes it: decimal comma or point, maybe zero-padded
-- ('0000000074,70') or spaced; NULL when it is not a number.
create or replace macro parse_fec_amount(text) as
  -- Plain replaces (spaces, no-break spaces U+00A0 and U+202F, decimal comma): a regular
  -- expression here cost seconds on a FEC of millions of lines.
  try_cast(replace(replace(replace(replace(text, ' ', ''), chr(160), ''), chr(8239), ''), ',', '.') as decimal(18, 2));

create or replace macro has_prefix(account, prefixes) as
  coalesce(len(list_filter(prefixes, p -> starts_with(account, p))) > 0, false);

-- Collective procedures (Code de commerce, livre VI): the kind of procedure a client's legal
-- status names, in French or English, lower-cased without accents; NULL when it names none.
-- 'liquidation': liquidation judiciaire (LJ), winding up, bankruptcy, chapter 7 (a liquidation
-- amiable or a members' voluntary liquidation is a solvent closure, not a procedure);
-- 'receivership': redressement judiciaire (RJ), receivership, administration, and the generic
-- words (procédure collective, insolvency, chapter 11) when they do not say which;
-- 'safeguard': sauvegarde (accélérée), safeguard. The one rule every model reads.
create or replace macro procedure_text(status) as
  regexp_replace(strip_accents(lower(trim(status))), '\s+', ' ', 'g');

create or replace macro collective_procedure_of(status) as
  case
    when status is null or regexp_matches(procedure_text(status), 'amiable|members.? voluntary|\bsolvent') then null
    when regexp_matches(procedure_text(status), 'liquidation|winding.?up|bankrupt|faillite|chapter 7|\blj\b') then 'liquidation'
    when regexp_matches(procedure_text(status), 'sauvegarde|safeguard') then 'safeguard'
    when regexp_matches(procedure_text(status),
      'redressement|receivership|\badministration\b|insolven|procedure collective|collective (procedure|proceeding)|chapter 11|\brj\b')
      then 'receivership'
  end;

create or replace macro is_collective_procedure(status) as
  collective_procedure_of(status) is not null;

-- Whether an invoice of a client under a collective procedure is a claim born before the opening
-- judgment — the one the procedure holds: to declare to the mandataire (R622-24), foreclosed when
-- not declared in time (L622-26), its interest stopped at the judgment (L622-28), individual
-- collection suspended (L622-21). A claim born after the judgment for the needs of the business
-- is paid when due (L622-17; L641-13 in liquidation): it is chased, bears interest and is
-- provisioned like any other. The invoice's issue date stands for the claim's birth. An invoice
-- issued on the judgment's day itself counts as before it: the judgment takes effect from the
-- first hour of its day, but an invoice dated that day bills goods or work delivered by then, and
-- declaring a claim that did not need it costs a letter where not declaring one loses it (the same
-- day is also the last one the stop of interest counts, penalties.sql). Without the judgment's date
-- every open invoice stays under the procedure (nothing tells the later ones apart).
create or replace macro is_pre_judgment(issue_date, procedure_date) as
  procedure_date is null or issue_date <= procedure_date;

-- A country code as the clients file or company.country writes it (ISO 3166 alpha-2, upper case;
-- 'FRA' and 'FRANCE' read too): France with its overseas departments, where the Code de commerce
-- applies, and the member states of the Union, where the late-payment directive 2011/7/EU does.
create or replace macro is_france_country(code) as
  code in ('FR', 'FRA', 'FRANCE', 'GP', 'MQ', 'GF', 'RE', 'YT');
create or replace macro is_eu_country(code) as
  is_france_country(code) or code in ('AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL',
                                      'PL', 'PT', 'RO', 'SE', 'SI', 'SK');

-- What a client is written to in (letters, account statements): its country, or the company's when
-- the clients file gives none (company.country; NULL when not known either); French for France
-- and the French-speaking neighbours (BE, LU, CH, MC), English elsewhere or when no country is known.
create or replace macro client_country_code(country) as
  coalesce(upper(trim(country)), nullif(getvariable('company_country'), ''));
-- A client abroad: its country known and another than the company's (France's aliases and
-- overseas departments are France; with the company's country unknown, any country given is
-- abroad). A letter's or statement's address then ends with the country's name (postal usage).
create or replace macro is_client_abroad(country) as
  upper(trim(country)) is not null
  and not coalesce(upper(trim(country)) = getvariable('company_country')
                   or (is_france_country(upper(trim(country))) and is_france_country(getvariable('company_country'))), false);
create or replace macro client_language(country_code) as
  case when is_france_country(country_code) or country_code in ('BE', 'LU', 'CH', 'MC') then 'fr' else 'en' end;

-- The days-past-due thresholds every model reads (docs/rules.md). default_days_past_due: an
-- amount more than this many days past due is in arrears in the EU definition of default
-- (Delegated Regulation 2018/171, art. 178 CRR: 90 days); the score's default event, the
-- "over 90 days" alert, the score's amount beyond 90 days and the forecast's doubtful share read it.
-- watch_days_past_due: the step before, where a credit manager starts to worry (the "over 60
-- days" alert and the score's share of the balance beyond 60 days). Not settings: the first is the
-- law's, and the score's feature and the alert codes are named after them (share_over_60,
-- overdue_60, overdue_90). Neither follows bucketBounds, which shape the ageing views only.
create or replace macro default_days_past_due() as 90;
create or replace macro watch_days_past_due() as 60;

-- Materiality of a client's amount beyond 90 days past due (the default event of the score): above
-- both the absolute threshold and the share of its open receivables (EU Delegated Regulation
-- 2018/171: 500 € and 1 % for a business).
create or replace macro is_material_past_due(over_90_amount, open_amount) as
  coalesce(over_90_amount > getvariable('default_materiality_amount')
           and over_90_amount > getvariable('default_materiality_share') * open_amount, false);

-- The grade of a 12-month probability of default, against score_grade_pd_bounds (default A < 3 %,
-- B < 8 %, C < 15 %, D < 30 %, E from 30 %).
create or replace macro grade_of_pd(pd) as
  case when pd < getvariable('score_grade_pd_bounds')[1] then 'A' when pd < getvariable('score_grade_pd_bounds')[2] then 'B'
       when pd < getvariable('score_grade_pd_bounds')[3] then 'C' when pd < getvariable('score_grade_pd_bounds')[4] then 'D' else 'E' end;

-- The documented prudent loss rate of an ageing bucket, by the last day past due it holds: not
-- due 1 %, up to 30 days 3 %, up to 60 10 %, up to 90 25 %, up to 180 50 %, up to 365 75 %, beyond
-- 100 % (about the loss rates credit insurers quote for French SMEs, rounded up). Used while the
-- history is too short to observe loss rates (int_loss_rates). A function of days, not of the
-- bucket's position, so any bucketBounds get a rate, and the rate of the bucket's oldest invoices
-- (its last day), so coarser buckets are provisioned on the safe side: with bounds 15, 45, 120,
-- 16–45 days gets 10 %, 46–120 days 50 %, beyond 120 days (no last day) 100 %.
create or replace macro prudent_loss_rate(last_day_past_due) as
  case when last_day_past_due <= 0 then 0.01 when last_day_past_due <= 30 then 0.03 when last_day_past_due <= 60 then 0.10
       when last_day_past_due <= 90 then 0.25 when last_day_past_due <= 180 then 0.50 when last_day_past_due <= 365 then 0.75
       else 1.0 end;

-- Oldest due first (DESIGN.md, "allocation"), the one rule for both passes that use it
-- (int_allocations_by_letter within a lettering group, int_allocations within the client): the
-- open invoices queue by due date and the credits by date, each holding the segment
-- [queue_end − remaining, queue_end) of its queue's running total, and an invoice and a credit
-- settle each other by the overlap of their segments. queues_overlap is the join condition (two
-- inequalities, which DuckDB plans as an inequality join once the macro is expanded);
-- queue_overlap_amount the amount they settle.
create or replace macro queues_overlap(invoice_end, invoice_remaining, credit_end, credit_remaining) as
  credit_end - credit_remaining < invoice_end and invoice_end - invoice_remaining < credit_end;
create or replace macro queue_overlap_amount(invoice_end, invoice_remaining, credit_end, credit_remaining) as
  (least(invoice_end, credit_end) - greatest(invoice_end - invoice_remaining, credit_end - credit_remaining))::decimal(18, 2);

-- The first business day (Monday to Friday) on or after a date: cash is credited on business days.
-- No public-holiday calendar is read, so a holiday on a weekday counts as a business day.
create or replace macro business_day_on_or_after(d) as
  (d + case isodow(d) when 6 then 2 when 7 then 1 else 0 end)::date;

-- The cash forecast's weeks, the same for the forecast and its backtest: ISO weeks, Monday to
-- Sunday; week 1 holds the first business day after the forecast date (from that day), and cash
-- expected before it (the weekend just after the forecast date) counts in week 1, the day it is
-- credited. forecast_week is a date's week number from that date (1 = the first).
create or replace macro forecast_first_day(forecast_date) as
  business_day_on_or_after(forecast_date + 1);
create or replace macro forecast_week(d, forecast_date) as
  (1 + (date_trunc('week', greatest(d, forecast_first_day(forecast_date)))::date - date_trunc('week', forecast_first_day(forecast_date))::date) // 7)::integer;

-- The provision base of an open amount (both provision books, provisions.vatRecoverable): excluding
-- VAT by default (the VAT on a lost receivable is recovered) — the export's amount excl. tax pro rata
-- of what is open, else the amount less the default VAT rate (provisions.vatRate) — or including it
-- when the VAT is not recoverable. A DECIMAL, not the double a division gives, so sums do not depend
-- on the order rows are added in.
create or replace macro provision_base_amount(open_amount, amount, amount_excl_tax) as
  case when getvariable('provision_base') = 'incl_tax' then open_amount
       else coalesce(open_amount * amount_excl_tax / amount, open_amount / (1 + getvariable('vat_rate'))) end::decimal(38, 8);

-- A dispute's reason as a code (price, quality, delivery, quantity, billing, duplicate, other),
-- from the words of the collections log (English or French) and from the reason codes of the
-- e-invoicing lifecycle that a refusal (210) or a dispute (207) carries, with or without their
-- VRBL:FR: prefix (docs/reference.md lists them). null for a text it does not know.
create or replace macro dispute_reason_of(text) as
  case regexp_replace(regexp_replace(strip_accents(lower(trim(text))), '^vrbl:fr:', ''), '[\s_-]+', ' ', 'g')
    when 'price' then 'price' when 'prix' then 'price' when 'tarif' then 'price' when 'prix err' then 'price'
    when 'quality' then 'quality' when 'qualite' then 'quality' when 'defaut' then 'quality'
    when 'delivery' then 'delivery' when 'livraison' then 'delivery' when 'non livre' then 'delivery' when 'livr incomp' then 'delivery'
    when 'quantity' then 'quantity' when 'quantite' then 'quantity' when 'qte err' then 'quantity'
    when 'billing' then 'billing' when 'facturation' then 'billing' when 'erreur de facturation' then 'billing'
    when 'tx tva err' then 'billing' when 'montanttotal err' then 'billing' when 'total amount err' then 'billing' when 'amount err' then 'billing'
    when 'calcul err' then 'billing' when 'non conforme' then 'billing' when 'non conforming' then 'billing' when 'coord banc err' then 'billing'
    when 'dest inc' then 'billing' when 'dest err' then 'billing' when 'cmd err' then 'billing' when 'cmd ej err' then 'billing' when 'siret err' then 'billing'
    when 'duplicate' then 'duplicate' when 'doublon' then 'duplicate' when 'double fact' then 'duplicate'
    when 'other' then 'other' when 'autre' then 'other'
  end;

-- An e-invoicing lifecycle status as its code, 200 Déposée to 214 Visée (the codes of the French
-- reform's lifecycle, docs/reference.md), from the export's code ('212', 'VRBL:FR:212', 'FR:212')
-- or else from its label, French or English. null when neither names one.
create or replace macro einvoice_status_of_code(code) as
  case when regexp_full_match(lower(trim(code)), '(vrbl:)?(fr:)?2(0[0-9]|1[0-4])') then regexp_extract(code, '2[01][0-9]') end;

create or replace macro einvoice_status_of_label(label) as
  case regexp_replace(strip_accents(lower(trim(label))), '[\s_-]+', ' ', 'g')
    when 'deposee' then '200' when 'submitted' then '200' when 'deposited' then '200'
    when 'emise' then '201' when 'emise par la plateforme' then '201' when 'issued' then '201' when 'issued by the platform' then '201' when 'issued by platform' then '201'
    when 'recue' then '202' when 'recue par la plateforme' then '202' when 'received' then '202' when 'received by the platform' then '202' when 'received by platform' then '202'
    when 'mise a disposition' then '203' when 'made available' then '203'
    when 'prise en charge' then '204' when 'in hand' then '204' when 'accepted' then '204' when 'under processing' then '204'
    when 'approuvee' then '205' when 'approved' then '205'
    when 'approuvee partiellement' then '206' when 'partiellement approuvee' then '206' when 'partially approved' then '206'
    when 'en litige' then '207' when 'litige' then '207' when 'in dispute' then '207' when 'disputed' then '207'
    when 'suspendue' then '208' when 'suspended' then '208'
    when 'completee' then '209' when 'completed' then '209'
    when 'refusee' then '210' when 'refused' then '210'
    when 'paiement transmis' then '211' when 'payment transmitted' then '211' when 'payment sent' then '211'
    when 'encaissee' then '212' when 'cashed' then '212' when 'payment received' then '212' when 'paid' then '212'
    when 'rejetee' then '213' when 'rejected' then '213'
    when 'visee' then '214' when 'reviewed' then '214' when 'targeted' then '214'
  end;

-- Fiscal years (fiscalYearEnd, 'MM-DD'): the closing date of calendar year y, and the first closing
-- on or after a date (the closing of the fiscal year that date falls in).
create or replace macro fiscal_year_end_in(y) as
  make_date(y::bigint, getvariable('fiscal_year_end_month')::bigint, getvariable('fiscal_year_end_day')::bigint);
create or replace macro fiscal_year_end_on_or_after(d) as
  case when fiscal_year_end_in(year(d)) >= d then fiscal_year_end_in(year(d)) else fiscal_year_end_in(year(d) + 1) end;

-- Quality reasons (CONVENTIONS.md 15: codes, not sentences). A validating model says what is wrong
-- with a line as reason(code, field, ref, n, parts): the code, the input column it is about (a
-- code the site words: 'payment_date', 'credit_limit'…), ref the offending value as written (or
-- the id named), n a count, parts the other values the sentence needs, in order. The site words
-- the code in its language (site/lib/i18n/quality-reasons.ts); reason_text words it in English,
-- once, for the quality table's reason column that analysts read.
create or replace macro reason(code, field := null, ref := null, n := null, parts := null) as
  {'code': code::varchar, 'field': field::varchar, 'ref': ref::varchar, 'number': n::bigint, 'parts': parts::varchar[]};

-- An input column named in a reason, in English.
create or replace macro reason_field_text(field) as
  case field
    when 'client_id' then 'client id' when 'payment_id' then 'payment id' when 'writeoff_id' then 'write-off id' when 'invoice_id' then 'invoice id'
    when 'issue_date' then 'issue date' when 'entry_date' then 'entry date' when 'due_date' then 'due date'
    when 'paid_date' then 'paid date' when 'letter_date' then 'lettering date' when 'snapshot_date' then 'snapshot date'
    when 'document_id' then 'document id' when 'status_date' then 'status date'
    when 'payment_date' then 'payment date' when 'writeoff_date' then 'write-off date' when 'action_date' then 'action date'
    when 'promise_date' then 'promise date' when 'dispute_opened_date' then 'dispute opened date'
    when 'dispute_closed_date' then 'dispute closed date' when 'until_date' then 'do-not-chase-until date'
    when 'EcritureDate' then 'EcritureDate'
    when 'credit_limit' then 'credit limit' when 'insured_limit' then 'insured limit' when 'guarantee_amount' then 'guarantee'
    when 'amount' then 'amount' when 'amount_company_currency' then 'amount in the company currency' when 'promise_amount' then 'promise amount' when 'claim_amount' then 'claim amount'
    when 'amount_excl_tax' then 'amount excl. tax' when 'paid_amount' then 'paid amount' when 'debit' then 'debit' when 'credit' then 'credit'
    when 'open_amount' then 'open amount'
    else field
  end;

-- A reason in English: the one place each code is worded for analysts; NULL for an unknown code.
-- 'amount_<problem>': an amount that does not read (amount_problem_code), parts[1] the currency
-- written beside it. A warning on an amount that does not read ('paid_amount_unreadable',
-- 'company_amount_unreadable', 'excl_tax_unreadable', 'whole_amount_unreadable') has the currency in parts[1] and the
-- problem in parts[2].
create or replace macro reason_text(r) as
  case
    -- No reason, no words: most lines have none, and each WHEN below would be tried on them.
    when r.code is null then null
    when starts_with(r.code, 'amount_')
      then reason_field_text(r.field) || ' ''' || r.ref || ''' ' || amount_problem_text(substr(r.code, 8), r.parts[1])
    else case r.code
      when 'missing_client_id' then 'missing client id'
      when 'missing_invoice_id' then 'missing invoice id'
      when 'missing_document_id' then 'missing document id'
      when 'missing_invoice_number' then 'missing invoice number'
      when 'status_date_unreadable' then 'status date ''' || r.ref || ''' does not match the date format ' || r.parts[1] || ' or ISO 8601'
      when 'status_unknown' then 'status ''' || r.ref || ''' is not a code of the e-invoicing lifecycle (200–214) nor its label (Déposée, Refusée, En litige, Encaissée, Rejetée…)'
      when 'status_code_unknown' then 'status code ''' || r.ref || ''' is not one of 200–214; read from its label ''' || r.parts[1] || ''' as ' || r.parts[2]
      when 'status_code_label_disagree' then 'status code ' || r.ref || ' and label ''' || r.parts[1] || ''' disagree; the code is read'
      when 'no_issue_or_due_date' then 'no issue date and no due date: the document cannot be aged'
      when 'no_issue_date' then 'no issue date: the due date stands for it'
      when 'whole_amount_unreadable' then 'amount ''' || r.ref || ''' ' || amount_problem_text(r.parts[2], r.parts[1]) || '; the document''s whole amount is not known'
      when 'snapshot_cancelled_documents' then r.number || ' documents whose status (' || r.parts[1] || ') says they were never issued or were voided: not receivables'
      when 'snapshot_written_off_documents' then r.number || ' documents written off (status ' || r.parts[1] || '), ' || r.parts[2] || ' in all: not open items, out of the receivables'
      when 'snapshot_settled_documents' then r.number || ' documents owe nothing at the snapshot (settled in full): not open items; kept in the snapshots to tell when they were settled'
      when 'missing_contact_name' then 'missing contact name'
      when 'duplicate_id' then 'duplicate ' || reason_field_text(r.field) || ' ' || r.ref || ' (the first line is kept)'
      when 'date_unreadable' then reason_field_text(r.field) || ' ''' || r.ref || ''' does not match the date format ' || r.parts[1]
      when 'date_implausible' then reason_field_text(r.field) || ' ' || r.ref || ' is outside 1990–2099'
      when 'procedure_date_unreadable' then 'procedure date ''' || r.ref || ''' does not match the date format ' || r.parts[1] || '; the claim deadline stays unknown'
      when 'procedure_date_implausible' then 'procedure date ' || r.ref || ' is outside 1990–2099; the claim deadline stays unknown'
      when 'terms_not_understood' then 'payment terms ''' || r.ref || ''' are not understood; invoices without a due date get the default of ' || r.number || ' days'
      when 'payment_not_positive' then 'amount is not positive (refunds are not read yet)'
      when 'zero_amount' then 'amount is zero'
      when 'no_amount' then 'no amount: the debit and the credit are both empty'
      when 'direction_unknown' then 'direction ''' || r.ref || ''' is neither a debit nor a credit value of openItems.values.direction'
      when 'document_type_unknown' then 'document type ''' || r.ref || ''' is in none of the lists of openItems.values.documentType (invoice, credit_note, payment, writeoff, refund)'
      when 'due_date_unreadable' then 'due date ''' || r.ref || ''' does not match the date format; the client''s payment terms (or the default) are used'
      when 'due_before_issue' then 'due date before the issue date'
      when 'letter_date_unreadable' then 'lettering date ''' || r.ref || ''' does not match the date format; the line''s own date is used'
      when 'paid_amount_unreadable' then 'paid amount ''' || r.ref || ''' ' || amount_problem_text(r.parts[2], r.parts[1]) || '; the settlement is ignored'
      when 'paid_date_unreadable' then 'paid date ''' || r.ref || ''' does not match the date format; the settlement is ignored'
      when 'paid_amount_undated' then 'paid amount ''' || r.ref || ''' has no paid date: read as settled by the as-of date, its date unknown (payment-behaviour figures count it as paid on the as-of date)'
      when 'company_amount_unreadable' then 'amount in the company currency ''' || r.ref || ''' ' || amount_problem_text(r.parts[2], r.parts[1]) || '; the amount is converted with the rates file'
      when 'excl_tax_unreadable' then 'amount excl. tax ''' || r.ref || ''' ' || amount_problem_text(r.parts[2], r.parts[1]) || '; the amount incl. tax less the default VAT rate is used'
      when 'not_positive' then reason_field_text(r.field) || ' is not positive'
      when 'claim_amount_missing' then 'claim amount ''' || r.ref || ''' is not a number: a declared claim states its amount'
      when 'action_kind_unknown' then 'kind ''' || r.ref || ''' is not one of call, email, letter, promise, dispute, do_not_chase, claim_declared, note (or appel, courriel, courrier, promesse, litige, ne pas relancer, déclaration de créance)'
      when 'promise_before_action' then 'promise date ' || r.ref || ' is before the action date ' || r.parts[1]
      when 'dispute_without_invoice' then 'a dispute names no invoice and no dispute id'
      when 'dispute_status_unknown' then 'dispute status ''' || r.ref || ''' is not open or closed (ouvert, clos)'
      when 'dispute_reason_unknown' then 'dispute reason ''' || r.ref || ''' is not one of price, quality, delivery, quantity, billing, duplicate, other; counted as other'
      when 'claim_without_mandataire' then 'a declared claim names no mandataire (write the name in its note)'
      when 'email_invalid' then 'e-mail ''' || r.ref || ''' is not an address; dropped'
      when 'fec_date_unreadable' then 'EcritureDate ''' || r.ref || ''' is not a date (YYYYMMDD)'
      when 'fec_no_account' then 'the line has no account (CompteNum is empty)'
      when 'fec_amount_unreadable' then 'the amount ''' || r.ref || ''' is not a number (Debit/Credit, or Montant and Sens D/C)'
      when 'fec_currency_amount_unreadable' then
        case when r.ref = '' then 'Montantdevise is empty on a line in ' || r.parts[1]
             else 'Montantdevise ''' || r.ref || ''' is not an amount' || case when r.parts[1] <> '' then ' in ' || r.parts[1] else '' end
        end || '; the line is counted in the company currency only'
      when 'fec_entry_unbalanced' then 'entry ' || r.ref || ' of ' || r.parts[1] || ' does not balance: debits ' || r.parts[2] || ', credits ' || r.parts[3] || ' (difference ' || r.parts[4] || ')'
      when 'fec_openings_superseded' then r.number || ' opening lines (à-nouveaux) on client accounts left out: the previous fiscal year is loaded, and its lines already hold the items brought forward'
      when 'fec_letter_group_debits_exceed' then 'lettering group ' || r.ref || ' of client ' || r.parts[1] || ' (fiscal year ending ' || r.parts[2] || ') does not net to zero: debits exceed credits by ' || r.parts[3] || '; what it does not settle is matched oldest due first'
      when 'fec_letter_group_credits_exceed' then 'lettering group ' || r.ref || ' of client ' || r.parts[1] || ' (fiscal year ending ' || r.parts[2] || ') does not net to zero: credits exceed debits by ' || r.parts[3] || '; what it does not settle is matched oldest due first'
      when 'ledger_credits_as_payments' then r.number || ' credit lines with no document type read as payments: a credit note cannot be told from a payment without one; map openItems.columns.ledger.document_type to read them apart'
      when 'ledger_debits_as_invoices' then r.number || ' debit lines that are not sales documents (refunds, payments or write-offs reversed) read as debit items: each is owed like an invoice and counted with the invoices'
      when 'after_as_of' then 'dated after the as-of date ' || r.ref || '; left out of this run'
      when 'settlement_after_as_of' then 'settlement (paid_date ' || r.parts[1] || ') after the as-of date ' || r.ref || '; left out of this run'
      when 'lettering_after_as_of' then 'lettered (DateLet ' || r.parts[1] || ') after the as-of date ' || r.ref || '; the lettering date is not used in this run'
      when 'invoice_not_of_client' then r.field || ' names invoice ' || r.ref || ', which is not an invoice of client ' || r.parts[1] || '; matched oldest due first instead'
      when 'writeoff_reversal_unmatched' then 'write-off reversal of ' || r.parts[1] || ' matches no earlier write-off of client ' || r.ref || ' (same invoice, lettering or PieceRef); not loaded: what was written off stays written off'
      when 'writeoff_reversal_exceeds' then 'write-off reversal of ' || r.parts[1] || ' cancels more than write-off ' || r.ref || ' has left; not loaded'
      when 'promise_on_settled_invoices' then 'promise to pay logged on ' || r.ref || ' covers invoices already settled that day'
        || case when len(r.parts) > 0 then ' (' || array_to_string(r.parts, ', ') || ')' else ' (nothing was open)' end || '; not watched'
      when 'balance_differs' then 'the export says invoice ' || r.ref || ' still owes ' || r.parts[1]
        || ', and its amount less its payments and credit notes leaves ' || r.parts[2] || ' open at ' || r.parts[3]
        || ': a payment or a credit note missing from the exports, or dated after the export''s balance'
      when 'client_not_listed' then 'client ' || r.ref || ' is not in the clients file; shown under its id'
      when 'no_clients_file' then 'no clients file: the ' || r.number || ' clients are shown under their ids, with the default payment terms (' || r.ref || ' days)'
      when 'ecb_rates_missing' then 'late-payment penalties: ' || r.number || ' days late after the last half-year of the ECB rate table were not priced; add the missing half-years'
      when 'ecb_rates_start_late' then 'late-payment penalties: ' || r.number || ' days late before the first half-year of the ECB rate table were not priced; add the earlier half-years'
      when 'einvoice_rejected' then 'invoice ' || r.ref || ' was rejected by the e-invoicing platform on ' || r.parts[1] || ' (status 213 Rejetée'
        || coalesce(': ' || r.parts[2], '') || '): never validly issued, it is left out of the receivables'
      when 'einvoice_cashed_not_in_ledger' then 'invoice ' || r.ref || ' is cashed on the e-invoicing platform (status 212 Encaissée on ' || r.parts[1] || ') but the ledger shows nothing settled on it: the ledger is late'
      when 'einvoice_unknown_invoice' then 'e-invoicing status ' || r.parts[1] || ' names invoice ' || r.ref || ', which is not in the ledger; not used'
      when 'snapshot_needs_history' then 'open-balance snapshot: ageing, receivables, overdue, the worklist, letters and statements are right at '
        || r.parts[1] || '; DSO, days to pay, scores and backtests need payment history, which a snapshot does not hold: '
        || case when r.number = 1 then 'this is the first snapshot kept' else r.number || ' snapshots kept since ' || r.ref || ', their settlements in snapshot_settlements' end
      when 'dispute_before_invoice' then 'dispute ' || r.ref || ' is dated ' || r.parts[1] || ', before invoice ' || r.parts[2] || ' it names was issued ('
        || r.parts[3] || '): check its opening date or the invoice number in the collections log'
      when 'dispute_settled' then 'dispute ' || r.ref || ' is open in the collections log but its invoices are settled: it is not counted as open; close it in the log'
      -- The readers' codes: quality.reason keeps the reader's own text (DuckDB's message, the
      -- report's line), so these words stand in only where a row has none.
      when 'csv_too_many_columns' then 'TOO MANY COLUMNS: Expected Number of Columns: ' || r.parts[1] || ' Found: ' || r.parts[2]
      when 'csv_missing_columns' then 'MISSING COLUMNS: Expected Number of Columns: ' || r.parts[1] || ' Found: ' || r.parts[2]
      when 'csv_invalid_encoding' then 'INVALID ENCODING: the line is not valid UTF-8'
      when 'csv_unquoted_value' then 'UNQUOTED VALUE: a quoted value is not closed'
      when 'csv_line_too_long' then 'LINE SIZE OVER MAXIMUM: the line is too long'
      when 'report_lines_above_header' then r.number || ' lines above the header skipped'
      when 'report_total_row' then 'total row ''' || r.ref || ''' of the report: not loaded'
      when 'report_heading_row' then 'row with one value, ''' || r.ref || ''' (a heading or a footer of the report): not loaded'
    end
  end;
