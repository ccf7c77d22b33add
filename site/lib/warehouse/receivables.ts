// The reads of clients, open items and ageing that select rows by more than equal columns (read()
// filters on equality only): the open items, the clients with the most overdue, the last month
// ends. Rows are typed by the marts' contracts (tables.ts); the rest is read with read().
import { memo } from '../read.ts';
import type { TableRow } from './tables.ts';

/** The `limit` clients with the most overdue, largest first (clients.overdue_rank). */
export const topOverdueClients = (limit = 20) =>
  memo<TableRow<'clients'>>(`topOverdueClients${limit}`, ['clients'], `select * from {clients} where overdue_rank <= ${limit} order by overdue_rank`);

/** An open invoice or credit note, with the columns a client page shows of it. */
export type OpenInvoice = Pick<TableRow<'invoices'>, 'invoice_id' | 'client_id' | 'kind' | 'issue_date' | 'due_date' | 'amount' | 'open_amount' | 'days_past_due' | 'expected_payment_date'>;

/**
 * The invoices and credit notes still open, by client and due date: only the columns a client page
 * shows (the mart has 25, and a million rows at 10,000 clients).
 */
export const openInvoices = () =>
  memo<OpenInvoice>('openInvoices', ['invoices'], `
    select invoice_id, client_id, kind, issue_date, due_date, amount, open_amount, days_past_due, expected_payment_date
    from {invoices} where open_amount <> 0 order by client_id, due_date, invoice_id`);

/** The payments not yet applied in full, by client and date. */
export const unappliedPayments = () =>
  memo<TableRow<'payments'>>('unappliedPayments', ['payments'], `select * from {payments} where unapplied_amount <> 0 order by client_id, payment_date, payment_id`);

/** Company-wide ageing at each of the last `months` month ends. */
export const ageingHistory = (months = 24) =>
  memo<TableRow<'ageing_history'>>(`ageingHistory${months}`, ['ageing_history'], `
    with last_months as (select distinct month_end from {ageing_history} order by month_end desc limit ${months})
    select * from {ageing_history} join last_months using (month_end)
    order by month_end, bucket_order`);
