-- One row per client under a collective procedure at the as-of date (its legal status names one:
-- is_collective_procedure), with the judgment that opened it. From the judgment individual
-- collection stops (L622-21), interest stops (L622-28) and what was owed is to declare to the
-- mandataire: the client's invoices leave the cash forecast and the claimable penalties. The
-- deadline to declare is collections.claimDeadlineMonths after the publication in the BODACC
-- (R622-24: two months, four for a creditor outside metropolitan France), counted from the
-- judgment's date, which comes first: on the safe side; unknown without the judgment's date.
-- A claim not declared in time is foreclosed: the creditor is not admitted to the distributions
-- unless the juge-commissaire relieves it of the foreclosure (relevé de forclusion, L622-26 al. 1),
-- and that action can only be brought within six months of the publication of the opening judgment
-- (L622-26 al. 3; one year for a creditor who could not know of its claim within that time: not
-- modelled, the desk checks it). relief_deadline_date is the last day of that window, judgment date
-- + 6 months (the law's, no setting), counted from the judgment's date like the claim deadline;
-- after it (is_claim_foreclosed) an undeclared claim cannot be admitted: nothing is left to chase,
-- the amount is to write off. Counting from the judgment the window closes a few days to weeks
-- before the law's (BODACC publication + 6 months): safe for the action, early for the write-off,
-- which the desk confirms against the BODACC. Not modelled either: a creditor holding a published
-- security or a published contract, whose six months run from the notice the mandataire sends it.
-- Sources read: Code de commerce L622-26 as summarised by a mandataire judiciaire
-- (athena-mj.fr/accueil/releve-de-forclusion: six months from the BODACC publication, the exception,
-- the published-security case), Dalloz actualité (10 Feb. 2014: six months, or one year), and
-- Cass. com. 5 Dec. 2018 (lemondedudroit.fr: six months from the publication of the opening judgment).
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
    (procedure_date + to_months(6))::date as relief_deadline_date,
    coalesce((procedure_date + to_months(6))::date < getvariable('as_of_date'), false) as is_claim_foreclosed,
    least(coalesce(procedure_date, getvariable('as_of_date')), getvariable('as_of_date')) as under_procedure_from
  from clients
  where is_collective_procedure(legal_status)
)

select * from final
