// The collections desk on the bundled sample, whose generator writes a collections log
// (sample/collections-log.ts): promises kept, broken and pending, disputes with reasons,
// pauses and contacts. Checked against the warehouse's own rows, recomputed from the inputs.
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';

import { queryWarehouse } from '../helpers.ts';

const q = (sql: string) => queryWarehouse(inject('sampleWarehouse'), sql);

describe('the worklist on the sample', () => {
  it('has one row per client with an invoice to chase today (not paused), and no other', async () => {
    const [row] = await q(`
      select (select count(*) from worklist) as rows,
             (select count(distinct client_id) from worklist) as clients,
             (select count(distinct client_id) from dunning where stage not like 'paused%') as needing_action`);
    expect(row!.rows).toBe(row!.clients);
    expect(row!.rows).toBe(row!.needing_action);
    expect(row!.rows).toBeGreaterThan(300);
  });

  it('sums each client’s invoices to chase, and ranks clients by expected loss', async () => {
    // From the ledger, not from `dunning` (which the worklist sums): a client's invoices to chase
    // are its open invoices (open amount > 0) that have reached the schedule's first step, the
    // preventive reminder 5 days before the due date (a riskier grade brings only the overdue
    // steps earlier), so due on or before 2026-11-05 at the sample's as-of date, 2026-10-31; or
    // all of them for a client in redressement or liquidation judiciaire (the sample's two
    // procedures), each with a claim to declare. A client none of whose invoices is paused has
    // them all in its row; one with paused invoices has the others, for less than the whole.
    const [compared] = await q(`
      with chased as (
        select client_id, sum(open_amount) as due, count(*) as n
        from invoices join clients using (client_id)
        where kind = 'invoice' and open_amount > 0
          and (due_date <= date '2026-11-05' or legal_status in ('Redressement judiciaire', 'Liquidation judiciaire'))
        group by all
      )
      select count(*) filter (where w.paused_invoice_count = 0) as unpaused,
             count(*) filter (where w.paused_invoice_count = 0 and (w.due_amount is distinct from chased.due or w.invoice_count is distinct from chased.n)) as unpaused_differing,
             count(*) filter (where w.paused_invoice_count > 0) as paused,
             count(*) filter (where w.paused_invoice_count > 0 and (w.invoice_count + w.paused_invoice_count is distinct from chased.n or not w.due_amount < chased.due)) as paused_differing
      from worklist w left join chased using (client_id)`);
    expect(compared).toMatchObject({ unpaused_differing: 0, paused_differing: 0 });
    expect(compared!.unpaused).toBeGreaterThan(300);
    expect(compared!.paused).toBeGreaterThan(0);
    const unordered = await q(`select priority from (select priority, expected_loss_amount, lag(expected_loss_amount) over (order by priority) as previous from worklist) where expected_loss_amount > previous`);
    expect(unordered).toEqual([]);
  });

  it('holds promises kept, broken and pending, open disputes with reasons, and pauses', async () => {
    const statuses = Object.fromEntries((await q(`select status, count(*)::integer as n from promises group by all`)).map((r) => [r.status, r.n]));
    expect(statuses.kept).toBeGreaterThan(20);
    expect(statuses.broken).toBeGreaterThan(10);
    expect(statuses.pending).toBeGreaterThan(10);
    expect((await q(`select count(*)::integer as n from disputes_by_reason where open_count > 0`))[0]!.n).toBeGreaterThanOrEqual(4);
    const stages = (await q(`select distinct stage from dunning where stage like 'paused%' order by stage`)).map((r) => r.stage);
    expect(stages).toEqual(['paused_dispute', 'paused_do_not_chase', 'paused_promise']);
  });

  it('gives every worklist client a statement whose total is its open amount in invoices', async () => {
    const differences = await q(`
      select w.client_id from worklist w
      left join statements s using (client_id)
      left join (select client_id, sum(open_amount) as open from invoices group by all) i using (client_id)
      where s.total_open_amount is distinct from i.open`);
    expect(differences).toEqual([]);
  });
});
