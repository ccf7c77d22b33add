// The sample's collections log: what a credit team would have recorded on the sample company —
// calls, e-mails and letters on overdue accounts, promises to pay (kept: paid by their date;
// broken: nothing came; pending: date still ahead), disputes with reasons (open, and closed on
// invoices since paid), "ne pas relancer" pauses and a contacts file. Written from the ledger already drawn,
// with its own random source, so the invoices and payments stay byte for byte the same.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomLcg } from 'd3-random';

import { addDays } from './due-dates.ts';
import { csvFile } from './export-format.ts';

interface LogClient { id: string; name: string; salesRep: string; defaultDate?: Date; writeoffDate?: Date }
interface LogDocument { client: LogClient; kind: string; issue: Date; due: Date; amount: number; id?: string; original?: LogDocument }
interface LogPayment { client: LogClient; date: Date; amount: number; invoice?: LogDocument }

type Cell = string | number | Date | null;

/** What the e-invoicing statuses must agree with: the log's open disputes, and the clients it names. */
export interface LogWritten {
  openDisputes: { invoiceId: string; reason: string; opened: Date }[];
  loggedClientIds: Set<string>;
}
const header = [
  'action_date', 'client_id', 'kind', 'invoice_ids', 'promise_date', 'promise_amount', 'dispute_id', 'dispute_reason', 'dispute_owner',
  'dispute_status', 'dispute_opened_date', 'dispute_closed_date', 'until_date', 'author', 'note',
];

