// The event site/scripts/list.ts fires on a table once every row of its list is in it.
export const rowsLoaded = 'encours:rows-loaded';

/** Runs `then` once `table`'s rows are all there: now for a table without data-rows, else on the event. */
export function whenRowsLoaded(table: HTMLElement, then: () => void): void {
  if (!table.dataset.rows || table.dataset.loaded === 'true') then();
  else table.addEventListener(rowsLoaded, then, { once: true });
}
