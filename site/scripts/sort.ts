// How a sortable table orders its rows (site/scripts/sortable.ts does the clicking): each cell's
// key is its data-sort value when it has one (raw numbers, ISO dates), else its text. Numbers
// compare as numbers, an empty key always goes last, ties keep their current order.

export type SortType = 'number' | 'text';
export type Direction = 'ascending' | 'descending';

/** Compares two cell keys in `direction`; empty keys last whichever the direction. */
export function compareKeys(a: string, b: string, type: SortType, direction: Direction, locale = 'fr'): number {
  const emptyA = a.trim() === '';
  const emptyB = b.trim() === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  const sign = direction === 'ascending' ? 1 : -1;
  if (type === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? 0 : Number.isNaN(x) ? 1 : -1;
    return sign * (x - y);
  }
  return sign * a.localeCompare(b, locale, { sensitivity: 'base', numeric: true });
}

/** The rows' new order (a stable sort of `keys`), as indices into the original list. */
export function sortedOrder(keys: readonly string[], type: SortType, direction: Direction, locale = 'fr'): number[] {
  return keys
    .map((key, index) => ({ key, index }))
    .sort((a, b) => compareKeys(a.key, b.key, type, direction, locale) || a.index - b.index)
    .map((entry) => entry.index);
}

/** The direction after a click: a new column starts descending for numbers, ascending for text. */
export function nextDirection(current: Direction | null, type: SortType): Direction {
  if (current === null) return type === 'number' ? 'descending' : 'ascending';
  return current === 'ascending' ? 'descending' : 'ascending';
}
