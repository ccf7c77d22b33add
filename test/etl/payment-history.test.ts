// The client payment history (int_payment_history): which invoices were paid in full, when, and
// their days to pay and days late, on hand-made invoices and allocations worked out below.
import { describe, expect, it } from 'vitest';

import { runModel } from '../helpers.ts';

const invoices = (rows: string) =>
  `select * from (values ${rows}) t(invoice_id, client_id, kind, issue_date, due_date, amount)`;
const allocations = (rows: string) =>
  `select * from (values ${rows}) t(invoice_id, source_id, source_kind, allocation_date, amount)`;

describe('int_payment_history', () => {
  it('dates an invoice paid on the day its balance reached zero, and leaves out write-offs and open ones', async () => {
    // E: 1,000 issued 5 Jan 2024, due 4 Feb, paid by P1 on 30 Jan → paid 30 Jan:
    //    days to pay 30 Jan − 5 Jan = 25; days late 30 Jan − 4 Feb = −5 (early: the sign is kept).
    // L: 1,200 issued 10 Jan, due 9 Feb, paid 500 on 20 Feb (700 left) and 700 on 15 Mar → paid
    //    15 Mar, the day the balance reached zero, not the first payment's day:
    //    days to pay 21 (rest of Jan) + 29 (Feb, leap year) + 15 = 65; days late 20 (9→29 Feb) + 15 = 35.
    // K: 300 issued 1 Mar, due 31 Mar, credit note C1 (−100) used on 5 Mar, 200 paid 10 Apr →
    //    paid 10 Apr: days to pay 30 + 10 = 40, days late 10. C1, used up on 5 Mar, is no invoice: no row.
    // W: 400 paid 100 on 1 Feb, the 300 left written off on 30 Jun → closed, but not paid: no row.
    // O: 600 paid 200 on 1 Mar → 400 still open: no row.
    const rows = await runModel(['int_invoice_balance_history', 'int_payment_history'], {
      int_invoices: invoices(`
        ('E', 'A', 'invoice', date '2024-01-05', date '2024-02-04', 1000.00),
        ('L', 'A', 'invoice', date '2024-01-10', date '2024-02-09', 1200.00),
        ('K', 'B', 'invoice', date '2024-03-01', date '2024-03-31', 300.00),
        ('C1', 'B', 'credit_note', date '2024-03-05', date '2024-03-05', -100.00),
        ('W', 'B', 'invoice', date '2024-01-15', date '2024-02-14', 400.00),
        ('O', 'B', 'invoice', date '2024-02-01', date '2024-03-02', 600.00)`),
      int_allocations: allocations(`
        ('E', 'P1', 'payment', date '2024-01-30', 1000.00),
        ('L', 'P2', 'payment', date '2024-02-20', 500.00),
        ('L', 'P3', 'payment', date '2024-03-15', 700.00),
        ('K', 'C1', 'credit_note', date '2024-03-05', 100.00),
        ('K', 'P4', 'payment', date '2024-04-10', 200.00),
        ('W', 'P5', 'payment', date '2024-02-01', 100.00),
        ('W', 'WO1', 'writeoff', date '2024-06-30', 300.00),
        ('O', 'P6', 'payment', date '2024-03-01', 200.00)`),
    });
    expect(rows.sort((a, b) => String(a.invoice_id).localeCompare(String(b.invoice_id)))).toEqual([
      { invoice_id: 'E', client_id: 'A', issue_date: '2024-01-05', due_date: '2024-02-04', paid_date: '2024-01-30', amount: 1000, days_to_pay: 25, days_late: -5 },
      { invoice_id: 'K', client_id: 'B', issue_date: '2024-03-01', due_date: '2024-03-31', paid_date: '2024-04-10', amount: 300, days_to_pay: 40, days_late: 10 },
      { invoice_id: 'L', client_id: 'A', issue_date: '2024-01-10', due_date: '2024-02-09', paid_date: '2024-03-15', amount: 1200, days_to_pay: 65, days_late: 35 },
    ]);
  });

  it('takes the day the balance reached zero for good when it was reopened', async () => {
    // Today's allocations only lower an invoice, so a reversal is given as the balance history:
    // R: 800 issued 1 Apr 2024, due 1 May; zero from 20 Apr, reopened at 300 on 2 May, zero again
    //    from 25 May → paid 25 May: days to pay 29 (1→30 Apr) + 25 = 54; days late 24.
    // S: zero from 10 Apr, reopened at 250 on 15 Apr and still open → no row.
    const rows = await runModel('int_payment_history', {
      int_invoices: invoices(`
        ('R', 'A', 'invoice', date '2024-04-01', date '2024-05-01', 800.00),
        ('S', 'A', 'invoice', date '2024-04-01', date '2024-05-01', 250.00)`),
      int_invoice_balance_history: `select * from (values
        ('R', date '2024-04-01', date '2024-04-20', 800.00), ('R', date '2024-04-20', date '2024-05-02', 0.00),
        ('R', date '2024-05-02', date '2024-05-25', 300.00), ('R', date '2024-05-25', null, 0.00),
        ('S', date '2024-04-01', date '2024-04-10', 250.00), ('S', date '2024-04-10', date '2024-04-15', 0.00),
        ('S', date '2024-04-15', null, 250.00)) t(invoice_id, valid_from, valid_to, open_amount)`,
      int_allocations: allocations(`(null::varchar, null::varchar, null::varchar, null::date, null::decimal(18, 2))`) + ' where false',
    });
    expect(rows).toEqual([
      { invoice_id: 'R', client_id: 'A', issue_date: '2024-04-01', due_date: '2024-05-01', paid_date: '2024-05-25', amount: 800, days_to_pay: 54, days_late: 24 },
    ]);
  });
});
