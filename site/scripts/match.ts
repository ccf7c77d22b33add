// Whether a table row passes the filters above its table (site/scripts/filter.ts reads them from
// the page): every filter must accept the row's data attribute of its key.

export type Filter =
  /** A <select>: the row's value equals the chosen one ('' accepts every row). */
  | { kind: 'select'; key: string; value: string }
  /** A checkbox: when ticked, the row's value equals the box's value. */
  | { kind: 'checkbox'; key: string; value: string; checked: boolean }
  /** A <select data-match="token">: the row's value, a space-separated list, holds the chosen one. */
  | { kind: 'token'; key: string; value: string }
  /** A search box: the row's (lower-case) text holds every word typed, in any order. */
  | { kind: 'search'; key: string; value: string };

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
      case 'search':
        return filter.value.toLowerCase().split(/\s+/).filter(Boolean).every((word) => own.includes(word));
    }
  });
}

/** Whether any filter narrows the rows (the count of shown rows is said only then). */
export function isActive(filter: Filter): boolean {
  return filter.kind === 'checkbox' ? filter.checked : filter.value.trim() !== '';
}
