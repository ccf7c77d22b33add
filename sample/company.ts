#!/usr/bin/env node
// npm run sample [-- --seed N --clients N --out DIR]
// The bundled sample: a fictional French B2B company over 36 months (Nov 2023 – Oct 2026, as-of
// 2026-10-31), written as an ERP-style open-items export (French headers, ';', dd/mm/yyyy,
// decimal comma) with its encours.config.json. Deterministic: the same seed gives the same bytes.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomLcg, randomLogNormal, randomNormal, randomPareto, randomPoisson, randomUniform } from 'd3-random';
import { argv } from 'zx';

import { behaviourShares, deteriorationDefaultShare, makeLateness, suddenDefaultChance, type Behaviour, type PaymentHabit } from './behaviours.ts';
import { addDays, dueDate, sampleTerms, type SampleTerms } from './due-dates.ts';
import { addressDrawer } from './addresses.ts';
import { companyName } from './names.ts';
import { writeCollectionsLog } from './collections-log.ts';
import { writeStatusExport } from './einvoice-statuses.ts';
import { csvFile, sampleConfig, sampleFecConfig } from './export-format.ts';
import { fecFiles, type FecLetterGroup } from './fec-format.ts';

const seed = Number(argv.seed ?? 20261031);
const clientCount = Number(argv.clients ?? 1500);
const outDir = String(argv.out ?? 'data/sample');
// The same company as a FEC (journal files + the clients file), to compare the two input paths.
const fecOutDir = String(argv['fec-out'] ?? `${outDir}-fec`);
const MONTHS = 36;
const FIRST = new Date(Date.UTC(2023, 10, 1));
export const AS_OF = new Date(Date.UTC(2026, 9, 31));

const started = performance.now();
const source = randomLcg(seed);
const uniform = randomUniform.source(source);
const normal = randomNormal.source(source);
const chance = (p: number) => source() < p;
const pick = <T>(list: readonly T[]): T => list[Math.floor(source() * list.length)]!;
const lateness = makeLateness(source);

interface Client extends PaymentHabit {
  id: string;
  name: string;
  segment: string;
  sector: string;
  country: string;
  salesRep: string;
  terms: SampleTerms;
  invoicesPerMonth: number;
  amountLogMean: number;
  firstMonth: number;
  lastMonth: number;
  writeoffDate?: Date;
  /** A failed client under a collective procedure (redressement, then liquidation once written off). */
  inProcedure?: boolean;
  /** The judgment that opened its procedure: some weeks after it stopped paying (the cessation des paiements). */
  procedureDate?: Date;
}

const sectors = ['BTP', 'Distribution', 'Industrie', 'Transport', 'Santé', 'Services', 'Hôtellerie-restauration', 'Agriculture'];
const countries = ['FR', 'FR', 'FR', 'FR', 'FR', 'FR', 'FR', 'FR', 'BE', 'CH', 'DE', 'ES', 'IT', 'LU'];
const reps = ['Camille Roussel', 'Julien Marchand', 'Sophie Lemoine', 'Karim Benali', 'Élodie Faure', 'Thomas Girard', 'Nadia Haddad', 'Pierre Lucas'];
const terms = Object.keys(sampleTerms) as SampleTerms[];
const termsWeights = [0.27, 0.09, 0.07, 0.26, 0.06, 0.1, 0.08, 0.06, 0.01];

function drawBehaviour(): Behaviour {
  let r = source();
  for (const [behaviour, share] of behaviourShares) if ((r -= share) < 0) return behaviour;
  return 'prompt';
}

function weighted<T>(values: readonly T[], weights: number[]): T {
  let r = source();
  for (const [i, w] of weights.entries()) if ((r -= w) < 0) return values[i]!;
  return values.at(-1)!;
}

