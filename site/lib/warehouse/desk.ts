// The collections desk: the worklist by client and the dunning letters, for the lists. The
// collections log, disputes, statements, letter lines, rep performance and the company's details
// are read with read() (site/lib/read.ts).
import { memo } from '../read.ts';
import type { LegalBasis } from '../i18n/desk.ts';
import type { TableRow } from './tables.ts';

export interface WorklistRow {
  priority: number;
  client_id: string;
  name: string | null;
  sales_rep: string | null;
  stage: string;
  /** When the client reached that stage (its most advanced invoice's): what makes a row new. */
  stage_started_date: string | null;
  invoice_count: number;
  paused_invoice_count: number;
  due_amount: number;
  overdue_amount: number;
  max_days_from_due: number;
  expected_loss_amount: number;
  grade: string;
  /** For stage declare_claim: the judgment date + 2 months, NULL when unknown. */
  claim_deadline_date: string | null;
  is_claim_deadline_passed: boolean | null;
  last_action_date: string | null;
  last_action_kind: string | null;
  next_action_date: string;
  promise_status: string | null;
  promise_date: string | null;
  promise_amount: number | null;
  /** Its invoices in dispute (disputed_invoices), paused and not in the amounts. */
  disputed_invoice_count: number;
  disputed_amount: number;
  contact_name: string | null;
  contact_role: string | null;
  contact_email: string | null;
  contact_phone: string | null;
}

export const worklist = () =>
  memo<WorklistRow>('worklist', ['worklist'], `
    select priority, client_id, name, sales_rep, stage, stage_started_date, invoice_count, paused_invoice_count, due_amount, overdue_amount, max_days_from_due,
           expected_loss_amount, grade, claim_deadline_date, is_claim_deadline_passed, last_action_date, last_action_kind, next_action_date, promise_status, promise_date, promise_amount,
           disputed_invoice_count, disputed_amount, contact_name, contact_role, contact_email, contact_phone
    from {worklist} order by priority`);

/** A dunning letter (the `letters` mart): its language and law, what it claims, whether it can be posted. */
export type LetterRow = TableRow<'letters'> & { letter: 'preventive_reminder' | 'reminder_1' | 'reminder_2' | 'formal_notice'; letter_language: 'fr' | 'en'; legal_basis: LegalBasis };

export const letters = () => memo<LetterRow>('letters', ['letters'], `select * from {letters} order by client_id`);
