-- One row per line of the collections log (stg_actions), with what makes it unusable: a call,
-- e-mail, letter, promise to pay, dispute, "do not chase until", claim declared or note. A
-- dispute reason the log words otherwise is counted as 'other'. reject_reason says why a line
-- cannot be used, warning what was assumed, each a reason(code, field, ref, n, parts)
-- (macros.sql); int_action_lines keeps the usable lines, quality lists the others.
with staged as (
  select * from stg_actions
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
  from staged
)

select * from final