function makeClient(index: number): Client {
  const behaviour = drawBehaviour();
  const invoicesPerMonth = Math.min(30, 0.85 * randomPareto.source(source)(1.6)());
  const segment = invoicesPerMonth > 4 ? 'Grands comptes' : invoicesPerMonth > 1.6 ? 'PME' : 'TPE';
  const client: Client = {
    id: `C${String(index + 1).padStart(5, '0')}`,
    name: companyName(index, pick),
    segment,
    sector: pick(sectors),
    country: pick(countries),
    salesRep: pick(reps),
    terms: weighted(terms, termsWeights),
    behaviour,
    invoicesPerMonth,
    amountLogMean: { 'Grands comptes': 8.3, PME: 7.2, TPE: 6.2 }[segment]! + normal(0, 0.4)(),
    firstMonth: behaviour === 'new' ? Math.floor(uniform(24, 30)()) : chance(0.85) ? 0 : Math.floor(uniform(1, 20)()),
    lastMonth: chance(0.08) ? Math.floor(uniform(12, 34)()) : MONTHS - 1, // some clients stop buying
  };
  if (behaviour === 'deteriorating') {
    client.deteriorationStart = Math.floor(uniform(2, 24)());
    client.deteriorationSlope = uniform(4, 9)();
    client.deteriorationCap = uniform(20, 40)();
    // Fails 3–9 months into its decline.
    if (chance(deteriorationDefaultShare)) setDefault(client, client.deteriorationStart + Math.floor(uniform(3, 10)()));
  } else if (chance(suddenDefaultChance[behaviour])) {
    // Fails in any month of the history (so losses come at a steady pace), after a few months of
    // paying later and later.
    const month = Math.floor(uniform(Math.max(1, client.firstMonth + 3), MONTHS - 1)());
    if (month < MONTHS - 1) {
      client.warningDays = uniform(30, 70)();
      setDefault(client, month);
    }
  }
  return client;
}

/**
 * A failing client stops paying on the 10th of `month`, is billed two months more, and is written
 * off 8–18 months later when that falls before the as-of date; most enter a collective procedure.
 */
function setDefault(client: Client, month: number): void {
  client.defaultDate = monthStart(month, 10);
  client.lastMonth = Math.min(client.lastMonth, month + 2);
  const writeoff = addDays(client.defaultDate, Math.floor(uniform(240, 540)()));
  if (writeoff <= AS_OF) client.writeoffDate = writeoff;
  client.inProcedure = chance(0.75);
  // The court opens the procedure within weeks of the cessation des paiements (the debtor must file
  // within 45 days, L631-4); a judgment not yet given by the as-of date leaves the client 'Actif'.
  const judgment = addDays(client.defaultDate, Math.floor(uniform(15, 50)()));
  if (client.inProcedure && judgment <= AS_OF) client.procedureDate = judgment;
  else client.inProcedure = false;
}

function monthStart(month: number, day = 1): Date {
  return new Date(Date.UTC(FIRST.getUTCFullYear(), FIRST.getUTCMonth() + month, day));
}

const clients = Array.from({ length: clientCount }, (_, i) => makeClient(i));
const ledger = generateLedger(clients);
writeExport(clients, ledger);
const statusCount = writeStatusExport([outDir, fecOutDir], ledger, writeCollectionsLog(outDir, clients, ledger, AS_OF), AS_OF);
console.log(
  `sample written to ${outDir}: ${clients.length} clients, ${ledger.invoices.length} invoices and credit notes, ` +
    `${ledger.payments.length} payments, ${ledger.writeoffs.length} write-offs, ${statusCount} e-invoicing statuses in ${Math.round(performance.now() - started)} ms; ` +
    `the same company as a FEC in ${fecOutDir}`,
);

// amount is in euros (the company's books); currencyAmount in the document's currency.
interface Document { client: Client; kind: 'Facture' | 'Avoir'; issue: Date; due: Date; amount: number; disputed: boolean; original?: Document; id?: string; currency?: string; currencyAmount?: number }

// Euros per Swiss franc on a document's date: a rate that drifts month by month around 1.06, as
// the franc did, so a CHF invoice's two amounts differ and no two months share a rate. A fixed
// formula, not a draw: the sample's random stream (and so every other figure) is unchanged.
function eurPerChf(date: Date): number {
  const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
  return 1.06 + 0.025 * Math.sin(month / 4);
}
function cents(x: number): number {
  return Math.round(x * 100) / 100;
}
interface Payment { client: Client; date: Date; amount: number; invoice?: Document }
interface Writeoff { client: Client; invoice: Document; date: Date; amount: number }

