// The build's language: ENCOURS_LANG ('fr' by default, or 'en').
import { en } from './en.ts';
import { fr, type Labels } from './fr.ts';

export type { Labels };
export const languages = { fr, en } as const;
export type Language = keyof typeof languages;

export function language(): Language {
  const requested = process.env.ENCOURS_LANG ?? 'fr';
  return requested in languages ? (requested as Language) : 'fr';
}

export const t: Labels = languages[language()];
