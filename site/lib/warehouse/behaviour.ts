// How each client pays: client_behaviour at the as-of date, and its last 12 months month by month
// (invoices and credit notes issued, payments received, invoices settled and how late).
import { asOfLiteral, memo } from './query.ts';

export interface ClientBehaviour {
  client_id: string;
  days_to_pay_12m: number | null;
  days_late_3m: number | null;
  days_late_12m: number | null;
  /** Days late over 3 months − over 12 months: positive = paying later than usual. */
  days_late_trend: number | null;
  share_paid_late_12m: number | null;
  invoices_settled_12m: number;
  /** Open amount of the client's disputed invoices at the as-of date. */
  disputed_open_amount: number;
  disputed_open_invoices: number;
}

export const clientBehaviour = () =>
  memo<ClientBehaviour>('clientBehaviour', ['client_behaviour', 'invoices'], `
    with disputed as (
      select client_id, sum(open_amount) as disputed_open_amount, count(*) as disputed_open_invoices
      from {invoices} where is_disputed and open_amount > 0 group by client_id
    )
    select behaviour.client_id, days_to_pay_12m, days_late_3m, days_late_12m, days_late_trend, share_paid_late_12m, invoices_settled_12m,
           coalesce(disputed.disputed_open_amount, 0) as disputed_open_amount, coalesce(disputed.disputed_open_invoices, 0) as disputed_open_invoices
    from {client_behaviour} as behaviour left join disputed using (client_id)
    order by behaviour.client_id`);

/** One client's month: what was billed, credited and paid, and how late the invoices settled that month were. */
export interface ClientMonth {
  client_id: string;
  month_end: string;
  invoices: number;
  invoiced_amount: number;
  credited_amount: number;
  payments: number;
  paid_amount: number;
  settled_invoices: number;
  /** Amount-weighted average days late of the invoices settled in the month (null: none settled). */
  days_late: number | null;
  days_to_pay: number | null;
}

/** The 12 months up to the as-of date's month, for every client with any activity in them. */
export const clientMonths = () => {
  const asOf = asOfLiteral();
  return memo<ClientMonth>('clientMonths', ['invoices', 'payments'], `
    with bounds as (select ${asOf} as as_of, last_day(${asOf} - interval 12 month)::date as before_start),
    billed as (
      select client_id, last_day(issue_date) as month_end,
             count(*) filter (where kind = 'invoice') as invoices,
             coalesce(sum(amount) filter (where kind = 'invoice'), 0) as invoiced_amount,
             coalesce(sum(amount) filter (where kind = 'credit_note'), 0) as credited_amount
      from {invoices}, bounds where issue_date > before_start and issue_date <= as_of group by all
    ),
    settled as (
      select client_id, last_day(settled_date) as month_end, count(*) as settled_invoices,
             sum(amount * days_late) / nullif(sum(amount), 0) as days_late,
             sum(amount * days_to_pay) / nullif(sum(amount), 0) as days_to_pay
      from {invoices}, bounds where kind = 'invoice' and settled_date > before_start and settled_date <= as_of group by all
    ),
    paid as (
      select client_id, last_day(payment_date) as month_end, count(*) as payments, sum(amount) as paid_amount
      from {payments}, bounds where payment_date > before_start and payment_date <= as_of group by all
    ),
    active as (select client_id from billed union select client_id from settled union select client_id from paid),
    months as (select last_day(before_start + to_months(i::integer))::date as month_end from bounds, range(1, 13) as r(i))
    select active.client_id, months.month_end,
           coalesce(billed.invoices, 0) as invoices, coalesce(billed.invoiced_amount, 0) as invoiced_amount,
           coalesce(billed.credited_amount, 0) as credited_amount,
           coalesce(paid.payments, 0) as payments, coalesce(paid.paid_amount, 0) as paid_amount,
           coalesce(settled.settled_invoices, 0) as settled_invoices, settled.days_late, settled.days_to_pay
    from active cross join months
    left join billed using (client_id, month_end)
    left join settled using (client_id, month_end)
    left join paid using (client_id, month_end)
    order by active.client_id, months.month_end`);
};
