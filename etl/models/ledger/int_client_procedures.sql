-- One row per client under a collective procedure at the as-of date (its legal status names one:
-- is_collective_procedure), with the judgment that opened it. From the judgment individual
-- collection stops (L622-21), interest stops (L622-28) and what was owed is to declare to the
-- mandataire: the client's invoices leave the cash forecast and the claimable penalties. The
-- deadline to declare is collections.claimDeadlineMonths after the publication in the BODACC
-- (R622-24: two months, four for a creditor outside metropolitan France), counted from the
-- judgment's date, which comes first: on the safe side; unknown without the judgment's date.
-- under_procedure_from is the first day the procedure counts: the judgment's date, or the as-of
-- date when the file does not give it (history before then cannot know of it).
with clients as (
  select client_id, legal_status, procedure_date from int_clients
),

final as (
  select
    client_id,
    collective_procedure_of(legal_status) as collective_procedure,
    procedure_date,
    (procedure_date + to_months(getvariable('claim_deadline_months')::integer))::date as claim_deadline_date,
    least(coalesce(procedure_date, getvariable('as_of_date')), getvariable('as_of_date')) as under_procedure_from
  from clients
  where is_collective_procedure(legal_status)
)

select * from final
