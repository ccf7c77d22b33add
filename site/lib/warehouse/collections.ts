// Today's dunning worklist, alerts, late-payment penalties and each client's one grade.
import { memo } from './query.ts';

export interface DunningRow {
  client_id: string;
  invoice_id: string;
  stage: string;
  /** The warehouse's reason, in English; the site words it from the columns below (finance.collections.dunningReason). */
  reason: string;
  scheduled_stage: string;
  is_disputed: boolean;
  schedule_day: number;
  stage_start_day: number;
  shift_days: number;
  priority: number;
  expected_loss_amount: number;
  open_amount: number;
  due_date: string;
  days_from_due: number;
  grade: string;
  pd_12m: number;
  grade_source: string;
  collective_procedure: string | null;
  /** Judgment date + 2 months for a client under a collective procedure; NULL when the judgment date is unknown. */
  claim_deadline_date: string | null;
  is_claim_deadline_passed: boolean | null;
  /** For paused_promise and paused_do_not_chase: the schedule resumes the day after. */
  paused_until_date: string | null;
}

export const dunning = () =>
  memo<DunningRow>('dunning', ['dunning'], `
    select client_id, invoice_id, stage, reason, priority, expected_loss_amount, open_amount, due_date, days_from_due, grade, pd_12m, grade_source,
           collective_procedure, claim_deadline_date, is_claim_deadline_passed, scheduled_stage, is_disputed, schedule_day, stage_start_day, shift_days, paused_until_date
    from {dunning} order by priority`);

/**
 * Today's dunning actions on a client's invoices, for its own page, grouped: the invoices at the
 * same stage for the same reason (all of the reason's parts alike but the days from due, on the same
 * side of the due date) are one row (the invoices are listed one by one in the open invoices).
 */
export interface ClientDunningGroup extends Omit<DunningRow, 'reason' | 'priority' | 'expected_loss_amount' | 'due_date' | 'pd_12m' | 'grade_source'> {
  /** The group's invoices, most urgent first, joined by ', '. */
  invoice_id: string;
  invoices: number;
  /** The sum of the invoices' open amounts. */
  open_amount: number;
  /** The fewest days from due of the group's invoices (days_from_due) and the most. */
  days_from_due: number;
  days_from_due_max: number;
  /** How many invoices have a dunning action today, over all the client's groups. */
  client_invoices: number;
}

export const clientDunningGroups = () =>
  memo<ClientDunningGroup>('clientDunningGroups', ['dunning'], `
    select client_id, stage, scheduled_stage, is_disputed, schedule_day, stage_start_day, shift_days, grade, collective_procedure,
           claim_deadline_date, is_claim_deadline_passed, paused_until_date,
           string_agg(invoice_id, ', ' order by priority) as invoice_id, count(*) as invoices, sum(open_amount) as open_amount,
           min(days_from_due) as days_from_due, max(days_from_due) as days_from_due_max,
           sum(count(*)) over (partition by client_id) as client_invoices
    from {dunning}
    group by client_id, stage, scheduled_stage, is_disputed, schedule_day, stage_start_day, shift_days, grade, collective_procedure,
             claim_deadline_date, is_claim_deadline_passed, paused_until_date, sign(days_from_due)
    order by client_id, min(priority)`);

export interface AlertRow {
  alert: string;
  client_id: string;
  invoice_id: string | null;
  first_seen_date: string;
  amount: number | null;
  /** The warehouse's English sentence; the site words the alert from the parts below (finance.collections.alertDetail). */
  detail: string;
  limit_amount: number | null;
  previous_grade: string | null;
  grade: string | null;
  pd_12m: number | null;
  grade_source: string | null;
  collective_procedure: string | null;
  days_late_3m: number | null;
  days_late_12m: number | null;
  payment_terms: string | null;
  longest_days: number | null;
}

/** Today's alerts, the most money at risk first (alerts.amount, one measure for every kind). */
export const alerts = () =>
  memo<AlertRow>('alerts', ['alerts'], `
    select alert, client_id, invoice_id, first_seen_date, amount, detail, limit_amount, previous_grade, grade, pd_12m, grade_source, collective_procedure,
           days_late_3m, days_late_12m, payment_terms, longest_days
    from {alerts} order by amount desc, first_seen_date desc, alert, client_id`);

/** Alerts grouped by kind, the most costly first. */
export interface AlertKind {
  alert: string;
  alerts: number;
  clients: number;
  /** The money at risk of the kind's alerts (alerts.amount: the open amount each alert is about). */
  amount: number;
}

export const alertKinds = () =>
  memo<AlertKind>('alertKinds', ['alerts'], `
    select alert, count(*) as alerts, count(distinct client_id) as clients, sum(amount) as amount
    from {alerts}
    group by alert
    order by amount desc, alerts desc, alert`);

/**
 * A client's alerts grouped by kind (one row per client and kind), for its own page: the invoices
 * more than 60 or 90 days past due (one alert each) are already listed in its open invoices, so the
 * page counts them instead of listing them again.
 */
export interface ClientAlertKind extends Omit<AlertRow, 'detail'> {
  /** How many alerts of this kind the client has. */
  alerts: number;
  /** The earliest first_seen_date of the kind's alerts. */
  first_seen_date: string;
  /** The sum of the alerts' money at risk (alerts.amount): the open amount of the invoices (overdue_60, overdue_90), what the broken promises cover still open (promise_broken); the alert's own amount when it is alone. */
  amount: number | null;
  /** The alert's English sentence when it is alone; with several, how many ('3 alerts'). */
  detail: string;
  // The alert's own parts (invoice_id, limit_amount, previous_grade, …) when it is alone, NULL with several.
}

