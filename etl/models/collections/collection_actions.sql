-- One row per action of the collections log dated on or before the as-of date (a call, e-mail,
-- letter, promise to pay, dispute, "do not chase until", claim declared or note), the client's
-- timeline: kind as a code, the invoices named, and the promise, dispute, pause or declared claim
-- (its amount; the mandataire in its note) it records.
with final as (
  select
    action_id,
    action_date,
    client_id,
    kind,
    array_to_string(invoice_ids, ',') as invoice_ids,
    promise_date,
    promise_amount,
    claim_amount,
    case when kind = 'dispute' then coalesce(dispute_id, client_id || ':' || array_to_string(invoice_ids, ',')) end as dispute_id,
    case when kind = 'dispute' then dispute_reason end as dispute_reason,
    dispute_owner,
    dispute_status,
    until_date,
    author,
    note,
    source_file,
    line::integer as line
  from int_actions
)

select * from final
order by client_id, action_date desc, source_file, line desc
