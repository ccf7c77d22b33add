// The sample's e-invoicing status export: what the company's accredited platform (plateforme
// agréée) gives back on the invoices issued through it since the reform started, 1 September 2026
// — French clients only (a foreign client is e-reported, not e-invoiced). A JSON export with the
// platform's own French field names, mapped in the sample's encours.config.json. Agrees with the
// ledger and the collections log: every invoice is 200 Déposée on its issue date, most are then
// 202 Reçue, 204 Prise en charge and some 205 Approuvée; one paid in full is 212 Encaissée on the
// day the money came (not always: a payment without one is nothing); an open dispute of the log
// is 207 En litige on its opening day with its reason; two open invoices are 210 Refusée by the
// client (disputes only the platform records), one is 213 Rejetée by the platform (never validly
// issued), and two open ones are 212 Encaissée although the ledger has no payment yet (the ledger
// is late). Written with its own random source, so every other file stays byte for byte the same.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomLcg } from 'd3-random';

import { addDays } from './due-dates.ts';
import type { LogWritten } from './collections-log.ts';

interface StatusClient { id: string; country: string }
interface StatusDocument { client: StatusClient; kind: string; issue: Date; due: Date; amount: number; id?: string; original?: StatusDocument }
interface StatusPayment { client: StatusClient; date: Date; amount: number; invoice?: StatusDocument }
interface StatusWriteoff { invoice: StatusDocument }

const REFORM_START = new Date(Date.UTC(2026, 8, 1));
export const STATUS_FILE = 'statuts-cycle-de-vie.json';
/** The platform's field names, mapped in the sample's config (einvoice.columns). */
export const statusFields = {
  invoice_id: 'numeroFacture', status_code: 'codeStatut', status_label: 'libelleStatut', status_date: 'dateStatut', reason_code: 'codeMotif', reason: 'motif',
} as const;
const labels: Record<string, string> = {
  '200': 'Déposée', '202': 'Reçue', '204': 'Prise en charge', '205': 'Approuvée', '207': 'En litige', '210': 'Refusée', '212': 'Encaissée', '213': 'Rejetée',
};
/** The log's reason words as a platform's reason code and text (OTHER needs its text). */
const reasonOf: Record<string, [string, string]> = {
  prix: ['OTHER', 'Prix contesté'], qualité: ['OTHER', 'Qualité contestée'], quantité: ['OTHER', 'Quantité contestée'],
  livraison: ['LIVR_INCOMP', 'Livraison incomplète'], facturation: ['TX_TVA_ERR', 'Taux de TVA erroné'], doublon: ['DOUBLE_FACT', 'Facture en doublon'],
};

export function writeStatusExport(
  outDirs: string[],
  { invoices, payments, writeoffs }: { invoices: StatusDocument[]; payments: StatusPayment[]; writeoffs: StatusWriteoff[] },
  log: LogWritten,
  asOf: Date,
  seed = 30,
): number {
  const source = randomLcg(seed);
  const between = (low: number, high: number) => low + Math.floor(source() * (high - low + 1));
  const paid = new Map<StatusDocument, { amount: number; last: Date }>();
  for (const p of payments) {
    if (!p.invoice || p.date > asOf) continue;
    const seen = paid.get(p.invoice) ?? { amount: 0, last: p.date };
    paid.set(p.invoice, { amount: seen.amount + p.amount, last: p.date > seen.last ? p.date : seen.last });
  }
  const credited = new Set([...invoices.filter((d) => d.kind === 'Avoir' && d.original).map((d) => d.original!), ...writeoffs.map((w) => w.invoice)]);
  // A client paying without naming invoices has its payments matched oldest due first: an invoice
  // of such a client may be settled in the ledger although no payment names it.
  const unnamedPayers = new Set(payments.filter((p) => !p.invoice).map((p) => p.client.id));
  const eInvoiced = invoices.filter((d) => d.kind === 'Facture' && d.client.country === 'FR' && d.issue >= REFORM_START && d.issue <= asOf);
  const untouched = (d: StatusDocument) => !paid.has(d) && !credited.has(d) && !unnamedPayers.has(d.client.id) && !log.loggedClientIds.has(d.client.id);
  const disputed = new Map(log.openDisputes.map((dispute) => [dispute.invoiceId, dispute]));
  // The special cases, from invoices nothing else touches: refused and rejected ones are still
  // owed in full; the two cashed ones are not due yet, so their client has no reason to be chased.
  const spare = eInvoiced.filter((d) => untouched(d) && !disputed.has(d.id!));
  const refused = spare.filter((d) => d.issue < addDays(asOf, -20)).slice(0, 2);
  const rejected = spare.filter((d) => d.issue > addDays(asOf, -20) && !refused.includes(d)).slice(0, 1);
  const cashedEarly = spare.filter((d) => d.due > asOf && d.issue < addDays(asOf, -5) && !rejected.includes(d) && !refused.includes(d)).slice(-2);

  const records: Record<string, string | null>[] = [];
  const status = (d: StatusDocument, code: string, date: Date, reason: [string, string] | null = null) => {
    if (date > asOf) return;
    records.push({
      [statusFields.invoice_id]: d.id!,
      [statusFields.status_code]: code,
      [statusFields.status_label]: labels[code]!,
      // The platform stamps each status with its time, in Paris time.
      [statusFields.status_date]: `${date.toISOString().slice(0, 10)}T${String(between(7, 19)).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}:00+0${date.getUTCMonth() >= 9 && date.getUTCDate() >= 26 ? 1 : 2}:00`,
      [statusFields.reason_code]: reason?.[0] ?? null,
      [statusFields.reason]: reason?.[1] ?? null,
    });
  };
  for (const d of eInvoiced) {
    if (rejected.includes(d)) {
      status(d, '213', d.issue, ['CALCUL_ERR', 'Erreur de calcul de la facture']);
      continue;
    }
    status(d, '200', d.issue);
    const received = addDays(d.issue, between(0, 1));
    if (source() < 0.9) status(d, '202', received);
    const dispute = disputed.get(d.id!);
    if (dispute) {
      // A dispute the log opened before the invoice reached the client is raised on the platform once it did.
      status(d, '207', dispute.opened > received ? dispute.opened : addDays(received, 1), reasonOf[dispute.reason] ?? ['OTHER', dispute.reason]);
    } else if (refused.includes(d)) {
      status(d, '210', addDays(received, between(3, 8)), refused.indexOf(d) === 0 ? ['TX_TVA_ERR', 'Taux de TVA erroné'] : ['LIVR_INCOMP', 'Livraison incomplète']);
    } else if (source() < 0.7) {
      status(d, '204', addDays(received, between(1, 5)));
      if (source() < 0.5) status(d, '205', addDays(received, between(6, 15)));
    }
    const settled = paid.get(d);
    if (settled && settled.amount >= d.amount - 0.01 && source() < 0.85) status(d, '212', addDays(settled.last, between(0, 2)));
    if (cashedEarly.includes(d)) status(d, '212', addDays(asOf, -between(0, 3)));
  }
  records.sort((a, b) => a[statusFields.status_date]!.localeCompare(b[statusFields.status_date]!) || a[statusFields.invoice_id]!.localeCompare(b[statusFields.invoice_id]!));
  const json = `${JSON.stringify({ plateforme: 'PA Exemple', dateExport: asOf.toISOString().slice(0, 10), statuts: records }, null, 2)}\n`;
  for (const dir of outDirs) writeFileSync(join(dir, STATUS_FILE), json);
  return records.length;
}
