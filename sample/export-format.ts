// The sample's export format: what a French ERP writes (';' separated, dd/mm/yyyy dates, decimal
// comma), and the encours.config.json that maps it.
import { statusFields } from './einvoice-statuses.ts';

type Cell = string | number | Date | null;

function cell(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) {
    return `${String(value.getUTCDate()).padStart(2, '0')}/${String(value.getUTCMonth() + 1).padStart(2, '0')}/${value.getUTCFullYear()}`;
  }
  if (typeof value === 'number') return value.toFixed(Number.isInteger(value) ? 0 : 2).replace('.', ',');
  return /[;"\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvFile(header: string[], rows: Cell[][]): string {
  return `${[header, ...rows].map((row) => row.map(cell).join(';')).join('\n')}\n`;
}

export const sampleConfig = {
  $comment: 'Column mapping for the bundled sample, an ERP-style open-items export (French headers, \';\' delimiter, dd/mm/yyyy dates, decimal comma).',
  openItems: {
    delimiter: ';',
    encoding: 'utf-8',
    dateFormat: '%d/%m/%Y',
    decimalSeparator: ',',
    files: { clients: 'clients.csv', invoices: 'invoices.csv', payments: 'payments.csv', writeoffs: 'writeoffs.csv' },
    columns: {
      clients: {
        client_id: 'Code client', name: 'Raison sociale', segment: 'Segment', sector: 'Secteur', country: 'Pays', sales_rep: 'Commercial',
        payment_terms: 'Conditions de paiement', credit_limit: 'Limite de crédit', insured_limit: 'Limite assurée', guarantee_amount: 'Garanties',
        external_rating: 'Note externe', legal_status: 'Statut juridique', procedure_date: 'Date de jugement',
        address_line_1: 'Adresse', address_line_2: "Complément d'adresse", postcode: 'Code postal', city: 'Ville',
      },
      invoices: {
        invoice_id: 'N° pièce', client_id: 'Code client', kind: 'Type', issue_date: 'Date pièce', due_date: 'Date échéance', amount: 'Montant TTC',
        amount_excl_tax: 'Montant HT', currency: 'Devise', is_disputed: 'Litige', original_invoice_id: "Facture d'origine",
        amount_company_currency: 'Montant TTC (EUR)',
      },
      payments: { payment_id: 'N° règlement', client_id: 'Code client', payment_date: 'Date règlement', amount: 'Montant', invoice_id: 'Facture réglée' },
      writeoffs: { writeoff_id: 'N° passage en perte', client_id: 'Code client', invoice_id: 'N° facture', writeoff_date: 'Date', amount: 'Montant TTC' },
    },
    values: { kind: { invoice: ['Facture'], credit_note: ['Avoir'] }, true: ['O', 'Oui', 'Y', '1'] },
  },
  // The accredited platform's status export (statuts*.json), under its own field names.
  einvoice: { columns: statusFields },
  company: {
    name: 'Fournitures Delaunay SAS',
    address: ['12 rue des Tanneurs', '69002 Lyon'],
    city: 'Lyon',
    siren: '552 100 554',
    email: 'recouvrement@delaunay.example',
    phone: '04 72 00 00 00',
    // An office-supplies wholesaler: compared with the trade sector's published figures.
    sector: 'Distribution',
  },
};

/** The FEC form of the sample: the journal files need no mapping; the clients file beside them does. */
export const sampleFecConfig = {
  $comment: 'The bundled sample as a FEC: journal files (found by their header) and the ERP clients file, for payment terms and segments.',
  openItems: {
    delimiter: ';',
    encoding: 'utf-8',
    dateFormat: '%d/%m/%Y',
    decimalSeparator: ',',
    files: { clients: 'clients.csv' },
    columns: { clients: sampleConfig.openItems.columns.clients },
  },
  einvoice: sampleConfig.einvoice,
};
