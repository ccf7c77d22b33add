// The dunning letters and account statements, their codes narrowed to what the letter page knows how to word. The
// worklist, collections log, disputes, letter lines, rep performance and the
// company's details are read with read() (site/lib/read.ts).
import { read, type Filter } from '../read.ts';
import type { LegalBasis } from '../i18n/desk.ts';
import type { TableRow } from './tables.ts';

/** A dunning letter (the `letters` mart): its language and law, what it claims, whether it can be posted. */
export type LetterRow = TableRow<'letters'> & { letter: 'preventive_reminder' | 'reminder_1' | 'reminder_2' | 'formal_notice'; letter_language: 'fr' | 'en'; legal_basis: LegalBasis };

// The mart's contract declares these codes (letters.json); the narrower type is the page's words for them.
export const letters = (filter: Filter<'letters'> = {}) => read('letters', filter) as Promise<LetterRow[]>;

/** An account statement (the `statements` mart), in its client's language as its letter. */
export type StatementRow = TableRow<'statements'> & { statement_language: 'fr' | 'en' };

export const statements = (filter: Filter<'statements'> = {}) => read('statements', filter) as Promise<StatementRow[]>;
