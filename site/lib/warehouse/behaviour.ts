// How each client pays: client_behaviour at the as-of date (its months are the mart client_months).
import { memo } from '../read.ts';

export interface ClientBehaviour {
  client_id: string;
  days_to_pay_12m: number | null;
  days_late_3m: number | null;
  days_late_12m: number | null;
  /** Days late over 3 months − over 12 months: positive = paying later than usual. */
  days_late_trend: number | null;
  share_paid_late_12m: number | null;
  invoices_settled_12m: number;
}

export const clientBehaviour = () =>
  memo<ClientBehaviour>('clientBehaviour', ['client_behaviour'], `
    select client_id, days_to_pay_12m, days_late_3m, days_late_12m, days_late_trend, share_paid_late_12m, invoices_settled_12m
    from {client_behaviour} order by client_id`);
