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

describe('one name per measure (docs/rules.md, "One name per measure")', () => {
  it('names each days-late measure its own way, and one measure the same way wherever it is shown', async () => {
    const { financeLanguages } = await import('../../site/lib/i18n/finance.ts');
    const { deskLanguages } = await import('../../site/lib/i18n/desk.ts');
    const { legalLanguages } = await import('../../site/lib/i18n/legal.ts');
    for (const lang of ['fr', 'en'] as const) {
      const core = languages[lang];
      const legal = legalLanguages[lang];
      const finance = financeLanguages[lang];
      const desk = deskLanguages[lang];
      const names = {
        // kpi_monthly.avg_days_late (segments), client_months.avg_days_late (a client's months), collector_performance.days_beyond_terms (a rep's months)
        monthSettled: [core.segments.daysLate, core.behaviour.daysLate, desk.rep.daysBeyondTerms],
        settled12m: [core.behaviour.daysLate12m, legal.benchmarks.measures.days_late ?? ''], // client_behaviour.days_late_12m, sector_benchmarks' days_late
        score12m: [finance.scores.features.days_late_12m ?? ''], // the score's, early counted as 0
        add: [finance.kpis.add], // DSO − best-possible DSO
      };
      const expected = lang === 'fr'
        ? { monthSettled: 'Retard au règlement (j)', settled12m: 'Retard au règlement (12 mois)', score12m: 'Retard au règlement sur 12 mois, avance comptée 0', add: 'Retard de l’encours (ADD)' }
        : { monthSettled: 'Days late at settlement', settled12m: 'Days late at settlement (12 months)', score12m: 'Days late at settlement over 12 months, early counted as 0', add: 'Days delinquent (ADD)' };
      for (const [measure, shown] of Object.entries(names)) expect(shown.map((name) => [measure, name])).toEqual(shown.map(() => [measure, expected[measure as keyof typeof expected]]));
      // "Retard moyen" once named three of these at once.
      expect(Object.values(names).flat().filter((name) => /retard moyen|average days late|avg\. days late/i.test(name))).toEqual([]);
    }
  });
});
