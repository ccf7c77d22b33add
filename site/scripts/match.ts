// Whether a table row passes the filters above its table (site/scripts/filter.ts reads them from
// the page): every filter must accept the row's data attribute of its key.

export type Filter =
  /** A <select>: the row's value equals the chosen one ('' accepts every row). */
  | { kind: 'select'; key: string; value: string }
  /** A checkbox: when ticked, the row's value equals the box's value. */
  | { kind: 'checkbox'; key: string; value: string; checked: boolean }
  /** A <select data-match="token">: the row's value, a space-separated list, holds the chosen one. */
  | { kind: 'token'; key: string; value: string }
  /** A search box: the row's text holds every word typed, in any order, case and accents aside ('francois' finds 'François'). */
  | { kind: 'search'; key: string; value: string };

/**
 * Text as search compares it: lower case, accents and other combining marks removed (NFD), ligatures
 * spelt out ('Œ' → 'oe'). The lists' data-search is folded once at build (site/lib/list-rows.ts); the
 * words typed are folded here.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').replace(/ß/g, 'ss').toLowerCase();
}

export function rowMatches(filters: readonly Filter[], data: Readonly<Record<string, string | undefined>>): boolean {
  return filters.every((filter) => {
    const own = data[filter.key] ?? '';
    switch (filter.kind) {
      case 'select':
        return filter.value === '' || own === filter.value;
      case 'token':
        return filter.value === '' || own.split(' ').includes(filter.value);
      case 'checkbox':
        return !filter.checked || own === filter.value;
      case 'search': {
        const text = foldText(own);
        return foldText(filter.value).split(/\s+/).filter(Boolean).every((word) => text.includes(word));
      }
    }
  });
}

/** Whether any filter narrows the rows (the count of shown rows is said only then). */
export function isActive(filter: Filter): boolean {
  return filter.kind === 'checkbox' ? filter.checked : filter.value.trim() !== '';
}
