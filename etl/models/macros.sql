-- Parsing rules shared by the staging models. The formats come from the configuration, set by
-- the runner as variables: date_format, decimal_separator, true_values, credit_note_values.

-- An amount as exports write it: '1234,56', '1 234,56', '1.234,56' (decimal comma) or
-- '1,234.56' (decimal point); NULL when it is not a number.
create or replace macro parse_amount(text) as
  try_cast(
    case getvariable('decimal_separator')
      when ',' then replace(regexp_replace(text, '[\s\x{00A0}.'']', '', 'g'), ',', '.')
      else regexp_replace(text, '[\s\x{00A0},'']', '', 'g')
    end as decimal(18, 2));

create or replace macro parse_date(text) as
  try_strptime(text, getvariable('date_format'))::date;

create or replace macro parse_flag(text) as
  coalesce(list_contains(getvariable('true_values'), lower(text)), false);

create or replace macro is_credit_note_kind(text) as
  coalesce(list_contains(getvariable('credit_note_values'), lower(text)), false);

-- A date a ledger cannot hold (1900-01-01 placeholders, 2100 typos): rejected rather than letting
-- it stretch the history or the as-of date.
create or replace macro is_implausible_date(d) as
  d < date '1990-01-01' or d > date '2099-12-31';

-- Payment terms as people write them → days and basis: 'end_of_month' ("30 jours fin de mois",
-- "45 days EOM"), 'invoice_date' ("60 jours date de facture", "net 30"), 'immediate' ("comptant",
-- "à réception"); NULL when the text says something else.
create or replace macro terms_basis(text) as
  case
    when regexp_matches(lower(text), 'fin de mois|end of month|\beom\b|\bfdm\b') then 'end_of_month'
    when regexp_matches(lower(text), 'comptant|r[ée]ception|cash|immediate') then 'immediate'
    when regexp_matches(lower(text), '\d+\s*(jours?|days?|j)\b|net\s*\d+') then 'invoice_date'
  end;

create or replace macro terms_days(text) as
  case when terms_basis(text) = 'immediate' then 0
       else try_cast(regexp_extract(lower(text), '(\d+)', 1) as integer) end;

-- French legal ceiling (Code de commerce L441-10): 60 days from the invoice date, or 45 days end of month.
create or replace macro is_beyond_legal_terms(text) as
  (terms_basis(text) = 'invoice_date' and terms_days(text) > 60) or (terms_basis(text) = 'end_of_month' and terms_days(text) > 45);