export const clientAlertKinds = () =>
  memo<ClientAlertKind>('clientAlertKinds', ['alerts'], `
    select client_id, alert, count(*) as alerts, min(first_seen_date) as first_seen_date, sum(amount) as amount,
           case when count(*) = 1 then any_value(detail) else count(*) || ' alerts' end as detail,
           case when count(*) = 1 then any_value(invoice_id) end as invoice_id,
           case when count(*) = 1 then any_value(limit_amount) end as limit_amount,
           case when count(*) = 1 then any_value(previous_grade) end as previous_grade,
           case when count(*) = 1 then any_value(days_late_3m) end as days_late_3m,
           case when count(*) = 1 then any_value(days_late_12m) end as days_late_12m,
           case when count(*) = 1 then any_value(payment_terms) end as payment_terms,
           case when count(*) = 1 then any_value(longest_days) end as longest_days,
           case when count(*) = 1 then any_value(collective_procedure) end as collective_procedure,
           -- The client's one grade, the same on each of its alerts.
           any_value(grade) as grade, any_value(pd_12m) as pd_12m, any_value(grade_source) as grade_source
    from {alerts}
    group by client_id, alert
    order by client_id, first_seen_date desc, alert`);

/** A client under a collective procedure: its judgment date and the claim deadline (dunning: judgment + collections.claimDeadlineMonths, NULL when the judgment date is unknown or nothing is open). */
export interface ClientProcedure {
  client_id: string;
  collective_procedure: string;
  procedure_date: string | null;
  claim_deadline_date: string | null;
  is_claim_deadline_passed: boolean | null;
}

export const clientProcedures = () =>
  memo<ClientProcedure>('clientProcedures', ['client_risk', 'dunning'], `
    select risk.client_id, risk.collective_procedure, risk.procedure_date, claims.claim_deadline_date, claims.is_claim_deadline_passed
    from {client_risk} as risk
    left join (
      -- The same deadline on each of the client's dunning rows.
      select client_id, any_value(claim_deadline_date) as claim_deadline_date, any_value(is_claim_deadline_passed) as is_claim_deadline_passed
      from {dunning} where claim_deadline_date is not null group by client_id
    ) as claims using (client_id)
    where risk.collective_procedure is not null
    order by risk.client_id`);

export interface ClientPenalties {
  client_id: string;
  invoices: number;
  interest_open: number;
  indemnity_open: number;
  total_open: number;
  /** On invoices already paid, late: accrued, not claimed. */
  total_paid_late: number;
  /** On open invoices of a client under a collective procedure, to the judgment's date: to declare to the mandataire, not claimable. */
  total_to_declare: number;
  total_all: number;
  days_without_rate: number;
}

/** Late-payment penalties per client: claimable on invoices still open, to declare under a collective procedure, and accrued on those paid late. */
export const penaltiesByClient = () =>
  memo<ClientPenalties>('penaltiesByClient', ['penalties'], `
    select client_id, count(*) as invoices,
           coalesce(sum(interest_amount) filter (where is_still_open and not is_to_declare), 0) as interest_open,
           coalesce(sum(indemnity_amount) filter (where is_still_open and not is_to_declare), 0) as indemnity_open,
           coalesce(sum(penalty_amount) filter (where is_still_open and not is_to_declare), 0) as total_open,
           coalesce(sum(penalty_amount) filter (where not is_still_open), 0) as total_paid_late,
           coalesce(sum(penalty_amount) filter (where is_to_declare), 0) as total_to_declare,
           sum(penalty_amount) as total_all, sum(days_without_rate) as days_without_rate
    from {penalties} group by client_id order by total_open desc, client_id`);

/**
 * The company's penalties, split: claimable now (invoices still open and overdue, the client not
 * under a collective procedure), to declare (open invoices of a client under one, to the
 * judgment's date) and accrued on invoices already paid late.
 */
export interface PenaltyTotals {
  open_amount: number;
  open_invoices: number;
  to_declare_amount: number;
  to_declare_invoices: number;
  paid_late_amount: number;
  paid_late_invoices: number;
  /** The earliest due date among the invoices paid late: how far back the accrued penalties go. */
  paid_late_since: string | null;
  days_without_rate: number;
}

export const penaltyTotals = () =>
  memo<PenaltyTotals>('penaltyTotals', ['penalties'], `
    select coalesce(sum(penalty_amount) filter (where is_still_open and not is_to_declare), 0) as open_amount,
           count(*) filter (where is_still_open and not is_to_declare) as open_invoices,
           coalesce(sum(penalty_amount) filter (where is_to_declare), 0) as to_declare_amount,
           count(*) filter (where is_to_declare) as to_declare_invoices,
           coalesce(sum(penalty_amount) filter (where not is_still_open), 0) as paid_late_amount,
           count(*) filter (where not is_still_open) as paid_late_invoices,
           min(due_date) filter (where not is_still_open) as paid_late_since,
           coalesce(sum(days_without_rate), 0) as days_without_rate
    from {penalties}`).then((rows) => rows[0] ?? { open_amount: 0, open_invoices: 0, to_declare_amount: 0, to_declare_invoices: 0, paid_late_amount: 0, paid_late_invoices: 0, paid_late_since: null, days_without_rate: 0 });

export interface ClientGrade {
  client_id: string;
  grade: string;
  pd_12m: number;
  grade_source: 'score' | 'fallback';
}

/** Each client's one grade: its latest credit score, or the labelled fallback (client_risk). */
export const gradesAtAsOf = () =>
  memo<ClientGrade>('gradesAtAsOf', ['client_risk'], `
    select client_id, grade, pd_12m, grade_source from {client_risk}`);
