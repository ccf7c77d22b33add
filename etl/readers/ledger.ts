// A customer ledger (openItems.shape "ledger") writes its amounts one of three ways, and the file's
// mapped columns say which: a debit and a credit column (Sage, EBP, Quadra ledgers); an unsigned
// amount and a direction column (Sens D/C, Soll/Haben); or a signed amount, a debit positive (SAP
// FBL5N, Business Central). Anything else cannot be read without guessing: it stops the run
// naming the settings. stg_ledger_lines reads each line under its file's convention.
import { normaliseHeader } from '../detect-headers.ts';
import { InputError } from './errors.ts';

export type AmountConvention = 'debit_credit' | 'direction' | 'signed';

const settings = 'openItems.columns.ledger';

/** Headers that name a debit or a credit column (normalised, see normaliseHeader). */
export const debitHeaders = ['debit', 'debit eur', 'montant debit', 'mouvement debit', 'soll', 'debit amount', 'debit lcy'];
export const creditHeaders = ['credit', 'credit eur', 'montant credit', 'mouvement credit', 'haben', 'credit amount', 'credit lcy'];

/**
 * The header's debit or credit column that the mapping does not read while the amount is read
 * from one column: half of the entries (the credits, or the debits) would be lost or rejected.
 */
function unreadSide(header: string[], read: string[]): { side: 'debit' | 'credit'; column: string; partner: string } | null {
  const find = (names: string[]) => header.find((h) => names.includes(normaliseHeader(h)));
  const [debit, credit] = [find(debitHeaders), find(creditHeaders)];
  if (!debit || !credit) return null;
  if (read.includes(debit) && !read.includes(credit)) return { side: 'credit', column: credit, partner: debit };
  if (read.includes(credit) && !read.includes(debit)) return { side: 'debit', column: debit, partner: credit };
  return null;
}

/**
 * A documents-shape file whose amount is one of a Débit/Crédit pair (a ledger exported as
 * invoices): the other side's lines would be rejected as "amount '' is not a number" and the
 * receivables come out as if nothing were paid or credited. Stops, naming the shape that reads it.
 */
export function stopOnHalfOfDebitCredit(kind: string, present: { ours: string; theirs: string }[], header: string[], sourceFile: string): void {
  const amount = present.find((c) => c.ours === 'amount')?.theirs;
  const unread = amount ? unreadSide(header, [amount]) : null;
  if (!unread) return;
  throw new InputError(
    sourceFile,
    1,
    `the ${kind} file has a "${unread.partner}" and a "${unread.column}" column, and only "${unread.partner}" is read as the amount (openItems.columns.${kind}.amount): every ${unread.side} line would be lost. ` +
      `Read it as a customer ledger (openItems.shape "ledger", with openItems.columns.ledger.debit and .credit; see docs/export-shapes.md), or map the amount to a column that holds every line's amount`,
  );
}

/** The file's convention, from the columns its header has under the mapping; throws when none or two are mapped. */
export function ledgerAmountConvention(present: { ours: string; theirs: string }[], sourceFile: string, header: string[] = []): AmountConvention {
  const has = (ours: string) => present.find((c) => c.ours === ours)?.theirs;
  const [debit, credit, amount, direction] = [has('debit'), has('credit'), has('amount'), has('direction')];
  const unread = amount ? unreadSide(header, [amount]) : null;
  if (unread) {
    throw new InputError(
      sourceFile,
      1,
      `the ledger file's amount is "${unread.partner}" (${settings}.amount), and its "${unread.column}" column is not read: every ${unread.side} line would be lost. Map ${settings}.debit and ${settings}.credit instead of ${settings}.amount`,
    );
  }
  const stop = (detail: string) => new InputError(sourceFile, 1, `${detail}. A ledger's amounts are read one way: a debit and a credit column (${settings}.debit and .credit), an amount and a direction column (${settings}.amount and .direction), or a signed amount, a debit positive (${settings}.amount alone)`);
  if ((debit || credit) && amount) {
    throw stop(`the ledger file has both a debit/credit column ("${debit ?? credit}") and an amount column ("${amount}") mapped, and they may disagree`);
  }
  if (debit && credit) return 'debit_credit';
  if (debit || credit) {
    throw stop(`the ledger file has a ${debit ? 'debit' : 'credit'} column ("${debit ?? credit}") and no ${debit ? 'credit' : 'debit'} column: half of its entries would be missing`);
  }
  if (amount) return direction ? 'direction' : 'signed';
  if (direction) throw stop(`the ledger file has a direction column ("${direction}") and no amount column`);
  throw stop('the ledger file has no amount: none of its columns is mapped as debit, credit or amount');
}

/** How the run's log says it (`… read as windows-1252, decimal comma, Débit/Crédit`). */
export function describeConvention(convention: AmountConvention, present: { ours: string; theirs: string }[]): string {
  const name = (ours: string) => present.find((c) => c.ours === ours)?.theirs ?? ours;
  if (convention === 'debit_credit') return `amounts in "${name('debit')}" and "${name('credit')}"`;
  if (convention === 'direction') return `amounts in "${name('amount')}", their direction in "${name('direction')}"`;
  return `signed amounts in "${name('amount')}" (a debit positive)`;
}
