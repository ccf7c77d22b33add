// Labels: one file per language, the same keys in each, the language chosen by ENCOURS_LANG.
import { describe, expect, it } from 'vitest';

import { language, languages } from '../../site/lib/i18n/index.ts';
import { navigation } from '../../site/lib/nav.ts';

/** Every key path of a labels object ('overview.title', 'buckets.range', …). */
function keys(labels: object, prefix = ''): string[] {
  return Object.entries(labels).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('languages', () => {
  it('French and English have exactly the same labels', () => {
    expect(keys(languages.en).sort()).toEqual(keys(languages.fr).sort());
  });

  it('no label is left empty', () => {
    for (const [name, labels] of Object.entries(languages)) {
      for (const path of keys(labels)) {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], labels);
        if (typeof value === 'string') expect(value.trim(), `${name}: ${path}`).not.toBe('');
      }
    }
  });

  it('every page of the top bar has its label in each language', () => {
    for (const labels of Object.values(languages)) for (const item of navigation) expect(labels.nav[item.key]).toBeTruthy();
  });

  it('label functions put their arguments where the sentence needs them', () => {
    expect(languages.fr.overview.overdueShare('30,7 %')).toBe("30,7 % de l'encours");
    expect(languages.en.clients.count('1,093')).toBe('1,093 clients with open items, largest first.');
  });
});

describe('language', () => {
  it('is French unless asked otherwise', () => {
    expect(language('')).toBe('fr');
    expect(language('fr')).toBe('fr');
    expect(language('en')).toBe('en');
  });

  it('stops the build on a language it does not have', () => {
    expect(() => language('de')).toThrow(/ENCOURS_LANG=de: expected one of fr, en/);
  });
});

describe('the filters’ “all” option in French', () => {
  it('agrees with its filter’s noun: un segment, un commercial → Tous; une note, une étape, une tranche → Toutes', async () => {
    const { financeLanguages } = await import('../../site/lib/i18n/finance.ts');
    const { fr } = languages;
    // As a French page shows them: "Commercial : Tous", never "Commercial : Toutes" or "Tranche : Tous".
    expect([`${fr.clients.filterSegment} : ${fr.clients.all.segment}`, `${fr.clients.filterGrade} : ${fr.clients.all.grade}`, `${fr.clients.filterRep} : ${fr.clients.all.rep}`,
      `${fr.ageing.filterBucket} : ${fr.clients.all.bucket}`]).toEqual(['Segment : Tous', 'Note : Toutes', 'Commercial : Tous', 'Tranche : Toutes']);
    const desk = financeLanguages.fr.collections;
    expect([`${desk.filterStage} : ${desk.all.stage}`, `${desk.filterRep} : ${desk.all.rep}`, `${desk.filterSegment} : ${desk.all.segment}`])
      .toEqual(['Étape : Toutes', 'Commercial : Tous', 'Segment : Tous']);
  });
});
