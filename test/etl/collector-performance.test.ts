// A rep's month on a hand-made ledger (test/fixtures/performance) at 2024-06-30: what the rep
// collected after a chase counts only payments of the invoices chased, never more than was chased.
// P owes O1 (1,000 €, due 30 April: past due at the May month end) and O2 (500 €, due 15 June: not
// yet due then); Alice calls on 5 June; P pays 600 € of O1 on 10 June and all of O2 on 20 June.
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { buildWarehouse, fixturesDir } from '../helpers.ts';

describe('collector_performance', () => {
  it('counts as collected only the payments of the invoices the rep chased', async () => {
    const wh = await buildWarehouse(join(fixturesDir, 'performance'), { asOf: '2024-06-30' });
    // Chased: O1's 1,000 € open at 31 May. Collected within 30 days of 5 June: 600 € on O1; O2's
    // 500 € was not chased (not due on 31 May), so 600, not 1,100 — more than was chased.
    expect(await wh.query(`select sales_rep, month, clients_chased, chased_amount, collected_after_action_amount from collector_performance`)).toEqual([
      { sales_rep: 'Alice Martin', month: '2024-06-01', clients_chased: 1, chased_amount: 1000, collected_after_action_amount: 600 },
    ]);
  });
});