function generateLedger(all: Client[]) {
  const invoices: Document[] = [];
  const payments: Payment[] = [];
  const writeoffs: Writeoff[] = [];
  let overpayments = 0;
  for (const client of all) {
    const amountOf = randomLogNormal.source(source)(client.amountLogMean, 0.7);
    for (let month = client.firstMonth; month <= client.lastMonth; month++) {
      const seasonFactor = client.behaviour === 'seasonal' ? ([4, 5, 6, 7].includes((month + 10) % 12) ? 1.7 : 0.7) : 1;
      const count = randomPoisson.source(source)(client.invoicesPerMonth * seasonFactor)();
      for (let k = 0; k < count; k++) {
        const issue = monthStart(month, 1 + Math.floor(source() * 28));
        if (issue > AS_OF) continue;
        const invoice: Document = { client, kind: 'Facture', issue, due: dueDate(issue, client.terms), amount: cents(Math.max(20, amountOf())), disputed: chance(0.02) };
        invoices.push(invoice);
        let owed = invoice.amount;
        // Credit notes: a disputed invoice is often cancelled; some others are partly credited.
        const credit = invoice.disputed && chance(0.5) ? owed : chance(0.03) ? cents(owed * uniform(0.1, 0.5)()) : 0;
        const creditDate = addDays(issue, Math.floor(uniform(5, 40)()));
        if (credit > 0 && creditDate <= AS_OF) {
          invoices.push({ client, kind: 'Avoir', issue: creditDate, due: creditDate, amount: credit, disputed: false, original: chance(0.9) ? invoice : undefined });
          owed = cents(owed - credit);
        }
        if (owed <= 0) continue;
        // A dispute settled in the client's favour is credited above; the others are paid once settled.
        const late = lateness(client, invoice.due, month) + (invoice.disputed ? uniform(10, 50)() : 0);
        let paidOn = addDays(invoice.due, Math.round(late));
        if (paidOn < issue) paidOn = issue;
        const instalments = chance(0.05) ? [cents(owed * uniform(0.4, 0.7)()), 0] : [owed];
        if (instalments.length === 2) instalments[1] = cents(owed - instalments[0]!);
        for (const [i, part] of instalments.entries()) {
          const date = addDays(paidOn, i * Math.floor(uniform(15, 45)()));
          const stopped = client.defaultDate && date >= client.defaultDate;
          if (stopped || date > AS_OF) break;
          const extra = overpayments < 5 && chance(0.001) ? (overpayments++, cents(uniform(0.5, 50)())) : 0;
          payments.push({ client, date, amount: cents(part + extra), invoice: chance(0.08) ? undefined : invoice });
          owed = cents(owed - part);
        }
        if (owed > 0 && client.writeoffDate && issue <= client.writeoffDate) {
          writeoffs.push({ client, invoice, date: client.writeoffDate, amount: owed });
        }
      }
    }
    // Payments on account, never matched to an invoice: a few prompt payers' advances.
    if (client.behaviour === 'prompt' && chance(0.01)) {
      payments.push({ client, date: addDays(AS_OF, -Math.floor(uniform(1, 40)())), amount: cents(uniform(100, 3000)()) });
    }
  }
  return { invoices, payments, writeoffs };
}

