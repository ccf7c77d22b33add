-- One row per line of the collections log (actions*.csv): a call, e-mail, letter, promise to pay,
-- dispute, "do not chase until", claim declared to the mandataire of a collective procedure, or
-- note on a client, typed. kind is a code (call, email, letter, promise, dispute, do_not_chase,
-- claim_declared, note) read from English or French words; a dispute's reason and status
-- likewise. A declared claim gives its amount (claim_amount) and the mandataire's name in its note.
-- reject_reason says why a line cannot be used.
with source as (
  select * from raw_actions
),

-- The promised amount read once under its file's decimal sign: {value, problem} (see read_amount).
amounts as (
  select *, read_amount(promise_amount, decimal_sign) as promise_amount_read, read_amount(claim_amount, decimal_sign) as claim_amount_read
  from source
),

typed as (
  select
    source_file,
    line,
    source_file || ':' || line as action_id,
    parse_date(action_date) as action_date,
    client_id,
    case regexp_replace(strip_accents(lower(trim(kind))), '[\s_-]+', ' ', 'g')
      when 'call' then 'call' when 'appel' then 'call' when 'phone' then 'call' when 'telephone' then 'call'
      when 'email' then 'email' when 'e mail' then 'email' when 'mail' then 'email' when 'courriel' then 'email'
      when 'letter' then 'letter' when 'lettre' then 'letter' when 'courrier' then 'letter'
      when 'promise' then 'promise' when 'promesse' then 'promise' when 'promesse de paiement' then 'promise'
      when 'dispute' then 'dispute' when 'litige' then 'dispute'
      when 'do not chase' then 'do_not_chase' when 'ne pas relancer' then 'do_not_chase' when 'suspendre' then 'do_not_chase'
      when 'claim declared' then 'claim_declared' when 'declaration de creance' then 'claim_declared' when 'creance declaree' then 'claim_declared'
      when 'note' then 'note' when 'commentaire' then 'note'
    end as kind,
    list_filter(list_transform(regexp_split_to_array(coalesce(invoice_ids, ''), '[,;|]'), x -> trim(x)), x -> x <> '') as invoice_ids,
    parse_date(promise_date) as promise_date,
    promise_amount_read.value as promise_amount,
    promise_amount_read.problem as promise_amount_problem,
    claim_amount_read.value as claim_amount,
    claim_amount_read.problem as claim_amount_problem,
    dispute_id,
    dispute_reason_of(dispute_reason) as dispute_reason,
    dispute_reason as dispute_reason_text,
    dispute_owner,
    case regexp_replace(strip_accents(lower(trim(dispute_status))), '[\s_-]+', ' ', 'g')
      when 'open' then 'open' when 'ouvert' then 'open' when 'en cours' then 'open'
      when 'closed' then 'closed' when 'resolved' then 'closed' when 'clos' then 'closed' when 'ferme' then 'closed'
      when 'resolu' then 'closed' when 'regle' then 'closed'
    end as dispute_status,
    parse_date(dispute_opened_date) as dispute_opened_date,
    parse_date(dispute_closed_date) as dispute_closed_date,
    parse_date(until_date) as until_date,
    author,
    note,
    action_date as action_date_text,
    kind as kind_text,
    promise_date as promise_date_text,
    promise_amount as promise_amount_text,
    claim_amount as claim_amount_text,
    dispute_status as dispute_status_text,
    dispute_opened_date as dispute_opened_date_text,
    dispute_closed_date as dispute_closed_date_text,
    until_date as until_date_text
  from amounts
),

final as (
  select
    source_file, line, action_id, action_date, client_id, kind, invoice_ids, promise_date, promise_amount, claim_amount,
    dispute_id, case when dispute_reason_text is not null then coalesce(dispute_reason, 'other') end as dispute_reason, dispute_owner, dispute_status,
    dispute_opened_date, dispute_closed_date, until_date, author, note,
    case
      when client_id is null then 'missing client id'
      when action_date is null then 'action date ''' || coalesce(action_date_text, '') || ''' does not match the date format ' || getvariable('date_format')
      when is_implausible_date(action_date) then 'action date ' || action_date || ' is outside 1990–2099'
      when kind is null then 'kind ''' || coalesce(kind_text, '') || ''' is not one of call, email, letter, promise, dispute, do_not_chase, claim_declared, note (or appel, courriel, courrier, promesse, litige, ne pas relancer, déclaration de créance)'
      when kind = 'promise' and promise_date is null then 'promise date ''' || coalesce(promise_date_text, '') || ''' does not match the date format ' || getvariable('date_format')
      when kind = 'promise' and promise_date < action_date then 'promise date ' || promise_date || ' is before the action date ' || action_date
      when kind = 'promise' and promise_amount_problem is not null then 'promise amount ''' || promise_amount_text || ''' ' || promise_amount_problem
      when kind = 'promise' and promise_amount is null then 'promise amount ''' || coalesce(promise_amount_text, '') || ''' is not a number'
      when kind = 'promise' and promise_amount <= 0 then 'promise amount is not positive'
      when kind = 'claim_declared' and claim_amount_problem is not null then 'claim amount ''' || claim_amount_text || ''' ' || claim_amount_problem
      when kind = 'claim_declared' and claim_amount is null then 'claim amount ''' || coalesce(claim_amount_text, '') || ''' is not a number: a declared claim states its amount'
      when kind = 'claim_declared' and claim_amount <= 0 then 'claim amount is not positive'
      when kind = 'dispute' and dispute_id is null and len(invoice_ids) = 0 then 'a dispute names no invoice and no dispute id'
      when kind = 'dispute' and dispute_status is null and dispute_status_text is not null then 'dispute status ''' || dispute_status_text || ''' is not open or closed (ouvert, clos)'
      when dispute_opened_date is null and dispute_opened_date_text is not null then 'dispute opened date ''' || dispute_opened_date_text || ''' does not match the date format ' || getvariable('date_format')
      when dispute_closed_date is null and dispute_closed_date_text is not null then 'dispute closed date ''' || dispute_closed_date_text || ''' does not match the date format ' || getvariable('date_format')
      when kind = 'do_not_chase' and until_date is null then 'do-not-chase-until date ''' || coalesce(until_date_text, '') || ''' does not match the date format ' || getvariable('date_format')
    end as reject_reason,
    case
      when kind = 'dispute' and dispute_reason is null and dispute_reason_text is not null
        then 'dispute reason ''' || dispute_reason_text || ''' is not one of price, quality, delivery, quantity, billing, duplicate, other; counted as other'
      when kind = 'claim_declared' and nullif(trim(note), '') is null
        then 'a declared claim names no mandataire (write the name in its note)'
    end as warning
  from typed
)

select * from final
