// What `npm run detect` decides from a file's content rather than its name: which shape the
// export is (documents, customer ledger, open-balance snapshot), how a ledger writes its amounts,
// what its document types mean, which column holds the client, and the snapshot's date. A file
// named GL_tiers_clients.csv with Débit and Crédit columns is a ledger, not a clients file.
import { balanceOf, headerSynonyms, normaliseHeader, openAmountHeaders } from './detect-headers.ts';
import { creditHeaders, debitHeaders } from './readers/ledger.ts';

export interface ColumnStats {
  name: string;
  norm: string;
  /** Non-empty values, distinct ones, and distinct ones seen on more than one line. */
  n: number;
  distinct: number;
  repeated: number;
  numeric: number;
  negative: number;
  zero: number;
  point: number;
  comma: number;
  /** Mean length of the values. */
  length: number;
  formats: string[];
  /** The values of a column with few of them (a type, a flag). */
  few: string[];
}

const clientHeaders = ['code client', 'client id', 'client', 'n client', 'numero client', 'no client', 'compte client', 'code tiers', 'tiers', 'n compte tiers',
  'compte tiers', 'compte', 'n compte', 'n de compte', 'numero de compte', 'code compte', 'customer id', 'customer', 'customer number', 'customer no', 'customer code', 'cust id', 'account', 'account number',
  'account no', 'contact', 'partner', 'partenaire', 'nom du client', 'client name', 'customer name'];

/** Our columns of a customer ledger and of a snapshot, and the header names that mean them (normalised). */
export const shapeSynonyms: Record<'ledger' | 'snapshot', Record<string, string[]>> = {
  ledger: {
    client_id: clientHeaders,
    client_name: ['intitule', 'intitule compte', 'intitule du compte', 'libelle compte', 'libelle du compte', 'nom', 'raison sociale', 'customer name', 'client name', 'name', 'nom client'],
    // The document's date before the posting date (SAP's Document Date, the invoice's own date, from which its terms run).
    entry_date: ['date', 'date ecriture', 'date piece', 'date comptable', 'document date', 'posting date', 'entry date', 'date de piece'],
    document_id: ['n piece', 'piece', 'numero de piece', 'n document', 'document no', 'document number', 'journal entry', 'reference', 'ref', 'num', 'invoice number'],
    due_date: ['echeance', 'date echeance', 'date d echeance', 'due date', 'net due date', 'date limite'],
    debit: debitHeaders,
    credit: creditHeaders,
    amount: ['amount lcy', 'amount in local currency', 'montant', 'amount', 'montant ttc', 'amount in doc curr'],
    direction: ['sens', 'direction', 'd c', 'dc', 'debit credit', 'sens d c', 'soll haben'],
    document_type: ['document type', 'type de piece', 'type piece', 'doc type', 'type document', 'transaction type', 'type', 'journal', 'code journal', 'journal code', 'jnl'],
    letter_code: ['lettrage', 'code lettrage', 'let', 'matching', 'matching number', 'clearing document', 'clearing doc', 'reconcile', 'lettre'],
    letter_date: ['date lettrage', 'date de lettrage', 'clearing date', 'matching date'],
  },
  snapshot: {
    client_id: clientHeaders,
    client_name: ['customer name', 'client name', 'nom client', 'raison sociale', 'intitule'],
    document_id: ['n facture', 'numero de facture', 'numero facture', 'no facture', 'facture', 'n piece', 'piece', 'numero de piece', 'invoice number', 'invoice no',
      'invoice', 'num', 'number', 'document no', 'document number', 'reference', 'ref', 'transaction'],
    issue_date: ['date d emission', 'date emission', 'date facture', 'date de facture', 'date piece', 'date', 'invoice date', 'document date', 'posting date', 'issue date'],
    due_date: ['date d echeance', 'date echeance', 'echeance', 'due date', 'net due date', 'payment due date', 'date limite de paiement'],
    open_amount: [...openAmountHeaders, 'due', 'open balance', 'remaining amount', 'remaining amt lcy', 'reste a payer', 'reste du', 'montant du', 'solde du', 'amount due', 'balance due'],
    amount: ['montant ttc', 'total ttc', 'invoice total', 'total', 'amount', 'montant', 'original amount', 'invoice amount', 'amount lcy'],
    kind: ['type', 'transaction type', 'type de piece', 'document type', 'type document'],
    snapshot_date: ['date de situation', 'date du solde', 'snapshot date', 'as of date', 'report date', 'as at'],
    is_disputed: ['litige', 'en litige', 'disputed', 'dispute'],
  },
};

