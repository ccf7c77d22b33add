// The clients list's order is a column of the clients mart (list_order), not a sort in the site
// (and so is the overview's top overdue clients, overdue_rank):
// clients with open items first, largest receivables first (a client in credit is open too, last
// of them), then the clients with nothing open; ties and the others by id. One model on hand-made
// tables, no ETL run.
import { describe, expect, it } from 'vitest';

import { runModel } from '../helpers.ts';

// Five clients; what each has open (invoices.open_amount) and overdue (bucket other than not_due),
// worked out by hand:
//   A: nothing open (no invoice)                   → settled, nothing overdue
//   B: 500, of which 100 overdue                   → open
//   C: 300 overdue + 200 not due = 500 (ties B)    → open, after B (by id); most overdue
//   D: −20 (a credit note left open, not due)      → open, last of the open ones; nothing overdue
//   E: 100 overdue − 100 = 0                       → settled; 0 overdue
// List order: B 1, C 2, D 3, then the settled by id: A 4, E 5.
// Overdue rank: C (300) 1, B (100) 2; the others none.
const clients = ['A', 'B', 'C', 'D', 'E'];
const columns = ['address_line_1', 'address_line_2', 'city', 'country', 'credit_limit', 'external_rating', 'guarantee_amount', 'insured_limit', 'legal_status', 'payment_terms', 'postcode', 'procedure_date', 'sales_rep', 'sector', 'segment'];
const invoices: [string, number, string][] = [
  ['B', 400, 'not_due'], ['B', 100, '1-30'], ['C', 300, '31-60'], ['C', 200, 'not_due'], ['D', -20, 'not_due'], ['E', 100, '1-30'], ['E', -100, '1-30'],
];

describe('clients.list_order and clients.overdue_rank', () => {
  it('puts the open clients first, largest receivables first, then the settled ones, ties by id', async () => {
    const rows = await runModel<{ client_id: string; list_order: number; overdue_rank: number | null }>('clients', {
      int_all_clients: `select client_id, client_id as name, true as is_in_client_file, ${columns.map((c) => `null as ${c}`).join(', ')}
                        from (values ${clients.map((c) => `('${c}')`).join(', ')}) as t(client_id)`,
      invoices: `select client_id, open_amount::decimal(18, 2) as open_amount, bucket, 0 as days_past_due, 'invoice' as kind, date '2026-01-01' as issue_date
                 from (values ${invoices.map(([c, a, b]) => `('${c}', ${a}, '${b}')`).join(', ')}) as t(client_id, open_amount, bucket)`,
      disputed_invoices: `select 'A' as client_id, 0::decimal(18, 2) as open_amount where false`,
      payments: `select 'A' as client_id, date '2026-01-01' as payment_date, 0::decimal(18, 2) as amount, 0::decimal(18, 2) as unapplied_amount where false`,
      int_doubtful_clients: `select 'A' as client_id, 0::decimal(18, 2) as doubtful_balance_amount where false`,
    });
    expect(rows.map((r) => [r.client_id, r.list_order])).toEqual([['A', 4], ['B', 1], ['C', 2], ['D', 3], ['E', 5]]);
    expect(rows.map((r) => [r.client_id, r.overdue_rank])).toEqual([['A', null], ['B', 2], ['C', 1], ['D', null], ['E', null]]);
  });
});
