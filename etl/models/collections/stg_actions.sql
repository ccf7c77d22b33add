-- One row per line of the collections log (actions*.csv): a call, e-mail, letter, promise to pay,
-- dispute, "do not chase until", claim declared to the mandataire of a collective procedure, or
-- note on a client, typed. kind is a code (call, email, letter, promise, dispute, do_not_chase,
-- claim_declared, note) read from English or French words; a dispute's reason and status
-- likewise. A declared claim gives its amount (claim_amount) and the mandataire's name in its note.
-- reject_reason says why a line cannot be used, warning what was assumed, each a
-- reason(code, field, ref, n, parts) (macros.sql).
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
    promise_amount_read,
    claim_amount_read.value as claim_amount,
    claim_amount_read,
    dispute_id,
    case regexp_replace(strip_accents(lower(trim(dispute_reason))), '[\s_-]+', ' ', 'g')
      when 'price' then 'price' when 'prix' then 'price' when 'tarif' then 'price'
      when 'quality' then 'quality' when 'qualite' then 'quality' when 'defaut' then 'quality'
      when 'delivery' then 'delivery' when 'livraison' then 'delivery' when 'non livre' then 'delivery'
      when 'quantity' then 'quantity' when 'quantite' then 'quantity'
      when 'billing' then 'billing' when 'facturation' then 'billing' when 'erreur de facturation' then 'billing'
      when 'duplicate' then 'duplicate' when 'doublon' then 'duplicate'
      when 'other' then 'other' when 'autre' then 'other'
    end as dispute_reason,
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
      when client_id is null then reason('missing_client_id')
      when action_date is null then reason('date_unreadable', field := 'action_date', ref := coalesce(action_date_text, ''), parts := [getvariable('date_format')])
      when is_implausible_date(action_date) then reason('date_implausible', field := 'action_date', ref := action_date)
      when kind is null then reason('action_kind_unknown', field := 'kind', ref := coalesce(kind_text, ''))
      when kind = 'promise' and promise_date is null
        then reason('date_unreadable', field := 'promise_date', ref := coalesce(promise_date_text, ''), parts := [getvariable('date_format')])
      when kind = 'promise' and promise_date < action_date
        then reason('promise_before_action', field := 'promise_date', ref := promise_date, parts := [action_date::varchar])
      when kind = 'promise' and promise_amount is null
        then reason('amount_' || coalesce(promise_amount_read.problem_code, 'not_a_number'), field := 'promise_amount',
                    ref := coalesce(promise_amount_text, ''), parts := [promise_amount_read.currency])
      when kind = 'promise' and promise_amount <= 0 then reason('not_positive', field := 'promise_amount')
      when kind = 'claim_declared' and claim_amount_read.problem_code is not null
        then reason('amount_' || claim_amount_read.problem_code, field := 'claim_amount', ref := claim_amount_text, parts := [claim_amount_read.currency])
      when kind = 'claim_declared' and claim_amount is null then reason('claim_amount_missing', field := 'claim_amount', ref := coalesce(claim_amount_text, ''))
      when kind = 'claim_declared' and claim_amount <= 0 then reason('not_positive', field := 'claim_amount')
      when kind = 'dispute' and dispute_id is null and len(invoice_ids) = 0 then reason('dispute_without_invoice')
      when kind = 'dispute' and dispute_status is null and dispute_status_text is not null
        then reason('dispute_status_unknown', field := 'dispute_status', ref := dispute_status_text)
      when dispute_opened_date is null and dispute_opened_date_text is not null
        then reason('date_unreadable', field := 'dispute_opened_date', ref := dispute_opened_date_text, parts := [getvariable('date_format')])
      when dispute_closed_date is null and dispute_closed_date_text is not null
        then reason('date_unreadable', field := 'dispute_closed_date', ref := dispute_closed_date_text, parts := [getvariable('date_format')])
      when kind = 'do_not_chase' and until_date is null
        then reason('date_unreadable', field := 'until_date', ref := coalesce(until_date_text, ''), parts := [getvariable('date_format')])
    end as reject_reason,
    case
      when kind = 'dispute' and dispute_reason is null and dispute_reason_text is not null
        then reason('dispute_reason_unknown', field := 'dispute_reason', ref := dispute_reason_text)
      when kind = 'claim_declared' and nullif(trim(note), '') is null then reason('claim_without_mandataire', field := 'note')
    end as warning
  from typed
)

select * from final
