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
    const differences = await q(`
      select w.client_id from worklist w
      join (select client_id, sum(open_amount) as due, count(*) as n from dunning where stage not like 'paused%' group by all) d using (client_id)
      where w.due_amount <> d.due or w.invoice_count <> d.n`);
    expect(differences).toEqual([]);
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