const directionValues = ['d', 'c', 'debit', 'credit', 'dr', 'cr', 's', 'h', 'soll', 'haben'];

/** The columns that tell a file's shape, found by their names and values. */
export function shapeSignals(columns: ColumnStats[]) {
  const named = (names: string[]) => columns.find((c) => names.includes(c.norm));
  const debit = named(debitHeaders);
  const credit = named(creditHeaders);
  const direction = columns.find((c) => shapeSynonyms.ledger.direction!.includes(c.norm) || (c.n > 0 && c.few.length > 0 && c.few.length <= 4 && c.few.every((v) => directionValues.includes(normaliseHeader(v)))));
  const documentType = columns.find((c) => shapeSynonyms.ledger.document_type!.includes(c.norm) && c.few.length > 0);
  const paymentValues = documentType ? documentType.few.filter((v) => classifyDocumentType(v) === 'payment') : [];
  const balance = balanceOf(columns.filter((c) => shapeSynonyms.snapshot.open_amount!.includes(c.norm) && c.n > 0 && c.numeric === c.n));
  const signedAmount = columns.find((c) => shapeSynonyms.ledger.amount!.includes(c.norm) && c.n > 0 && c.numeric === c.n && c.negative > 0);
  return { debit, credit, direction, documentType, paymentValues, balance, signedAmount };
}

export type Shape = 'ledger' | 'snapshot' | null;

/** A file's shape from its content, with the reason; null: none of the two (a documents file, or a clients file). */
export function shapeOf(columns: ColumnStats[], folderHasPayments: boolean): [Shape, string] {
  // A balance makes a snapshot only where nothing dates the settlements: no payments file, no dated paid amounts.
  const s = shapeSignals(columns);
  if (s.debit && s.credit) return ['ledger', `its '${s.debit.name}' and '${s.credit.name}' columns make it a customer ledger`];
  if (s.direction && columns.some((c) => shapeSynonyms.ledger.amount!.includes(c.norm))) return ['ledger', `an amount and a direction column ('${s.direction.name}': ${s.direction.few.join(', ')}) make it a customer ledger`];
  if (s.documentType && s.paymentValues.length && s.signedAmount && (!s.balance || s.balance.zero > 0)) {
    return ['ledger', `its entries include payments ('${s.documentType.name}': ${s.paymentValues.join(', ')}) with a signed amount ('${s.signedAmount.name}')${s.balance ? ` and closed entries ('${s.balance.name}' 0)` : ''}: a customer ledger`];
  }
  // Paid amounts with their dates date the settlements: read as documents, they give history.
  const datedPayments = columns.some((c) => headerSynonyms.invoices.paid_amount!.includes(c.norm) && c.n > 0)
    && columns.some((c) => headerSynonyms.invoices.paid_date!.includes(c.norm) && c.formats.length > 0);
  if (s.balance && !folderHasPayments && !datedPayments) return ['snapshot', `'${s.balance.name}' is what each document still owes and no payments file settles them: an open-balance snapshot`];
  return [null, ''];
}

export type DocumentKind = 'invoice' | 'credit_note' | 'sales' | 'payment' | 'writeoff' | 'refund';

