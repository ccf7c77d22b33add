// The sample company's ledger written as a FEC: one tab-separated file per fiscal year (calendar
// years, named SIREN + "FEC" + closing date), dates YYYYMMDD, decimal comma, the 18 columns in
// order. Invoices and credit notes go to the sales journal (411 / 706 / 44571), payments to the
// bank journal (512 / 411), write-offs to miscellaneous operations (654 / 44571 / 411). Each
// invoice and the items that name it in the open-items form share a lettering code, each line
// lettered on its own date (the invoice on the last one's). From the second year on, the file
// opens with one à-nouveau per client: its balance at the end of the previous year.

export interface FecDocument { id: string; clientId: string; clientName: string; kind: 'invoice' | 'credit_note'; date: Date; amount: number; currency: string; currencyAmount: number }
export interface FecCredit { id: string; clientId: string; clientName: string; kind: 'payment' | 'writeoff'; date: Date; amount: number }
/** Items settling each other: an invoice and the credit notes, payments and write-offs that name it. */
export interface FecLetterGroup { clientId: string; invoiceId: string; creditIds: string[] }

const header = [
  'JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'CompAuxNum', 'CompAuxLib', 'PieceRef',
  'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise',
].join('\t');

const SIREN = '552100554';
const VAT_RATE = 0.2;

const ymd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
const money = (x: number) => x.toFixed(2).replace('.', ',');
const cents = (x: number) => Math.round(x * 100) / 100;

/** A lettering code per group, unique within the client: AAA, AAB, … */
function letterCode(n: number): string {
  const a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return a[Math.floor(n / 676) % 26]! + a[Math.floor(n / 26) % 26]! + a[n % 26]!;
}

interface Line {
  journal: 'VT' | 'BQ' | 'OD' | 'AN';
  date: Date;
  account: string;
  accountLabel: string;
  client?: { id: string; name: string };
  ref: string;
  label: string;
  debit: number;
  credit: number;
  letter?: { code: string; date: Date };
  currency?: string;
  /** The amount in the document's currency (unsigned), beside a foreign currency. */
  currencyAmount?: number;
}

const journals = { VT: 'Journal des ventes', BQ: 'Banque', OD: 'Opérations diverses', AN: 'A nouveaux' } as const;