function writeExport(all: Client[], { invoices, payments, writeoffs }: ReturnType<typeof generateLedger>): void {
  mkdirSync(outDir, { recursive: true });
  // Numbered in date order per year, as an ERP numbers its documents.
  invoices.sort((a, b) => a.issue.getTime() - b.issue.getTime() || a.client.id.localeCompare(b.client.id));
  const sequences = new Map<string, number>();
  for (const doc of invoices) {
    const key = `${doc.kind}${doc.issue.getUTCFullYear()}`;
    const n = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, n);
    doc.id = `${doc.kind === 'Facture' ? 'F' : 'AV'}${doc.issue.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
  }
  payments.sort((a, b) => a.date.getTime() - b.date.getTime() || a.client.id.localeCompare(b.client.id));
  writeoffs.sort((a, b) => a.date.getTime() - b.date.getTime() || a.invoice.id!.localeCompare(b.invoice.id!));

  const monthlySales = new Map<string, number>();
  for (const doc of invoices) if (doc.kind === 'Facture') monthlySales.set(doc.client.id, (monthlySales.get(doc.client.id) ?? 0) + doc.amount / MONTHS);
  // External ratings as a credit insurer's grades read them: failed clients D or E, slow payers C
  // or D, the others mostly A or B.
  const ratingOf = (c: Client) =>
    c.defaultDate ? pick(['D', 'E', 'E'])
    : c.behaviour === 'chronic' || c.behaviour === 'deteriorating' ? pick(['B', 'C', 'C', 'D'])
    : c.behaviour === 'prompt' ? pick(['A', 'A', 'B', 'B', 'C'])
    : pick(['A', 'B', 'B', 'C']);

  // The postal address last, from its own stream: the columns before it are what they were.
  const addressOf = addressDrawer(seed + 1);
  writeFileSync(join(outDir, 'clients.csv'), csvFile(
    ['Code client', 'Raison sociale', 'Segment', 'Secteur', 'Pays', 'Commercial', 'Conditions de paiement', 'Limite de crédit', 'Limite assurée', 'Garanties', 'Note externe', 'Statut juridique', 'Date de jugement',
     'Adresse', 'Complément d\'adresse', 'Code postal', 'Ville'],
    all.map((c) => {
      const limit = chance(0.9) ? Math.max(1000, Math.round((monthlySales.get(c.id) ?? 0) * 2.5 / 1000) * 1000) : null;
      const insured = limit && chance(0.35) ? Math.round((limit * uniform(0.5, 1)()) / 500) * 500 : null;
      const status = !c.inProcedure ? 'Actif' : c.writeoffDate ? 'Liquidation judiciaire' : 'Redressement judiciaire';
      const row = [c.id, c.name, c.segment, c.sector, c.country, c.salesRep, c.terms, limit, insured, chance(0.03) ? Math.round(uniform(5, 20)()) * 1000 : null, chance(0.6) ? ratingOf(c) : null, status, c.procedureDate ?? null];
      const address = addressOf(c.country);
      return [...row, address.line1, address.line2, address.postcode, address.city];
    }),
  ));
  for (const d of invoices) {
    d.currency = d.client.country === 'CH' && chance(0.5) ? 'CHF' : 'EUR';
    d.currencyAmount = d.currency === 'CHF' ? cents(d.amount / eurPerChf(d.issue)) : d.amount;
  }
  writeFileSync(join(outDir, 'invoices.csv'), csvFile(
    // 'Montant TTC' and 'Montant HT' in the document's currency ('Devise'), 'Montant TTC (EUR)' its
    // counter-value in the company's books (the figure every euro total of the sample is made of).
    ['N° pièce', 'Code client', 'Type', 'Date pièce', 'Date échéance', 'Montant TTC', 'Montant HT', 'Devise', 'Montant TTC (EUR)', 'Litige', "Facture d'origine"],
    invoices.map((d) => [d.id!, d.client.id, d.kind, d.issue, d.due, d.currencyAmount!, cents(d.currencyAmount! / 1.2), d.currency!, d.amount, d.disputed ? 'O' : 'N', d.original?.id ?? null]),
  ));
  writeFileSync(join(outDir, 'payments.csv'), csvFile(
    ['N° règlement', 'Code client', 'Date règlement', 'Montant', 'Facture réglée'],
    payments.map((p, i) => [`R${String(i + 1).padStart(9, '0')}`, p.client.id, p.date, p.amount, p.invoice?.id ?? null]),
  ));
  writeFileSync(join(outDir, 'writeoffs.csv'), csvFile(
    ['N° passage en perte', 'Code client', 'N° facture', 'Date', 'Montant TTC'],
    writeoffs.map((w, i) => [`PP${String(i + 1).padStart(6, '0')}`, w.client.id, w.invoice.id!, w.date, w.amount]),
  ));
  writeFileSync(join(outDir, 'encours.config.json'), `${JSON.stringify(sampleConfig, null, 2)}\n`);

  // The FEC form: the same documents, payments and write-offs; an invoice is lettered with the
  // items that name it in the open-items form, so both forms settle the same amounts.
  const paymentIds = new Map(payments.map((p, i) => [p, `R${String(i + 1).padStart(9, '0')}`]));
  const writeoffIds = new Map(writeoffs.map((w, i) => [w, `PP${String(i + 1).padStart(6, '0')}`]));
  const named = new Map<Document, string[]>();
  const name = (invoice: Document | undefined, creditId: string) => {
    if (invoice) named.set(invoice, [...(named.get(invoice) ?? []), creditId]);
  };
  for (const doc of invoices) if (doc.kind === 'Avoir') name(doc.original, `credit_note:${doc.id}`);
  for (const p of payments) name(p.invoice, `payment:${paymentIds.get(p)}`);
  for (const w of writeoffs) name(w.invoice, `writeoff:${writeoffIds.get(w)}`);
  const groups: FecLetterGroup[] = [...named].map(([invoice, creditIds]) => ({ clientId: invoice.client.id, invoiceId: invoice.id!, creditIds }));
  const files = fecFiles(
    invoices.map((d) => ({ id: d.id!, clientId: d.client.id, clientName: d.client.name, kind: d.kind === 'Facture' ? 'invoice' : 'credit_note', date: d.issue, amount: d.amount, currency: d.currency!, currencyAmount: d.currencyAmount! })),
    [
      ...payments.map((p) => ({ id: paymentIds.get(p)!, clientId: p.client.id, clientName: p.client.name, kind: 'payment' as const, date: p.date, amount: p.amount })),
      ...writeoffs.map((w) => ({ id: writeoffIds.get(w)!, clientId: w.client.id, clientName: w.client.name, kind: 'writeoff' as const, date: w.date, amount: w.amount })),
    ],
    groups,
  );
  rmSync(fecOutDir, { recursive: true, force: true });
  mkdirSync(fecOutDir, { recursive: true });
  for (const [file, content] of files) writeFileSync(join(fecOutDir, file), content);
  copyFileSync(join(outDir, 'clients.csv'), join(fecOutDir, 'clients.csv'));
  writeFileSync(join(fecOutDir, 'encours.config.json'), `${JSON.stringify(sampleFecConfig, null, 2)}\n`);
}