/** What a ledger's document type or journal code means, from its words; null when they do not say. */
export function classifyDocumentType(value: string): DocumentKind | null {
  const v = normaliseHeader(value);
  if (/^(vt|ve|vte|ven|vente|ventes|fac|vt\d|ve\d)$|\b(sales|ventes?|customer invoices?|factures? clients?)\b/.test(v)) return 'sales';
  if (/\b(credit memo|credit note|avoirs?)\b|^(dg|rinv|cn|cm)$/.test(v)) return 'credit_note';
  if (/\b(refunds?|remboursements?)\b/.test(v)) return 'refund';
  if (/\b(write offs?|writeoffs?|pertes?|bad debts?|irrecouvrables?)\b/.test(v)) return 'writeoff';
  if (/^(bq|bnk|bk|ba|cb|ch)\d*$|\b(bank|banque|caisse|cash|payments?|paiements?|reglements?|receipts?|encaissements?)\b|^(dz|rg)$/.test(v)) return 'payment';
  if (/^(invoice|facture|inv|fa|dr|rv)$|\binvoices?\b/.test(v)) return 'invoice';
  return null;
}

/**
 * The column that identifies the client, among those not taken: never a date, an amount, a
 * journal or type code, or free text; a client repeats, and most of its values have several
 * lines. Named first (its header says so, and it is none of those), else found by its values
 * (it repeats); null when none does.
 */
export function clientColumn(columns: ColumnStats[], taken: Set<string>, isDate: (c: ColumnStats) => boolean): { column: ColumnStats; byName: boolean } | null {
  const unfit = (c: ColumnStats) => c.n === 0 || isDate(c) || c.formats.length > 0 || (c.numeric === c.n && (c.point + c.comma > 0 || c.negative > 0))
    || shapeSynonyms.ledger.document_type!.includes(c.norm) || /\b(libelle|label|description|memo|commentaire|comment|reference|narration|designation)\b/.test(c.norm)
    || c.length > 40;
  const repeats = (c: ColumnStats) => c.distinct < c.n && c.repeated * 2 >= c.distinct;
  const free = columns.filter((c) => !taken.has(c.name) && !unfit(c));
  // One value on every line (Odoo's receivable account) names no client, when another column may.
  const names = free.filter((c) => clientHeaders.includes(c.norm)).sort((a, b) => clientHeaders.indexOf(a.norm) - clientHeaders.indexOf(b.norm));
  const named = names.find((c) => c.distinct > 1 || c.n <= 1) ?? names[0];
  if (named) return { column: named, byName: true };
  const found = free.filter(repeats).sort((a, b) => b.distinct - a.distinct)[0];
  return found ? { column: found, byName: false } : null;
}

const months: Record<string, number> = {
  jan: 1, january: 1, janvier: 1, feb: 2, february: 2, fevrier: 2, mar: 3, march: 3, mars: 3, apr: 4, april: 4, avril: 4, may: 5, mai: 5,
  jun: 6, june: 6, juin: 6, jul: 7, july: 7, juillet: 7, aug: 8, august: 8, aout: 8, sep: 9, sept: 9, september: 9, septembre: 9,
  oct: 10, october: 10, octobre: 10, nov: 11, november: 11, novembre: 11, dec: 12, december: 12, decembre: 12,
};

/** The date a report's title lines give it ("As at 31 March 2025", "Balance âgée au 31/03/2025"), as YYYY-MM-DD; null when none. */
export function reportDate(above: string[], monthFirst: boolean): string | null {
  const text = normaliseHeader(above.join(' '));
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = (y: number, m: number, d: number) => (m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1990 && y <= 2099 ? `${y}-${pad(m)}-${pad(d)}` : null);
  let m = /\b(\d{4}) (\d{1,2}) (\d{1,2})\b/.exec(text);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /\b(\d{1,2}) (\d{1,2}) (\d{4})\b/.exec(text);
  if (m) return monthFirst ? iso(+m[3]!, +m[1]!, +m[2]!) : iso(+m[3]!, +m[2]!, +m[1]!);
  m = /\b(\d{1,2}) ([a-z]+) (\d{4})\b/.exec(text);
  if (m && months[m[2]!]) return iso(+m[3]!, months[m[2]!]!, +m[1]!);
  m = /\b([a-z]+) (\d{1,2}) (\d{4})\b/.exec(text);
  if (m && months[m[1]!]) return iso(+m[3]!, months[m[1]!]!, +m[2]!);
  return null;
}