/** The FEC files (name → content), one per calendar year from the first to the last dated item. */
export function fecFiles(documents: FecDocument[], credits: FecCredit[], groups: FecLetterGroup[]): Map<string, string> {
  const letters = new Map<string, { code: string; date: Date }>();
  const counters = new Map<string, number>();
  const creditDates = new Map<string, Date>();
  for (const credit of credits) creditDates.set(`${credit.kind}:${credit.id}`, credit.date);
  for (const doc of documents) if (doc.kind === 'credit_note') creditDates.set(`credit_note:${doc.id}`, doc.date);
  for (const group of groups) {
    const n = counters.get(group.clientId) ?? 0;
    counters.set(group.clientId, n + 1);
    const code = letterCode(n);
    let last = new Date(0);
    for (const creditId of group.creditIds) {
      const date = creditDates.get(creditId)!;
      letters.set(creditId, { code, date });
      if (date > last) last = date;
    }
    letters.set(`invoice:${group.invoiceId}`, { code, date: last });
  }

  const entries: Line[][] = [];
  for (const doc of documents) {
    const client = { id: doc.clientId, name: doc.clientName };
    const net = cents(doc.amount / (1 + VAT_RATE));
    const sign = doc.kind === 'invoice' ? 1 : -1;
    const label = `${doc.kind === 'invoice' ? 'Facture' : 'Avoir'} ${doc.id} ${doc.clientName}`;
    const base = { journal: 'VT' as const, date: doc.date, ref: doc.id, label };
    const side = (amount: number) => (amount * sign >= 0 ? { debit: Math.abs(amount), credit: 0 } : { debit: 0, credit: Math.abs(amount) });
    entries.push([
      { ...base, account: '411000', accountLabel: 'Clients', client, ...side(doc.amount), letter: letters.get(`${doc.kind}:${doc.id}`), currency: doc.currency, currencyAmount: doc.currencyAmount },
      { ...base, account: '706000', accountLabel: 'Prestations de services', ...side(-net) },
      { ...base, account: '445710', accountLabel: 'TVA collectée', ...side(-cents(doc.amount - net)) },
    ]);
  }
  for (const credit of credits) {
    const client = { id: credit.clientId, name: credit.clientName };
    const letter = letters.get(`${credit.kind}:${credit.id}`);
    if (credit.kind === 'payment') {
      const base = { journal: 'BQ' as const, date: credit.date, ref: credit.id, label: `Règlement ${credit.clientName}` };
      entries.push([
        { ...base, account: '512000', accountLabel: 'Banque', debit: credit.amount, credit: 0 },
        { ...base, account: '411000', accountLabel: 'Clients', client, debit: 0, credit: credit.amount, letter },
      ]);
    } else {
      const net = cents(credit.amount / (1 + VAT_RATE));
      const base = { journal: 'OD' as const, date: credit.date, ref: credit.id, label: `Créance irrécouvrable ${credit.clientName}` };
      entries.push([
        { ...base, account: '654000', accountLabel: 'Pertes sur créances irrécouvrables', debit: net, credit: 0 },
        { ...base, account: '445710', accountLabel: 'TVA collectée', debit: cents(credit.amount - net), credit: 0 },
        { ...base, account: '411000', accountLabel: 'Clients', client, debit: 0, credit: credit.amount, letter },
      ]);
    }
  }
  entries.sort((a, b) => a[0]!.date.getTime() - b[0]!.date.getTime() || a[0]!.journal.localeCompare(b[0]!.journal) || a[0]!.ref.localeCompare(b[0]!.ref));

  const years = [...new Set(entries.map((e) => e[0]!.date.getUTCFullYear()))].sort();
  const files = new Map<string, string>();
  const balances = new Map<string, { name: string; balance: number }>();
  for (const year of years) {
    const numbers = new Map<string, number>();
    const yearEntries = entries.filter((e) => e[0]!.date.getUTCFullYear() === year);
    const opening = openingEntry(year, balances);
    const lines: string[] = [header];
    for (const entry of opening ? [opening, ...yearEntries] : yearEntries) {
      const journal = entry[0]!.journal;
      const number = (numbers.get(journal) ?? 0) + 1;
      numbers.set(journal, number);
      for (const line of entry) {
        lines.push([
          line.journal, journals[line.journal], String(number), ymd(line.date), line.account, line.accountLabel,
          line.client?.id ?? '', line.client?.name ?? '', line.ref, ymd(line.date), line.label,
          money(line.debit), money(line.credit), line.letter?.code ?? '', line.letter ? ymd(line.letter.date) : '', ymd(line.date),
          line.currency && line.currency !== 'EUR' ? money(Math.sign(line.debit - line.credit) * Math.abs(line.currencyAmount ?? line.debit - line.credit)) : '', line.currency && line.currency !== 'EUR' ? line.currency : '',
        ].join('\t'));
        if (line.client && line.journal !== 'AN') {
          const held = balances.get(line.client.id) ?? { name: line.client.name, balance: 0 };
          held.balance = cents(held.balance + line.debit - line.credit);
          balances.set(line.client.id, held);
        }
      }
    }
    files.set(`${SIREN}FEC${year}1231.txt`, `${lines.join('\r\n')}\r\n`);
  }
  return files;
}

/** The à-nouveaux of a year: each client's balance brought forward, against 890 (bilan d'ouverture). */
function openingEntry(year: number, balances: Map<string, { name: string; balance: number }>): Line[] | null {
  const date = new Date(Date.UTC(year, 0, 1));
  const base = { journal: 'AN' as const, date, ref: `AN${year}`, label: 'A nouveaux' };
  const lines: Line[] = [];
  let total = 0;
  for (const [id, { name, balance }] of [...balances].sort(([a], [b]) => a.localeCompare(b))) {
    if (balance === 0) continue;
    lines.push({ ...base, account: '411000', accountLabel: 'Clients', client: { id, name }, debit: Math.max(balance, 0), credit: Math.max(-balance, 0) });
    total = cents(total + balance);
  }
  if (!lines.length) return null;
  lines.push({ ...base, account: '890000', accountLabel: "Bilan d'ouverture", debit: Math.max(-total, 0), credit: Math.max(total, 0) });
  return lines;
}
