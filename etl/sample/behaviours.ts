// How the sample company's clients pay: the behaviours a credit manager recognises, each a rule
// for the days late of one invoice. A null lateness means the invoice is never paid.
import { randomExponential, randomNormal, randomUniform } from 'd3-random';

export type Behaviour = 'prompt' | 'moderate' | 'chronic' | 'seasonal' | 'deteriorating' | 'new';

/** Shares of the client base, in the order drawn. */
export const behaviourShares: [Behaviour, number][] = [
  ['prompt', 0.45],
  ['moderate', 0.25],
  ['chronic', 0.12],
  ['seasonal', 0.08],
  ['deteriorating', 0.06],
  ['new', 0.04],
];

export interface PaymentHabit {
  behaviour: Behaviour;
  /** Month index (0 = Nov 2023) from which a deteriorating client pays later and later. */
  deteriorationStart?: number;
  /** Extra days late gained per month after the deterioration start. */
  deteriorationSlope?: number;
  /** From this date on, a defaulting client pays nothing. */
  defaultDate?: Date;
}

export function makeLateness(source: () => number) {
  const normal = randomNormal.source(source);
  const exponential = randomExponential.source(source);
  const uniform = randomUniform.source(source);
  const summerOrDecember = (due: Date) => [6, 7, 11].includes(due.getUTCMonth());

  /** Days between the due date and the payment, for one invoice; null when never paid. */
  return function lateness(habit: PaymentHabit, due: Date, month: number): number {
    switch (habit.behaviour) {
      case 'prompt':
      case 'new':
        return Math.round(normal(-1, 3)());
      case 'moderate':
        return Math.round(5 + exponential(1 / 10)() + normal(0, 3)());
      case 'chronic':
        return Math.round(uniform(20, 60)());
      case 'seasonal':
        return Math.round(summerOrDecember(due) ? normal(40, 10)() : normal(2, 4)());
      case 'deteriorating': {
        const drift = Math.max(0, month - (habit.deteriorationStart ?? 99)) * (habit.deteriorationSlope ?? 0);
        return Math.round(normal(2, 3)() + drift);
      }
    }
  };
}
