// The header names French and English ERPs, invoicing tools and spreadsheets give each of our
// columns, written normalised (see normaliseHeader): lowercase, accents stripped, punctuation and
// camelCase turned into single spaces. `npm run detect` maps a header to our column when its
// normalised form is one of these, looked up among the columns of the file it is in only: "Date"
// is the issue date of an invoices file and the payment date of a payments file.
import type { DocumentsFile } from './config.ts';

/** "N° pièce" → "n piece", "Date d'échéance" → "date d echeance", "InvoiceNumber" → "invoice number". */
export function normaliseHeader(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const clientId = ['code client', 'client id', 'client', 'n client', 'numero client', 'no client', 'compte client', 'code tiers', 'tiers',
  'customer id', 'customer', 'customer number', 'customer no', 'customer code', 'cust id', 'account', 'account number', 'account no'];
// The invoice a payment or a write-off names: also a settled document ("Pièce réglée", Cegid) and
// the document a receipt is applied to ("Applies-to Doc. No.", Business Central).
const invoiceRef = ['n facture', 'numero de facture', 'numero facture', 'no facture', 'num facture', 'facture', 'facture reglee', 'piece reglee', 'document regle',
  'invoice', 'invoice id', 'invoice number', 'invoice no', 'invoice num', 'invoice ref', 'applied to', 'applies to',
  'applies to doc no', 'applies to doc number', 'applies to document no', 'applied to doc no'];

// An amount in the company currency beside the document's (Business Central's "Amount (LCY)",
// SAP's "Amount in local currency", Sage's "Montant tenue de compte", a "Montant TTC (EUR)").
const companyCurrencyAmount = ['amount lcy', 'amount in local currency', 'amount local currency', 'amount in company currency', 'amount eur',
  'montant tenue de compte', 'montant devise societe', 'montant en devise societe', 'montant eur', 'montant ttc eur', 'montant regle eur', 'contre valeur', 'contrevaleur'];

/** Our columns, per logical file, and the header names that mean them. */
export const headerSynonyms: Record<DocumentsFile, Record<string, string[]>> = {
  invoices: {
    invoice_id: ['n piece', 'numero de piece', 'piece', 'n document', ...invoiceRef, 'document number', 'document no', 'doc no', 'reference', 'ref'],
    client_id: clientId,
    issue_date: ['date piece', 'date facture', 'date de facture', 'date document', 'date emission', 'date', 'invoice date', 'document date', 'issue date', 'posting date', 'doc date'],
    due_date: ['date echeance', 'date d echeance', 'echeance', 'date limite de paiement', 'due date', 'due', 'payment due date', 'due on', 'maturity date'],
    // An échéancier's line is one instalment: its amount is the instalment's ("Montant échéance").
    amount: ['montant ttc', 'total ttc', 'montant', 'montant echeance', 'montant de l echeance', 'ttc', 'amount', 'total', 'amount incl tax', 'invoice amount', 'gross amount', 'total amount', 'original amount'],
    amount_excl_tax: ['montant ht', 'total ht', 'ht', 'amount excl tax', 'net amount', 'subtotal', 'amount ht'],
    kind: ['type', 'type piece', 'type de piece', 'type document', 'kind', 'document type', 'doc type', 'transaction type'],
    currency: ['devise', 'monnaie', 'currency', 'currency code', 'ccy'],
    amount_company_currency: companyCurrencyAmount,
    is_disputed: ['litige', 'en litige', 'contestation', 'disputed', 'dispute', 'in dispute', 'is disputed'],
    original_invoice_id: ['facture d origine', 'facture origine', 'original invoice', 'original invoice number', 'original invoice id'],
    // Without a paid-amount column, the day the invoice was settled in full (the ETL reads it so).
    paid_date: ['date reglement', 'date de reglement', 'date paiement', 'paid date', 'paid on', 'date paid', 'last payment date',
      'settled date', 'date settled', 'settled on', 'settlement date', 'clear date', 'cleared date', 'date cleared', 'date de solde'],
    paid_amount: ['montant regle', 'montant paye', 'paid amount', 'amount paid', 'paid'],
  },
  payments: {
    // In a payments file the document number is the payment's own (Business Central's cash receipts: "Document No.").
    payment_id: ['n reglement', 'numero de reglement', 'n piece', 'piece', 'payment id', 'payment number', 'payment no', 'receipt number', 'receipt no', 'check number',
      'document no', 'document number', 'doc no', 'n document', 'reference', 'ref'],
    client_id: clientId,
    payment_date: ['date reglement', 'date de reglement', 'date paiement', 'date encaissement', 'date', 'payment date', 'receipt date', 'date received', 'paid date',
      'posting date', 'document date', 'date comptable'],
    amount: ['montant', 'montant regle', 'montant ttc', 'amount', 'payment amount', 'amount paid', 'amount received', 'paid amount'],
    invoice_id: invoiceRef,
    currency: ['devise', 'monnaie', 'currency', 'currency code', 'ccy'],
    amount_company_currency: companyCurrencyAmount,
  },
  clients: {
    client_id: clientId,
    name: ['raison sociale', 'nom', 'nom client', 'client name', 'name', 'customer name', 'company', 'company name', 'societe'],
    segment: ['segment', 'categorie', 'categorie client', 'category', 'customer type', 'type client'],
    sector: ['secteur', 'secteur d activite', 'activite', 'sector', 'industry'],
    country: ['pays', 'country', 'country code'],
    sales_rep: ['commercial', 'representant', 'vendeur', 'sales rep', 'salesperson', 'sales person', 'account manager'],
    payment_terms: ['conditions de paiement', 'conditions de reglement', 'delai de paiement', 'mode de reglement', 'payment terms', 'terms'],
    credit_limit: ['limite de credit', 'encours autorise', 'plafond', 'credit limit'],
    insured_limit: ['limite assuree', 'garantie assureur', 'insured limit', 'credit insurance limit'],
    guarantee_amount: ['garanties', 'garantie', 'caution', 'guarantees', 'guarantee', 'guarantee amount'],
    external_rating: ['note externe', 'notation', 'external rating', 'rating'],
    legal_status: ['statut juridique', 'procedure', 'statut', 'legal status', 'status'],
    procedure_date: ['date de jugement', 'date du jugement', 'date jugement', 'date d ouverture de la procedure', 'date d ouverture', 'date de la procedure', 'date procedure',
      'judgment date', 'judgement date', 'date of judgment', 'procedure date', 'proceedings date', 'insolvency date', 'opening date'],
    address_line_1: ['adresse', 'adresse 1', 'adresse ligne 1', 'rue', 'address', 'address 1', 'address line 1', 'street', 'billing address'],
    address_line_2: ['complement d adresse', 'adresse 2', 'adresse ligne 2', 'address 2', 'address line 2'],
    postcode: ['code postal', 'cp', 'postcode', 'postal code', 'zip', 'zip code'],
    city: ['ville', 'localite', 'commune', 'city', 'town'],
  },
  writeoffs: {
    writeoff_id: ['n passage en perte', 'passage en perte', 'writeoff id', 'write off id', 'write off number', 'n piece', 'reference'],
    client_id: clientId,
    invoice_id: invoiceRef,
    writeoff_date: ['date passage en perte', 'date', 'writeoff date', 'write off date'],
    amount: ['montant ttc', 'montant', 'amount', 'writeoff amount', 'write off amount'],
  },
};

/** Words in a file name that say which logical file it is (normalised, see normaliseHeader). */
export const fileNameWords: Record<DocumentsFile, RegExp> = {
  invoices: /\b(invoices?|factures?|ventes|sales|open items|balance agee|aged)\b/,
  payments: /\b(payments?|reglements?|paiements?|encaissements?|receipts?|cash)\b/,
  clients: /\b(clients?|customers?|tiers)\b/,
  writeoffs: /\b(writeoffs?|write offs?|pertes?|passages? en perte|bad debts?)\b/,
};

/** Headers that hold what an invoice still owes: a balance, not the amount invoiced. */
export const openAmountHeaders = ['reste du', 'reste a payer', 'solde', 'montant restant', 'balance', 'open amount', 'amount due', 'balance due', 'outstanding', 'remaining',
  'amount remaining', 'remaining amount', 'amount outstanding'];

/**
 * The balance among several columns that may be one: a header that says what is left (remaining,
 * outstanding, reste, open) before one that says what is due. Stripe writes "Amount Due" (what the
 * invoice asked for) beside "Amount Paid" and "Amount Remaining" (the difference): the first is
 * no balance once anything is paid.
 */
export function balanceOf<T extends { norm: string }>(candidates: T[]): T | undefined {
  return candidates.find((c) => /\b(remaining|restant|reste|outstanding|open)\b/.test(c.norm)) ?? candidates[0];
}
