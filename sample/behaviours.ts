// How the sample company's clients pay: the behaviours a credit manager recognises, each a rule
// for the days late of one invoice. A null lateness means the invoice is never paid.
//
// Calibrated on published French figures (see docs/guide.md, "The bundled sample"):
// - Altares, payment behaviour of French companies (2023–2024): about 49 % pay on time, the
//   average delay is about 13 days, about 8 % pay more than 30 days late → 'prompt' 51 % (some
//   of them on cash terms, where a day late is easy; 8 % of their invoices a few days late),
//   'moderate' ones about 11 days late on average, 'chronic' ones 10–36 days late; the sample
//   gives 49 % of invoices paid on time and 9 % more than 30 days late (docs/guide.md);
// - Banque de France, délais de paiement: customer terms about 43 days of sales (terms plus delay):
//   the sample's DSO is about 43 days;
// - insolvencies and defaults: a few percent of business clients a year (2–4 %) → the default
//   chances below, over the 36 months of the sample, about 3 % a year in all.
import { randomExponential, randomNormal, randomUniform } from 'd3-random';

export type Behaviour = 'prompt' | 'moderate' | 'chronic' | 'seasonal' | 'deteriorating' | 'new';

/** Shares of the client base, in the order drawn. */
export const behaviourShares: [Behaviour, number][] = [
  ['prompt', 0.51],
  ['moderate', 0.26],
  ['chronic', 0.07],
  ['seasonal', 0.05],
  ['deteriorating', 0.07],
  ['new', 0.04],
];

/**
 * Chance, over the 36 months, that a client of this behaviour fails without a long decline (it pays
 * later for a few months, then stops): riskier payers fail more often. A deteriorating client
 * fails at the end of its decline instead (deteriorationDefaultShare).
 */
export const suddenDefaultChance: Record<Behaviour, number> = {
  prompt: 0.03,
  moderate: 0.07,
  chronic: 0.18,
  seasonal: 0.07,
  deteriorating: 0,
  new: 0.07,
};

export const deteriorationDefaultShare = 0.6;

export interface PaymentHabit {
  behaviour: Behaviour;
  /** Month index (0 = Nov 2023) from which a deteriorating client pays later and later. */
  deteriorationStart?: number;
  /** Extra days late gained per month after the deterioration start. */
  deteriorationSlope?: number;
  /** The most days late a deteriorating client that does not fail reaches. */
  deteriorationCap?: number;
  /** From this date on, a defaulting client pays nothing. */
  defaultDate?: Date;
  /** Extra days late on invoices due in the months before the default (the warning signs). */
  warningDays?: number;
}

const DAY = 86_400_000;

export function makeLateness(source: () => number) {
  const normal = randomNormal.source(source);
  const exponential = randomExponential.source(source);
  const uniform = randomUniform.source(source);
  const summerOrDecember = (due: Date) => [6, 7, 11].includes(due.getUTCMonth());

  /** Days between the due date and the payment, for one invoice. */
  return function lateness(habit: PaymentHabit, due: Date, month: number): number {
    return Math.round(usual(habit, due, month) + warning(habit, due));
  };

  function usual(habit: PaymentHabit, due: Date, month: number): number {
    switch (habit.behaviour) {
      case 'prompt':
        // On time, a few days early; now and then a few days late (a missed payment run).
        return source() < 0.08 ? uniform(1, 12)() : normal(-3, 2)();
      case 'new':
        return normal(3, 5)();
      case 'moderate':
        return 4 + exponential(1 / 7)() + normal(0, 3)();
      case 'chronic':
        // Slow payers; one invoice in 80 waits far longer (a cash squeeze), sometimes past 90 days.
        return source() < 0.0125 ? uniform(60, 110)() : uniform(10, 36)();
      case 'seasonal':
        return summerOrDecember(due) ? normal(22, 8)() : normal(2, 4)();
      case 'deteriorating': {
        // A decline that does not end in failure levels off at 30–60 days late.
        const drift = Math.max(0, month - (habit.deteriorationStart ?? 99)) * (habit.deteriorationSlope ?? 0);
        return normal(2, 3)() + (habit.defaultDate ? drift : Math.min(drift, habit.deteriorationCap ?? 45));
      }
    }
  }

  /** A failing company pays later and later in the few months before it stops. */
  function warning(habit: PaymentHabit, due: Date): number {
    if (!habit.defaultDate || !habit.warningDays) return 0;
    const monthsBefore = (habit.defaultDate.getTime() - due.getTime()) / DAY / 30.4;
    return monthsBefore < 8 ? habit.warningDays * (1 - Math.max(0, monthsBefore) / 8) : 0;
  }
}
