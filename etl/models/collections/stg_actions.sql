-- One row per line of the collections log (actions*.csv): a call, e-mail, letter, promise to pay,
-- dispute, "do not chase until", claim declared to the mandataire of a collective procedure, or
-- note on a client, typed. kind is a code (call, email, letter, promise, dispute, do_not_chase,
-- claim_declared, note) read from English or French words; a dispute's reason and status
-- likewise. A declared claim gives its amount (claim_amount) and the mandataire's name in its note.
-- Renamed and cast, nothing decided: the text of each typed value stays beside it (…_text, and
-- the amounts' reads), for int_actions_checked to say what does not read.
with source as (
  select * from raw_actions
),

-- The promised amount read once under its file's decimal sign: {value, problem} (see read_amount).
amounts as (
  select *, read_amount(promise_amount, decimal_sign) as promise_amount_read, read_amount(claim_amount, decimal_sign) as claim_amount_read
  from source
),

final as (
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
)

select * from final
