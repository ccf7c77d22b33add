// Due dates of the sample company's invoices, from the terms written on its client records. The
// sample needs only its own handful of phrasings; reading terms from real exports is the job of
// the ETL's terms parser.

/** Calendar helpers on UTC dates (the sample never depends on the machine's time zone). */
export function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));
}

export function endOfMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
}

/** The sample's terms, as people write them, with how each one sets the due date. */
export const sampleTerms = {
  '30 jours fin de mois': (d: Date) => endOfMonth(addDays(d, 30)),
  '45 jours fin de mois': (d: Date) => endOfMonth(addDays(d, 45)),
  '60 jours date de facture': (d: Date) => addDays(d, 60),
  '30 jours date de facture': (d: Date) => addDays(d, 30),
  '30 jours fin de mois le 10': (d: Date) => addDays(endOfMonth(addDays(d, 30)), 10),
  'net 30': (d: Date) => addDays(d, 30),
  comptant: (d: Date) => d,
  'à réception': (d: Date) => d,
  '90 jours date de facture': (d: Date) => addDays(d, 90),
} as const satisfies Record<string, (issue: Date) => Date>;

export type SampleTerms = keyof typeof sampleTerms;

export function dueDate(issue: Date, terms: SampleTerms): Date {
  return sampleTerms[terms](issue);
}