export function writeCollectionsLog(
  outDir: string,
  clients: LogClient[],
  { invoices, payments }: { invoices: LogDocument[]; payments: LogPayment[] },
  asOf: Date,
  seed = 18,
): LogWritten {
  const source = randomLcg(seed);
  const between = (low: number, high: number) => low + Math.floor(source() * (high - low + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(source() * list.length)]!;
  const shuffled = <T>(list: T[]): T[] => list.map((v) => [source(), v] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  const cents = (x: number) => Math.round(x * 100) / 100;

  const paid = new Map<LogDocument, { amount: number; last: Date }>();
  for (const p of payments) {
    if (!p.invoice || p.date > asOf) continue;
    const seen = paid.get(p.invoice) ?? { amount: 0, last: p.date };
    paid.set(p.invoice, { amount: seen.amount + p.amount, last: p.date > seen.last ? p.date : seen.last });
  }
  for (const d of invoices) {
    if (d.kind !== 'Avoir' || !d.original || d.issue > asOf) continue;
    const seen = paid.get(d.original) ?? { amount: 0, last: d.issue };
    paid.set(d.original, { amount: seen.amount + d.amount, last: seen.last });
  }
  const chased = (c: LogClient) => !c.writeoffDate && !(c.defaultDate && c.defaultDate <= asOf);
  const bills = invoices.filter((d) => d.kind === 'Facture' && d.issue <= asOf && chased(d.client));
  // Open as far as the generator can tell: unpaid by payments naming it and not credited, and
  // recent (an old unpaid invoice is usually settled by a payment that names no invoice).
  const open = shuffled(bills.filter((d) => d.amount - (paid.get(d)?.amount ?? 0) > 0.01 && d.due < addDays(asOf, -20) && d.issue > addDays(asOf, -120)));
  const latePaid = shuffled(bills.filter((d) => {
    const p = paid.get(d);
    return p && p.amount >= d.amount - 0.01 && p.last > addDays(asOf, -180) && p.last > addDays(d.due, 15);
  }));
  const openOf = (d: LogDocument) => cents(d.amount - (paid.get(d)?.amount ?? 0));

  const rows: Cell[][] = [];
  const line = (date: Date, c: LogClient, kind: string, fields: Partial<Record<(typeof header)[number], Cell>> = {}) =>
    rows.push(header.map((h) => (h === 'action_date' ? date : h === 'client_id' ? c.id : h === 'kind' ? kind : (fields[h as keyof typeof fields] ?? null))));
  const author = (c: LogClient) => (source() < 0.6 ? 'Service recouvrement' : c.salesRep);
  const promised = new Set<string>();
  const take = (list: LogDocument[], n: number) => {
    const chosen: LogDocument[] = [];
    for (const d of list) {
      if (chosen.length === n) break;
      if (promised.has(d.client.id)) continue;
      promised.add(d.client.id);
      chosen.push(d);
    }
    return chosen;
  };

  // Kept: promised a few days before the payment came, for a date on or after it.
  for (const d of take(latePaid, 80)) {
    const came = paid.get(d)!.last;
    line(addDays(came, -between(3, 10)), d.client, 'promesse', { invoice_ids: d.id!, promise_date: addDays(came, between(0, 3)), promise_amount: d.amount, author: author(d.client), note: pick(['virement annoncé', 'paiement validé par le DAF', 'chèque en cours']) });
  }
  // Broken: promised two to four weeks ago for a date now passed; nothing came.
  for (const d of take(open, 30)) {
    const made = addDays(asOf, -between(12, 25));
    line(made, d.client, 'promesse', { invoice_ids: d.id!, promise_date: addDays(made, between(3, 10)), promise_amount: openOf(d), author: author(d.client), note: 'promet un virement' });
  }
  // Pending: promised this week for a date ahead.
  for (const d of take(open.slice(60), 30)) {
    line(addDays(asOf, -between(0, 6)), d.client, 'promesse', { invoice_ids: d.id!, promise_date: addDays(asOf, between(2, 15)), promise_amount: openOf(d), author: author(d.client) });
  }

  const reasons = ['prix', 'qualité', 'livraison', 'quantité', 'facturation', 'doublon'];
  const owners = ['Service client', 'Logistique', 'ADV', 'Commercial'];
  let disputeNo = 0;
  const openDisputes: LogWritten['openDisputes'] = [];
  // Open disputes on overdue invoices, some with a follow-up line.
  for (const d of open.slice(120, 165)) {
    const id = `LIT-${String(++disputeNo).padStart(4, '0')}`;
    const opened = addDays(asOf, -between(3, 150));
    const owner = pick(owners) === 'Commercial' ? d.client.salesRep : pick(owners);
    const reason = pick(reasons);
    openDisputes.push({ invoiceId: d.id!, reason, opened });
    line(opened, d.client, 'litige', { invoice_ids: d.id!, dispute_id: id, dispute_reason: reason, dispute_owner: owner, dispute_status: 'ouvert', author: author(d.client), note: 'contestation reçue' });
    if (source() < 0.4 && addDays(opened, 10) <= asOf) line(addDays(opened, between(5, 10)), d.client, 'litige', { dispute_id: id, dispute_status: 'en cours', author: owner, note: 'avoir à l’étude' });
  }
  // Closed disputes: invoices paid since, the dispute closed the day the money came.
  for (const d of latePaid.slice(200, 235)) {
    const came = paid.get(d)!.last;
    const id = `LIT-${String(++disputeNo).padStart(4, '0')}`;
    line(addDays(came, -between(20, 60)), d.client, 'litige', { invoice_ids: d.id!, dispute_id: id, dispute_reason: pick(reasons), dispute_owner: pick(owners), dispute_status: 'ouvert', author: author(d.client) });
    line(came, d.client, 'litige', { dispute_id: id, dispute_status: 'clos', dispute_closed_date: came, author: author(d.client), note: 'réglé' });
  }
  // Paused accounts: "ne pas relancer" until a date ahead (a reorganisation, a pending order).
  for (const d of open.slice(200, 212)) {
    line(addDays(asOf, -between(1, 10)), d.client, 'ne pas relancer', { until_date: addDays(asOf, between(3, 20)), author: d.client.salesRep, note: 'négociation commerciale en cours' });
  }
  // Calls, e-mails and letters on overdue accounts over the last 45 days.
  const overdueClients = [...new Map(open.map((d) => [d.client.id, d.client])).values()];
  for (const c of overdueClients.slice(0, 320)) {
    for (let n = between(1, 4); n > 0; n--) {
      const kind = pick(['appel', 'appel', 'courriel', 'courrier', 'note']);
      const note = { appel: pick(['messagerie', 'pas de réponse', 'rappeler la semaine prochaine', 'la comptable est absente']), courriel: 'relevé envoyé', courrier: 'relance envoyée', note: 'client en difficulté passagère' }[kind]!;
      line(addDays(asOf, -between(0, 45)), c, kind, { author: author(c), note });
    }
  }
  rows.sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime());
  writeFileSync(join(outDir, 'actions.csv'), csvFile(header, rows));

  const firstNames = ['Marie', 'Jean', 'Nathalie', 'Philippe', 'Isabelle', 'Laurent', 'Sandrine', 'Éric', 'Céline', 'Olivier', 'Aurélie', 'Franck'];
  const lastNames = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent'];
  const roles = ['Comptabilité fournisseurs', 'DAF', 'Gérant', 'Acheteur', 'Assistante de direction'];
  const domain = (c: LogClient) => `${c.name.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}.example`;
  const contacts: Cell[][] = [];
  for (const c of clients) {
    for (let k = source() < 0.85 ? (source() < 0.3 ? 2 : 1) : 0; k > 0; k--) {
      const first = pick(firstNames);
      const last = pick(lastNames);
      const email = `${first.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}.${last.toLowerCase()}@${domain(c)}`;
      const phone = `0${between(1, 5)} ${Array.from({ length: 4 }, () => String(between(0, 99)).padStart(2, '0')).join(' ')}`;
      contacts.push([c.id, `${first} ${last}`, pick(roles), email, phone]);
    }
  }
  writeFileSync(join(outDir, 'contacts.csv'), csvFile(['client_id', 'name', 'role', 'email', 'phone'], contacts));
  return { openDisputes, loggedClientIds: new Set(rows.map((row) => String(row[1]))) };
}
