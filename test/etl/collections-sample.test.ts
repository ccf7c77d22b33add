// The collections desk on the bundled sample, whose generator writes a collections log
// (sample/collections-log.ts): promises kept, broken and pending, disputes with reasons,
// pauses and contacts. Checked against the warehouse's own rows, recomputed from the inputs.
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';

import type { Row } from '../../shared/duckdb.ts';
import { queryWarehouse } from '../helpers.ts';

const q = <T extends Row = Row>(sql: string) => queryWarehouse<T>(inject('sampleWarehouse'), sql);

describe('the worklist on the sample', () => {
  it('has one row per client with an invoice to chase today (not paused, not a foreclosed claim), and no other', async () => {
    // A foreclosed claim (claim_foreclosed) is no call: its client is listed apart, to write off.
    const [row] = await q(`
      select (select count(*) from worklist) as rows,
             (select count(distinct client_id) from worklist) as clients,
             (select count(distinct client_id) from dunning where stage not like 'paused%' and stage <> 'claim_foreclosed') as needing_action`);
    expect(row!.rows).toBe(row!.clients);
    expect(row!.rows).toBe(row!.needing_action);
    expect(row!.rows).toBeGreaterThan(300);
  });

  it('sums each client’s invoices to chase, and ranks clients by expected loss', async () => {
    // From the ledger, not from `dunning` (which the worklist sums): a client's invoices to chase
    // are its open invoices (open amount > 0) that have reached the schedule's first step, the
    // preventive reminder 5 days before the due date (a riskier grade brings only the overdue
    // steps earlier), so due on or before 2026-11-05 at the sample's as-of date, 2026-10-31; or
    // all of those issued by the judgment for a client in redressement or liquidation judiciaire
    // (the sample's two procedures), each with a claim to declare (one issued after the judgment is
    // a claim born after it, payable when due, L622-17: on the schedule like any other), but for the
    // foreclosed ones (judgment + 6 months before the as-of date), no call, which a client whose
    // only other invoices came after the judgment no longer hides from the list. A client none of whose invoices is paused has
    // them all in its row; one with paused invoices has the others, for less than the whole.
    const [compared] = await q(`
      with chased as (
        select client_id, sum(open_amount) as due, count(*) as n
        from invoices join clients using (client_id)
        where kind = 'invoice' and open_amount > 0
          and (due_date <= date '2026-11-05'
               or (legal_status in ('Redressement judiciaire', 'Liquidation judiciaire') and (procedure_date is null or issue_date <= procedure_date)))
          -- A claim held by the procedure whose six months to ask for relief have passed is foreclosed: no call.
          and not coalesce(legal_status in ('Redressement judiciaire', 'Liquidation judiciaire') and issue_date <= procedure_date
                           and procedure_date + interval 6 month < date '2026-10-31', false)
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
    // The sample's log names invoices its generator believes open, but unreferenced payments settle
    // the oldest invoices first: 47 of its 140 promises cover invoices settled before they were
    // logged (already_settled), and most of the pending ones were settled early (kept).
    expect(statuses.kept).toBeGreaterThan(20);
    expect(statuses.broken).toBeGreaterThanOrEqual(5);
    expect(statuses.pending).toBeGreaterThanOrEqual(1);
    expect(statuses.already_settled).toBeGreaterThan(10);
    expect((await q(`select count(*)::integer as n from disputes_by_reason where open_count > 0`))[0]!.n).toBeGreaterThanOrEqual(4);
    const stages = (await q(`select distinct stage from dunning where stage like 'paused%' order by stage`)).map((r) => r.stage);
    expect(stages).toEqual(['paused_dispute', 'paused_do_not_chase', 'paused_promise']);
  });

  it('calls a promise broken only when an invoice it covers is still open after its date', async () => {
    // Recomputed from the published ledger: each broken promise's invoices, their amount less the
    // allocations dated up to the promise's date. Before the ledger judged promises, 42 of the 52
    // broken ones covered invoices settled by then (20 of them before the promise was logged).
    const settled = await q(`
      with covered as (select action_id, client_id, promise_date, unnest(string_split(invoice_ids, ',')) as invoice_id from promises where status = 'broken')
      select action_id from covered join invoices using (client_id, invoice_id)
      group by action_id
      having sum(invoices.amount - coalesce((select sum(a.amount) from allocations a where a.invoice_id = covered.invoice_id and a.allocation_date <= covered.promise_date), 0)) <= 0`);
    expect(settled).toEqual([]);
    const [row] = await q(`select count(*)::integer as n from promises where status = 'broken'`);
    expect(row!.n).toBeGreaterThan(0);
    // A promise logged on invoices already settled is a warning on its line of the log, never an alert.
    const [counts] = await q(`
      select (select count(*) from quality where reason_code = 'promise_on_settled_invoices' and source_file = 'actions.csv' and line is not null)::integer as warned,
             (select count(*) from promises where status = 'already_settled')::integer as already_settled,
             (select count(*) from alerts join promises using (client_id) where alert = 'promise_broken' and status = 'already_settled'
                and not exists (select 1 from promises p where p.client_id = alerts.client_id and p.status = 'broken'))::integer as alerted`);
    expect(counts).toEqual({ warned: counts!.already_settled, already_settled: counts!.already_settled, alerted: 0 });
    expect(counts!.already_settled).toBeGreaterThan(0);
  });

  it('gives every alert one measure of money at risk, the open amount it is about, and ranks them on it', async () => {
    // Recomputed per kind from invoices, clients and promises: an invoice's open amount, the
    // exposure beyond the limit, what a broken promise covers still open, the client's overdue
    // amount (grade drop, worsening lateness), everything the client owes (procedure, terms), the
    // open amount of its invoices whose claim is foreclosed (claim_foreclosed).
    const wrong = await q(`
      with expected as (
        select a.alert, a.client_id, a.invoice_id, a.amount,
               case
                 when a.alert in ('overdue_60', 'overdue_90') then (select open_amount from invoices i where i.invoice_id = a.invoice_id)
                 when a.alert = 'over_limit' then c.receivables_amount - c.credit_limit
                 when a.alert in ('grade_drop', 'days_late_worsening') then greatest(c.overdue_amount, 0)
                 when a.alert = 'terms_beyond_legal_ceiling' then greatest(c.receivables_amount, 0)
                 -- The claim the procedure holds: less the open invoices issued after the judgment (L622-17).
                 when a.alert = 'collective_procedure' then greatest(c.receivables_amount - coalesce((select sum(i.open_amount) from invoices i
                   where i.client_id = a.client_id and i.kind = 'invoice' and i.open_amount > 0 and i.issue_date > c.procedure_date), 0), 0)
                 when a.alert = 'claim_foreclosed' then (select sum(d.open_amount) from dunning d where d.client_id = a.client_id and d.stage = 'claim_foreclosed')
               end as expected
        from alerts a join clients c using (client_id)
        where a.alert <> 'promise_broken'
      )
      select * from expected where amount is distinct from expected`);
    expect(wrong).toEqual([]);
    // A broken promise's alert: the invoices it covers, their open amount now; never zero. Before,
    // the amount was the promise less what came in its window, on 33 alerts of which 19 were on
    // clients with nothing overdue.
    const promises = await q(`
      select a.client_id, a.amount, (select sum(i.open_amount) from promises p, unnest(string_split(p.invoice_ids, ',')) as u(invoice_id)
                                     join invoices i on i.client_id = p.client_id and i.invoice_id = u.invoice_id
                                     where p.client_id = a.client_id and p.status = 'broken' and p.promise_date + 1 = a.first_seen_date) as still_open
      from alerts a where a.alert = 'promise_broken'`);
    expect(promises.length).toBeGreaterThan(0);
    for (const p of promises) expect({ client: p.client_id, amount: p.amount }).toEqual({ client: p.client_id, amount: p.still_open });
    expect(promises.filter((p) => (p.amount as number) <= 0)).toEqual([]);
    // Ranked on it, the largest first.
    const amounts = (await q(`select amount from alerts`)).map((r) => r.amount as number);
    expect(amounts).toEqual([...amounts].sort((x, y) => y - x));
  });

  it('takes the clients under a collective procedure out of the forecast and the claimable penalties, interest stopped at the judgment', async () => {
    // Before: their 395 open invoices (710 k€) were all expected the day after the as-of date, 145
    // accrued interest after the judgment, and 53 k€ of the 77 k€ claimable penalties were theirs.
    // That holds for the claims born before the judgment (issued on or before its date); those issued
    // after it are claims born after it (L622-17): their interest runs past the judgment and is
    // claimable, never to declare — but they stay out of the forecast too.
    const [row] = await q(`
      with procedures as (select client_id, procedure_date from clients where legal_status in ('Redressement judiciaire', 'Liquidation judiciaire', 'Sauvegarde')),
      held as (
        select penalties.*, procedures.procedure_date, procedures.procedure_date is null or invoices.issue_date <= procedures.procedure_date as is_before
        from penalties join procedures using (client_id) join invoices using (invoice_id)
      )
      select (select count(*) from invoices join procedures using (client_id) where open_amount > 0 and kind = 'invoice')::integer as open_invoices,
             (select count(*) from invoices join procedures using (client_id) where expected_payment_date is not null)::integer as with_expected_date,
             (select count(*) from held where is_before and due_date + days_late > procedure_date)::integer as interest_after_judgment,
             (select count(*) from held where is_before and is_still_open and not is_to_declare)::integer as claimable,
             (select count(*) from held where is_before and is_to_declare)::integer as to_declare,
             (select count(*) from held where not is_before and due_date + days_late > procedure_date)::integer as later_interest_after_judgment,
             (select count(*) from held where not is_before and is_still_open and not is_to_declare)::integer as later_claimable,
             (select count(*) from held where not is_before and is_to_declare)::integer as later_to_declare`);
    expect(row!.open_invoices).toBeGreaterThan(100);
    expect(row).toMatchObject({ with_expected_date: 0, interest_after_judgment: 0, claimable: 0, later_to_declare: 0 });
    expect(row!.to_declare).toBeGreaterThan(0);
    // The sample has such invoices (C00512's, issued after its judgment of 11 June 2026, for one).
    expect(row!.later_interest_after_judgment).toBeGreaterThan(0);
    expect(row!.later_claimable).toBeGreaterThan(0);
  });

  it('gives every client with open items a statement whose total is its open amount in invoices', async () => {
    // From the ledger: a client with an open invoice or credit note (1,020 on the sample, 543 of
    // them in the worklist) or a payment not allocated.
    const differences = await q(`
      with open_items as (
        select client_id, sum(open_amount) as open from invoices group by all having count(*) filter (where open_amount <> 0) > 0
        union all by name
        select client_id, 0 as open from payments where unapplied_amount > 0 and client_id not in (select client_id from invoices where open_amount <> 0)
      )
      select o.client_id from open_items o
      left join statements s using (client_id)
      where s.total_open_amount is distinct from o.open`);
    expect(differences).toEqual([]);
    const [counts] = await q<{ statements: number; with_open_invoices: number }>(`select (select count(*) from statements)::integer as statements,
                                     (select count(distinct client_id) from invoices where open_amount <> 0)::integer as with_open_invoices`);
    expect(counts!.statements).toBeGreaterThanOrEqual(counts!.with_open_invoices);
    expect(counts!.with_open_invoices).toBeGreaterThan(1000);
  });
});

describe('the letters on the sample', () => {
  it('never give 0 € of interest for days the ECB table has no rate for (it stops in the first half of 2026)', async () => {
    const zeroes = await q(`
      select l.invoice_id from letter_lines l join penalties p using (invoice_id)
      where p.days_without_rate > 0 and l.interest_amount is not null`);
    expect(zeroes).toEqual([]);
    const [unknown] = await q(`select count(*)::integer as n from letters where letter = 'formal_notice' and interest_amount is null and interest_unknown_from_date >= date '2026-07-01'`);
    expect(unknown!.n).toBeGreaterThan(0);
  });

  it('claim the interest of the days the ECB table does price', async () => {
    // C00074's F2026-003940, 819.05 € due 15 March 2026, late 16 March – 30 June (16 + 30 + 31 + 30
    // = 107 days) at the H1 2026 rate 2.15 + 10 points: 819.05 × 12.15 × 107 / 36500 = 29.172… →
    // 29.17 €; from 1 July the table has no rate.
    const [line] = await q(`select interest_amount, interest_known_amount, interest_unknown_from_date from letter_lines where invoice_id = 'F2026-003940'`);
    expect(line).toEqual({ interest_amount: null, interest_known_amount: 29.17, interest_unknown_from_date: '2026-07-01' });
    // Its five other invoices, unpaid since due, the same way: 386.46 € late 7 Apr – 30 Jun (85 d)
    // → 10.93; 1,042.16 € 17 Apr (75 d) → 26.02; 102.86 € 20 Apr (72 d) → 2.47; 434.83 € 24 Apr
    // (68 d) → 9.84; 225.60 € 17 May (45 d) → 3.38. Interest calculable 29.17 + 10.93 + 26.02 +
    // 2.47 + 9.84 + 3.38 = 81.81; claimed 3,010.96 + 81.81 + 6 × 40 = 3,332.77 (not 3,250.96).
    const [letter] = await q(`select open_amount, interest_amount, interest_known_amount, indemnity_amount, claimed_amount from letters where client_id = 'C00074'`);
    expect(letter).toEqual({ open_amount: 3010.96, interest_amount: null, interest_known_amount: 81.81, indemnity_amount: 240, claimed_amount: 3332.77 });
  });

  it('cite the Code de commerce only to clients in France, and are addressed when the clients file has the address', async () => {
    const wrongLaw = await q(`
      select c.client_id, c.country from letters l join clients c using (client_id)
      where (coalesce(c.country, 'FR') = 'FR') <> (l.legal_basis = 'fr_commercial_code')`);
    expect(wrongLaw).toEqual([]);
    const [german] = await q(`select count(*)::integer as n from letters l join clients c using (client_id) where c.country = 'DE' and l.letter_language = 'en' and l.legal_basis = 'eu_directive'`);
    expect(german!.n).toBeGreaterThan(0);
    const wrongReady = await q(`
      select client_id from letters l join clients c using (client_id)
      where l.is_ready <> (c.address_line_1 is not null and c.city is not null)`);
    expect(wrongReady).toEqual([]);
  });
});

describe('disputes on the sample', () => {
  it('are one notion: no open dispute worth 0 €, and the pause, the worklist and the clients count the same invoices', async () => {
    // The sample's log keeps some disputes open after their invoices were paid (34 at 2026-10-31).
    const [zero] = await q(`select count(*)::integer as n from disputes where status = 'open' and disputed_amount = 0`);
    expect(zero!.n).toBe(0);
    const [settled] = await q(`select (select count(*) from disputes where status = 'settled')::integer as settled,
                                      (select count(*) from quality where reason_code = 'dispute_settled')::integer as quality`);
    expect(settled!.settled).toBeGreaterThan(0);
    expect(settled!.quality).toBe(settled!.settled);
    // Recomputed from the ledger and the log, not from disputed_invoices: open invoices flagged
    // in the export, or named by a dispute whose latest status line is not 'closed'.
    const [counts] = await q(`
      with log_open as (
        select unnest(string_split(invoice_ids, ',')) as invoice_id, client_id from disputes where status <> 'closed'
      ),
      in_dispute as (
        select i.client_id, i.invoice_id from invoices i
        where i.kind = 'invoice' and i.open_amount > 0
          and (i.is_disputed or exists (select 1 from log_open l where l.invoice_id = i.invoice_id and l.client_id = i.client_id))
      )
      select (select count(*) from in_dispute)::integer as ledger,
             (select sum(disputed_open_invoice_count) from clients)::integer as clients,
             (select count(*) from dunning d join in_dispute using (client_id, invoice_id) where d.stage not in ('paused_dispute', 'declare_claim', 'claim_foreclosed'))::integer as chased_in_dispute,
             (select count(*) from dunning d where d.stage = 'paused_dispute' and not exists (select 1 from in_dispute x where x.invoice_id = d.invoice_id and x.client_id = d.client_id))::integer as paused_not_in_dispute,
             (select count(*) from worklist w join clients c using (client_id) where w.disputed_invoice_count <> c.disputed_open_invoice_count)::integer as worklist_differing`);
    expect(counts).toMatchObject({ chased_in_dispute: 0, paused_not_in_dispute: 0, worklist_differing: 0 });
    expect(counts!.clients).toBe(counts!.ledger);
  });
});
