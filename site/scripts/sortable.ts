// Sortable tables: in a <table data-sortable>, each header with data-sort-type ('number' or 'text')
// becomes a button that sorts the body rows by that column (again: the other way). The table is
// built already sorted, so without JavaScript it reads the same, only without the buttons. A
// header with data-sort-key="KEY" can be chosen by the URL (?sort=KEY): largest first (numbers)
// or A to Z, once a long list's rows are all loaded (site/scripts/list.ts).
import { nextDirection, sortedOrder, type Direction, type SortType } from './sort.ts';
import { whenRowsLoaded } from './rows-event.ts';

const wanted = new URLSearchParams(location.search).get('sort');

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
  const headers = [...table.tHead!.rows[0]!.cells] as HTMLTableCellElement[];
  const sortBy = (column: number, type: SortType, direction: Direction) => {
    const body = table.tBodies[0]!;
    const rows = [...body.rows];
    const keys = rows.map((row) => {
      const cell = row.cells[column] as HTMLElement | undefined;
      return cell?.dataset.sort ?? cell?.textContent?.trim() ?? '';
    });
    body.append(...sortedOrder(keys, type, direction, document.documentElement.lang).map((i) => rows[i]!));
    for (const other of headers) other.removeAttribute('aria-sort');
    headers[column]!.setAttribute('aria-sort', direction);
  };
  headers.forEach((header, column) => {
    const type = header.dataset.sortType as SortType | undefined;
    if (type !== 'number' && type !== 'text') return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...header.childNodes);
    header.append(button);
    button.addEventListener('click', () => {
      const current = (header.getAttribute('aria-sort') as Direction | null) ?? null;
      sortBy(column, type, nextDirection(current, type));
    });
    if (wanted && header.dataset.sortKey === wanted) whenRowsLoaded(table, () => sortBy(column, type, type === 'number' ? 'descending' : 'ascending'));
  });
}
