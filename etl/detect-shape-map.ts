// The mapping `npm run detect` proposes for a customer ledger or an open-balance snapshot: each of
// our columns by its header name, the client by clientColumn's rules, a ledger's amount
// convention and the meaning of its document types, a snapshot's date from the report's title.
// What it cannot decide is listed with the setting to write.
import { configSchema } from './config.ts';
import { headerSynonyms } from './detect-headers.ts';
import { classifyDocumentType, clientColumn, reportDate, shapeSignals, shapeSynonyms, type ColumnStats } from './detect-shape.ts';

export interface Undecided { setting: string; why: string }

/** A snapshot's status column (normalised headers), read by its values (openItems.values.status). */
const statusHeaders = ['status', 'statut', 'state', 'etat', 'invoice status', 'document status', 'statut facture'];

interface ShapeFile { name: string; columns: ColumnStats[]; above: string[] }

/** Our column → their header for a ledger or a snapshot file, with the values and dates that go with it. */
export function mapShapeColumns(
  shape: 'ledger' | 'snapshot',
  file: ShapeFile,
  { isDate, monthFirst }: { isDate: (c: ColumnStats) => boolean; monthFirst: boolean },
  comments: Record<string, string>,
  undecided: Undecided[],
): { mapping: Record<string, string>; values?: Record<string, Record<string, string[]>>; snapshotDate?: string } {
  const [mapping, taken]: [Record<string, string>, Set<string>] = [{}, new Set()];
  const key = (ours: string) => `openItems.columns.${shape}.${ours}`;
  const set = (ours: string, column: ColumnStats, why: string) => {
    mapping[ours] = column.name;
    taken.add(column.name);
    comments[key(ours)] = `'${column.name}': ${why}`;
  };
  const signals = shapeSignals(file.columns);
  const numeric = (c: ColumnStats) => c.n > 0 && c.numeric === c.n;
  // The amounts first: a ledger's convention decides which amount columns are read.
  if (shape === 'ledger') {
    if (signals.debit && signals.credit) {
      set('debit', signals.debit, 'the debit side');
      set('credit', signals.credit, 'the credit side (a line\'s amount is debit − credit)');
    } else {
      const amount = shapeSynonyms.ledger.amount!.map((n) => file.columns.find((c) => c.norm === n && numeric(c))).find(Boolean);
      if (amount && signals.direction) {
        set('amount', amount, 'an unsigned amount');
        set('direction', signals.direction, `its side (${signals.direction.few.join(', ')})`);
      } else if (amount) {
        set('amount', amount, amount.negative > 0
          ? `signed: ${amount.negative} negative values, a credit (a payment, a credit note) negative and a debit positive — negative receipts are receipts`
          : 'signed, a debit positive (no negative value seen). Check it');
        if (amount.negative === 0) undecided.push({ setting: key('amount'), why: `'${amount.name}' has no negative value: if payments are written positive, the sign cannot be told from it; map a direction column (${key('direction')}) or the debit and credit columns` });
      } else undecided.push({ setting: `${key('debit')} and .credit, or ${key('amount')}`, why: 'no column reads as the amounts' });
    }
    if (signals.balance && !taken.has(signals.balance.name)) {
      comments[`ignored.ledger.${signals.balance.name}`] = 'a balance (what an entry still owes, or its debit − credit): not read, as encours works out what is open from the entries and their lettering';
      taken.add(signals.balance.name);
    }
  } else {
    if (signals.balance) set('open_amount', signals.balance, 'what each document still owes at the snapshot');
    else undecided.push({ setting: key('open_amount'), why: 'no column reads as what each document still owes (Reste à payer, Open Balance, Due)' });
    // A paid amount with no date says nothing the balance does not: never read as a settlement.
    for (const paid of file.columns.filter((c) => headerSynonyms.invoices.paid_amount!.includes(c.norm) && numeric(c))) {
      comments[`ignored.snapshot.${paid.name}`] = `UNREAD: a paid amount, but no column dates it, and a settlement without its date cannot be dated or aged. The balance${signals.balance ? ` '${signals.balance.name}'` : ''} says what is left of each document`;
      taken.add(paid.name);
    }
  }
  for (const [ours, synonyms] of Object.entries(shapeSynonyms[shape])) {
    if (mapping[ours] || ours === 'client_id' || ours === 'client_name' || ['debit', 'credit', 'amount', 'direction', 'open_amount'].includes(ours) && shape === 'ledger') continue;
    if (ours === 'open_amount') continue;
    const fits = (c: ColumnStats) => c.n === 0 ? false : /_date$/.test(ours) ? isDate(c) : ours === 'amount' ? numeric(c) : ours === 'document_type' || ours === 'kind' ? c.few.length > 0 : true;
    const column = file.columns.filter((c) => !taken.has(c.name) && synonyms.includes(c.norm) && fits(c)).sort((a, b) => synonyms.indexOf(a.norm) - synonyms.indexOf(b.norm))[0];
    if (column) set(ours, column, `header name ('${column.norm}')`);
  }
  if (shape === 'snapshot') {
    // A status that says some documents are no receivables (a draft, a voided invoice) or written
    // off (uncollectible): read, or they would count for what they show as owed. Mapped only when
    // its values say so: a status of payment (Payée, En retard) alone changes nothing.
    const lists = configSchema.parse({}).openItems.values.status;
    const meaning = (v: string) => lists.cancelled.includes(v.toLowerCase().trim()) ? 'cancelled' : lists.written_off.includes(v.toLowerCase().trim()) ? 'written_off' : null;
    const status = file.columns.find((c) => !taken.has(c.name) && statusHeaders.includes(c.norm) && c.few.some((v) => meaning(v)));
    if (status) {
      const said = (kind: string) => status.few.filter((v) => meaning(v) === kind).map((v) => `'${v}'`).join(', ');
      const others = status.few.filter((v) => !meaning(v)).map((v) => `'${v}'`).join(', ');
      set('status', status, [
        said('cancelled') && `${said('cancelled')}: never issued or voided, no receivable`,
        said('written_off') && `${said('written_off')}: written off, out of the receivables`,
        others && `${others}: issued documents owing their open amount`,
      ].filter(Boolean).join('; ') + ' (openItems.values.status)');
    }
  }
  // Columns no header names, found by their values: a document number is unique on its line, dates are dates.
  const free = () => file.columns.filter((c) => !taken.has(c.name) && c.n > 0);
  const byValues = (ours: string, column: ColumnStats | undefined, what: string) => {
    if (column && !mapping[ours]) set(ours, column, `no header says ${ours}; chosen from its values (${what}). Check it`);
  };
  const dateColumn = shape === 'ledger' ? 'entry_date' : 'issue_date';
  byValues(dateColumn, free().find(isDate), 'the first free date column');
  byValues('due_date', free().find(isDate), 'the next date column');
  if (shape === 'snapshot') byValues('document_id', free().find((c) => c.distinct === c.n && !isDate(c) && c.numeric < c.n), 'a value on each line of its own');
  for (const ours of shape === 'ledger' ? ['entry_date'] : ['document_id']) {
    if (!mapping[ours]) undecided.push({ setting: key(ours), why: `no column looks like ${ours}` });
  }
  const client = clientColumn(file.columns, taken, isDate);
  if (client) {
    set('client_id', client.column, client.byName ? `header name ('${client.column.norm}'); it repeats (${client.column.distinct} clients over ${client.column.n} lines)` : `no header says client; its values repeat (${client.column.distinct} over ${client.column.n} lines), it is not a date, an amount, a code or free text. Check it`);
    const name = file.columns.find((c) => !taken.has(c.name) && shapeSynonyms[shape].client_name!.includes(c.norm));
    if (name) set('client_name', name, `header name ('${name.norm}')`);
    else if (!/^\d/.test(client.column.few[0] ?? 'x') && client.column.numeric === 0) mapping.client_name = client.column.name;
  } else {
    undecided.push({ setting: key('client_id'), why: `the export cannot be read per client: no column identifies the client (a client column repeats, is not a date, and most of its values have several lines; its columns are ${file.columns.map((c) => `'${c.name}'`).join(', ')}). Add the client to the export, or map its column` });
  }
  const result: ReturnType<typeof mapShapeColumns> = { mapping };
  if (shape === 'ledger') {
    const values = documentTypeValues(mapping.document_type ? file.columns.find((c) => c.name === mapping.document_type)! : undefined, comments, undecided);
    if (values) result.values = { documentType: values };
    if (!mapping.document_type) comments['openItems.columns.ledger.document_type'] = 'no document type or journal column: credits are read as payments (a credit note cannot be told from a payment)';
  } else if (!mapping.snapshot_date) {
    const date = reportDate(file.above, monthFirst);
    if (date) {
      result.snapshotDate = date;
      comments['openItems.snapshotDate'] = `the report's title says so: ${file.above.map((l) => l.trim()).filter(Boolean).join(' / ').slice(0, 120)}`;
    } else {
      undecided.push({ setting: 'openItems.snapshotDate', why: `the export does not say the date of its balances: set it ("YYYY-MM-DD"), or the run reads them at the as-of date (by default the latest date in ${file.name}; --as-of sets it)` });
    }
  }
  return result;
}

