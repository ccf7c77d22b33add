// Today's dunning worklist, alerts, late-payment penalties and each client's one grade.
import { memo } from '../read.ts';

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
 * Today's dunning actions on a client's invoices grouped (dunning_groups: the invoices at the same
 * stage for the same reason are one row), typed as the reason's words read them.
 */
export interface ClientDunningGroup extends Omit<DunningRow, 'invoice_id' | 'reason' | 'priority' | 'expected_loss_amount' | 'due_date' | 'pd_12m' | 'grade_source'> {
  /** The group's invoices, most urgent first, joined by ', '. */
  invoice_ids: string;
  invoice_count: number;
  days_from_due_max: number;
  /** How many invoices have a dunning action today, over all the client's groups. */
  client_invoice_count: number;
}

export const clientDunningGroups = () => memo<ClientDunningGroup>('clientDunningGroups', ['dunning_groups'], `select * from {dunning_groups}`);

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
  /** days_late_worsening: days late over the last 3 and 12 calendar months (not client_behaviour's days_late_3m / _12m, counted back from the as-of date). */
  days_late_calendar_3m: number | null;
  days_late_calendar_12m: number | null;
  payment_terms: string | null;
  longest_days: number | null;
}

/** Today's alerts, the most money at risk first (alerts.amount, one measure for every kind). */
export const alerts = () =>
  memo<AlertRow>('alerts', ['alerts'], `
    select alert, client_id, invoice_id, first_seen_date, amount, detail, limit_amount, previous_grade, grade, pd_12m, grade_source, collective_procedure,
           days_late_calendar_3m, days_late_calendar_12m, payment_terms, longest_days
    from {alerts} order by amount desc, first_seen_date desc, alert, client_id`);

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
