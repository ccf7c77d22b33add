// Clients, open items and ageing at the as-of date, and the ageing of past month ends.
import { index, memo } from '../read.ts';

export interface Client {
  client_id: string;
  name: string;
  segment: string | null;
  sector: string | null;
  country: string | null;
  sales_rep: string | null;
  payment_terms: string | null;
  credit_limit: number | null;
  insured_limit: number | null;
  external_rating: string | null;
  legal_status: string | null;
  /** What a FEC's doubtful-client accounts (416) hold for the client; null when nothing. */
  doubtful_amount: number | null;
  receivables_amount: number;
  overdue_amount: number;
  unapplied_cash_amount: number;
  max_days_past_due: number | null;
  invoice_count: number;
  /** Overdue / receivables (0–1); null when the receivables are not positive. */
  share_overdue: number | null;
}

export interface OpenInvoice {
  invoice_id: string;
  client_id: string;
  kind: 'invoice' | 'credit_note';
  issue_date: string;
  due_date: string;
  amount: number;
  open_amount: number;
  days_past_due: number | null;
  bucket: string;
  is_disputed: boolean;
  /** When the cash forecast expects it paid; null for a credit note. */
  expected_payment_date: string | null;
}

export interface UnappliedPayment {
  payment_id: string;
  client_id: string;
  payment_date: string;
  amount: number;
  unapplied_amount: number;
}

export interface BucketAmount {
  bucket: string;
  bucket_order: number;
  open_amount: number;
}

/** A row of an ageing table: a bucket's amount, the total it is a share of, and that share (ageing, ageing_company). */
export interface BucketShare extends BucketAmount {
  total_open_amount: number;
  share_open: number | null;
}

export interface AgeingRow extends BucketShare {
  client_id: string;
}

export interface MonthlyAgeing extends BucketAmount {
  month_end: string;
  /** The month end's total over every bucket (ageing_history). */
  month_total_amount: number;
}

export interface Bucket {
  bucket: string;
  bucket_order: number;
}

export const clients = () =>
  memo<Client>('clients', ['clients'], `
    select client_id, name, segment, sector, country, sales_rep, payment_terms, credit_limit, insured_limit, external_rating, legal_status, doubtful_amount,
           receivables_amount, overdue_amount, unapplied_cash_amount, max_days_past_due, invoice_count, share_overdue
    from {clients} order by client_id`);

/** The clients with the most overdue, largest first (ties by id). */
export const topOverdueClients = (limit = 20) =>
  memo<Client>(`topOverdueClients${limit}`, ['clients'], `
    select client_id, name, segment, sector, country, sales_rep, payment_terms, credit_limit, insured_limit, external_rating, legal_status, doubtful_amount,
           receivables_amount, overdue_amount, unapplied_cash_amount, max_days_past_due, invoice_count, share_overdue
    from {clients} where overdue_amount > 0 order by overdue_amount desc, client_id limit ${limit}`);

export const buckets = () => memo<Bucket>('buckets', ['buckets'], `select bucket, bucket_order from {buckets} order by bucket_order`);

export const openInvoices = () =>
  memo<OpenInvoice>('openInvoices', ['invoices'], `
    select invoice_id, client_id, kind, issue_date, due_date, amount, open_amount, days_past_due, bucket, is_disputed, expected_payment_date
    from {invoices} where open_amount <> 0 order by client_id, due_date, invoice_id`);

export const unappliedPayments = () =>
  memo<UnappliedPayment>('unappliedPayments', ['payments'], `
    select payment_id, client_id, payment_date, amount, unapplied_amount
    from {payments} where unapplied_amount <> 0 order by client_id, payment_date, payment_id`);

export const ageing = () =>
  memo<AgeingRow>('ageing', ['ageing'], `select client_id, bucket, bucket_order, open_amount, total_open_amount, share_open from {ageing} order by client_id, bucket_order`);

/** Company-wide ageing at the as-of date, one row per bucket that holds anything. */
export const companyAgeing = () =>
  memo<BucketShare>('companyAgeing', ['ageing_company'], `
    select bucket, bucket_order, open_amount, total_open_amount, share_open from {ageing_company} order by bucket_order`);

/** Company-wide ageing at each of the last `months` month ends. */
export const ageingHistory = (months = 24) =>
  memo<MonthlyAgeing>(`ageingHistory${months}`, ['ageing_history'], `
    with last_months as (select distinct month_end from {ageing_history} order by month_end desc limit ${months})
    select month_end, bucket, bucket_order, open_amount, month_total_amount
    from {ageing_history} join last_months using (month_end)
    order by month_end, bucket_order`);

/** Every client by id, for per-page lookups. */
export const clientsById = () => index('clientsById', () => clients().then((rows) => new Map(rows.map((c) => [c.client_id, c]))));
