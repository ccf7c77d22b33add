-- One row per open invoice that needs a dunning action today, ordered by expected loss.
-- Stage: the last step of the schedule (days relative to the due date: preventive reminder 5 days
-- before, reminder 1 at +7, reminder 2 at +15, formal notice at +30, litigation at +60 by default)
-- that the invoice has reached; overdue steps come earlier for riskier grades (never before the
-- due date); an invoice in dispute (disputed_invoices: flagged in the export or under an open
-- dispute of the log) is paused, and so is one under a pending promise to pay or "do not chase
-- until" in the collections log (int_collection_pauses). Priority 1 = largest expected loss
-- (open amount × the client's probability of default). Grade and probability of default are the
-- client's one grade (client_risk: its credit score, or the labelled fallback, grade_source).
-- A client under a collective procedure leaves the schedule for its claims born before the opening
-- judgment (is_pre_judgment, macros.sql: issued on or before clients.procedure_date, or every open
-- invoice when that date is unknown): individual collection actions are
-- suspended (Code de commerce L622-21) and each such invoice's one action is 'declare_claim', to the
-- mandataire within two months of the judgment's publication in the BODACC, four for a creditor
-- outside metropolitan France (R622-24; collections.claimDeadlineMonths). The deadline is counted
-- from the judgment's date (clients.procedure_date, int_client_procedures): the BODACC publishes
-- the judgment days or weeks after it, so this date is on the safe side. Without the judgment date
-- claim_deadline_date is NULL (unknown: check the BODACC); a deadline before the as-of date is
-- flagged (is_claim_deadline_passed): the claim can then only be declared once the juge-commissaire
-- relieves the creditor of the foreclosure, an action to bring by relief_deadline_date (judgment
-- + 6 months, L622-26 al. 3; int_client_procedures owns it), still 'declare_claim'. Once that day
-- has passed too (int_client_procedures.is_claim_foreclosed) the claim cannot be admitted: the
-- stage is 'claim_foreclosed', no call but an amount to write off; its expected loss is the whole
-- open amount and it ranks after every other stage (its priorities follow the live actions').
-- An invoice issued after the judgment (is_post_judgment) is a claim born after it, payable when due
-- (L622-17; L641-13 in liquidation): neither declared nor foreclosed, it follows the schedule like
-- any invoice (the client is graded E, so its steps come early), with no claim deadline.
-- A claim declared in the collections log (claim_declared,
-- on or after the judgment) closes that action for the invoices it names, else for every invoice
-- of the client issued by its date: they leave today's actions.
-- A roll-up of `client_risk`, `disputed_invoices` and `invoices`.
with open_invoices as (
  select invoices.* replace (disputed.invoice_id is not null as is_disputed), getvariable('as_of_date') - invoices.due_date as days_from_due
  from invoices
  left join (select client_id, invoice_id from disputed_invoices) as disputed using (client_id, invoice_id)
  where invoices.kind = 'invoice' and invoices.open_amount > 0
),

with_risk as (
  select open_invoices.*, risk.grade, risk.pd_12m, risk.grade_source, risk.collective_procedure, risk.procedure_date,
         risk.collective_procedure is not null and is_pre_judgment(open_invoices.issue_date, risk.procedure_date) as is_under_procedure,
         risk.collective_procedure is not null and not is_pre_judgment(open_invoices.issue_date, risk.procedure_date) as is_post_judgment,
         -- The deadlines concern the claims the procedure holds only.
         case when is_under_procedure then procedures.claim_deadline_date end as claim_deadline_date,
         case when is_under_procedure then procedures.relief_deadline_date end as relief_deadline_date,
         coalesce(procedures.is_claim_foreclosed and is_under_procedure, false) as is_claim_foreclosed,
         coalesce(shift.shift_days, 0) as shift_days
  from open_invoices
  join client_risk as risk using (client_id)
  left join int_client_procedures as procedures using (client_id)
  left join ref_grade_shift as shift on shift.grade = risk.grade
),

declared as (
  -- The invoices whose claim is declared: those a claim_declared line names, else the client's
  -- invoices issued by its date; only a declaration made on or after the judgment counts.
  select distinct with_risk.invoice_id
  from with_risk
  join int_actions as actions
    on actions.client_id = with_risk.client_id
   and actions.kind = 'claim_declared'
   and actions.action_date >= coalesce(with_risk.procedure_date, actions.action_date)
   and (list_contains(actions.invoice_ids, with_risk.invoice_number)
        or (len(actions.invoice_ids) = 0 and with_risk.issue_date <= actions.action_date))
  where with_risk.is_under_procedure
),

reached as (
  select with_risk.invoice_id, arg_max(schedule.stage, schedule.stage_order) as stage,
         arg_max(schedule.days_from_due, schedule.stage_order) as stage_days_from_due
  from with_risk
  join ref_dunning_schedule as schedule
    on with_risk.days_from_due >= case when schedule.days_from_due > 0
                                       then greatest(1, schedule.days_from_due - with_risk.shift_days)
                                       else schedule.days_from_due end
  group by with_risk.invoice_id
),

final as (
  select
    with_risk.client_id,
    with_risk.invoice_id,
    case when with_risk.is_claim_foreclosed then 'claim_foreclosed'
         when with_risk.is_under_procedure then 'declare_claim'
         when with_risk.is_disputed then 'paused_dispute'
         else coalesce(pause.stage, reached.stage) end as stage,
    case
      when with_risk.is_claim_foreclosed then 'collective procedure (' || with_risk.collective_procedure
        || '): claim not declared by ' || with_risk.claim_deadline_date || ' and no relief from the foreclosure asked by ' || with_risk.relief_deadline_date
        || ' (judgment of ' || with_risk.procedure_date || ' + 6 months): the claim cannot be admitted; to write off'
      when with_risk.is_under_procedure then 'collective procedure (' || with_risk.collective_procedure
        || '): dunning suspended; declare the claim to the mandataire within ' || getvariable('claim_deadline_months') || ' months of the judgment''s publication in the BODACC'
        || coalesce(' (judgment of ' || with_risk.procedure_date || ': by ' || with_risk.claim_deadline_date
                    || case when with_risk.claim_deadline_date < getvariable('as_of_date')
                            then ', passed: ask the juge-commissaire for relief from the foreclosure by ' || with_risk.relief_deadline_date || ')' else ')' end,
                    ' (judgment date unknown)')
      -- A claim born after the judgment says so before its ordinary reason.
      else case when with_risk.is_post_judgment then 'claim born after the judgment of ' || with_risk.procedure_date || ', payable when due (L622-17): ' else '' end
        || case
      when with_risk.is_disputed then 'disputed: dunning paused until the dispute is settled (' || reached.stage || ' otherwise)'
      when pause.stage is not null then pause.stage || coalesce(' until ' || pause.paused_until_date, '') || ' (' || reached.stage || ' otherwise)'
      when with_risk.days_from_due <= 0 then 'due in ' || -with_risk.days_from_due || ' days: ' || reached.stage || ' from ' || -reached.stage_days_from_due || ' days before the due date'
      when with_risk.shift_days > 0 then with_risk.days_from_due || ' days past due: ' || reached.stage || ' from day '
        || greatest(1, reached.stage_days_from_due - with_risk.shift_days) || ' (day ' || reached.stage_days_from_due
        || ', ' || with_risk.shift_days || ' days earlier for grade ' || with_risk.grade || ')'
      else with_risk.days_from_due || ' days past due: ' || reached.stage || ' from day ' || reached.stage_days_from_due
    end end as reason,
    row_number() over (order by with_risk.is_claim_foreclosed,
                                with_risk.open_amount * case when with_risk.is_claim_foreclosed then 1 else with_risk.pd_12m end desc,
                                with_risk.invoice_id)::integer as priority,
    (with_risk.open_amount * case when with_risk.is_claim_foreclosed then 1 else with_risk.pd_12m end)::decimal(18, 2) as expected_loss_amount,
    with_risk.open_amount,
    with_risk.due_date,
    with_risk.days_from_due::integer as days_from_due,
    with_risk.grade,
    with_risk.pd_12m,
    with_risk.grade_source,
    with_risk.collective_procedure,
    with_risk.procedure_date,
    with_risk.claim_deadline_date,
    with_risk.claim_deadline_date < getvariable('as_of_date') as is_claim_deadline_passed,
    with_risk.relief_deadline_date,
    with_risk.is_disputed,
    with_risk.is_post_judgment,
    -- The parts of the reason, for the site to word it in its language.
    reached.stage as scheduled_stage,
    reached.stage_days_from_due::integer as schedule_day,
    with_risk.shift_days::integer as shift_days,
    case when reached.stage_days_from_due > 0 then greatest(1, reached.stage_days_from_due - with_risk.shift_days)
         else reached.stage_days_from_due end::integer as stage_start_day,
    pause.paused_until_date
  from with_risk
  left join reached using (invoice_id)
  left join int_collection_pauses as pause using (invoice_id)
  -- An invoice under a collective procedure is declared whatever its stage, until the log says it
  -- was; the others (a claim born after the judgment too) once the schedule reaches them.
  where (reached.stage is not null or with_risk.is_under_procedure)
    and with_risk.invoice_id not in (select invoice_id from declared)
)

select * from final
order by priority
