// The build's language: ENCOURS_LANG ('fr' by default, or 'en'). An unknown language stops the
// build with a message rather than publishing a site in a language nobody asked for.
import { en } from './en.ts';
import { fr, type Labels } from './fr.ts';

export type { Labels };
export const languages = { fr, en } as const satisfies Record<string, Labels>;
export type Language = keyof typeof languages;

export function language(requested = process.env.ENCOURS_LANG): Language {
  const name = requested || 'fr';
  if (!Object.hasOwn(languages, name)) throw new Error(`ENCOURS_LANG=${name}: expected one of ${Object.keys(languages).join(', ')}`);
  return name as Language;
}

export const t: Labels = languages[language()];