/** The document types the defaults do not read, added to them by their words; the others listed as undecided. */
function documentTypeValues(column: ColumnStats | undefined, comments: Record<string, string>, undecided: Undecided[]): Record<string, string[]> | undefined {
  if (!column) return undefined;
  const defaults = configSchema.parse({}).openItems.values.documentType;
  const known = new Set(Object.values(defaults).flat().map((v) => v.toLowerCase()));
  const lists: Record<string, string[]> = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, [...v]]));
  const said: string[] = [];
  const unknown: string[] = [];
  for (const value of column.few.filter((v) => !known.has(v.toLowerCase()))) {
    const kind = classifyDocumentType(value);
    if (kind === 'sales') {
      lists.invoice!.push(value);
      lists.credit_note!.push(value);
      said.push(`${value}: sales (a debit an invoice, a credit a credit note)`);
    } else if (kind) {
      lists[kind]!.push(value);
      said.push(`${value}: ${kind}`);
    } else unknown.push(value);
  }
  if (unknown.length) {
    undecided.push({ setting: 'openItems.values.documentType', why: `'${column.name}' holds ${unknown.map((v) => `'${v}'`).join(', ')}, whose meaning its words do not say: list each under invoice, credit_note, payment, writeoff or refund (until then their lines are rejected)` });
  }
  if (!said.length) return undefined;
  comments['openItems.values.documentType'] = `'${column.name}' holds ${said.join('; ')} — added to the defaults`;
  return lists;
}
