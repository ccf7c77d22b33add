// Links and small rules of the collections desk's pages: where a client's statement and letter
// and a sales rep's page and digest live, and whether the data is too old to chase from.
import { baseUrl } from './nav.ts';
import { clientSlug } from './slug.ts';

/** A sales rep's name as a URL segment: the same reversible escape as client ids (site/lib/slug.ts). */
export const repSlug = (rep: string) => clientSlug(rep);

export const statementHref = (base: string, clientId: string) => `${baseUrl(base)}clients/${clientSlug(clientId)}/statement/`;
export const letterHref = (base: string, clientId: string) => `${baseUrl(base)}clients/${clientSlug(clientId)}/letter/`;
export const repHref = (base: string, rep: string) => `${baseUrl(base)}reps/${repSlug(rep)}/`;
export const digestHref = (base: string, rep: string, ext: 'html' | 'csv') => `${baseUrl(base)}digest/${repSlug(rep)}.${ext}`;

/**
 * Whole days from the data's as-of date to the build date, and whether that is more than
 * `staleAfterDays` (collections.staleAfterDays): the worklist warns rather than send people to
 * chase invoices that may have been paid since.
 */
export function staleness(asOf: string, buildDate: Date, staleAfterDays: number | null): { days: number; isStale: boolean } {
  const days = Math.floor((Date.UTC(buildDate.getUTCFullYear(), buildDate.getUTCMonth(), buildDate.getUTCDate()) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
  // The setting comes from the warehouse (company.stale_after_days); without it, nothing to warn against.
  return { days, isStale: staleAfterDays !== null && days > staleAfterDays };
}

/** The build date: ENCOURS_BUILD_DATE (YYYY-MM-DD, for reproducible builds and tests), else today. */
export function buildDate(): Date {
  const pinned = process.env.ENCOURS_BUILD_DATE;
  return pinned ? new Date(`${pinned}T00:00:00Z`) : new Date();
}

/**
 * The day a letter is produced — the build date, the nightly's run day — and its payment deadline
 * `deadlineDays` (collections.paymentDeadlineDays, the `company` table) after it, as YYYY-MM-DD.
 * The warehouse cannot know them (the same warehouse builds on later days), and a deadline
 * counted from the as-of date had already passed on the day the letter was printed.
 */
export function letterDates(built: Date, deadlineDays: number): { letterDate: string; deadlineDate: string } {
  const day = Date.UTC(built.getUTCFullYear(), built.getUTCMonth(), built.getUTCDate());
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { letterDate: iso(day), deadlineDate: iso(day + deadlineDays * 86_400_000) };
}

/** A phone number as a tel: link, its digits and a leading + kept ('04 72 00 00 00' → 'tel:0472000000'). */
export const telHref = (phone: string) => `tel:${phone.replace(/(?!^\+)[^\d]/g, '')}`;

/** An e-mail address as a mailto: link (the contacts file keeps only valid addresses). */
export const mailtoHref = (email: string) => `mailto:${email}`;

/**
 * The data date the worklist's "new" rows are new since: the as-of date of the latest earlier run
 * that had older data (run_history.json, newest first), or null when there is none — a row is
 * then new when its client reached its stage on this data's own date.
 */
export function previousDataDate(asOf: string, history: readonly { as_of_date: string }[]): string | null {
  return history.map((run) => run.as_of_date).find((date) => date < asOf) ?? null;
}

/** Whether a worklist client reached its current stage since the previous data (see previousDataDate). */
export function isNewSince(stageStarted: string | null, asOf: string, previous: string | null): boolean {
  if (!stageStarted) return false;
  return previous === null ? stageStarted >= asOf : stageStarted > previous;
}

/**
 * The client page's "last payment" tile: its date and amount; "never" only when the exports date
 * settlements at all (run_summary.has_settlements) — an open-balance snapshot on its first night
 * dates none, and a client that paid part of an invoice would read as one that never paid.
 */
export function lastPaymentTile(
  client: { last_payment_date: string | null; last_payment_amount: number | null },
  hasSettlements: boolean,
  labels: { noPayment: string; paymentUnknown: string; paymentUnknownNote: string },
  fmt: { date: (iso: string) => string; moneyCents: (v: number) => string },
): { value: string; note?: string } {
  if (client.last_payment_date) return { value: fmt.date(client.last_payment_date), ...(client.last_payment_amount === null ? {} : { note: fmt.moneyCents(client.last_payment_amount) }) };
  return hasSettlements ? { value: labels.noPayment } : { value: labels.paymentUnknown, note: labels.paymentUnknownNote };
}
