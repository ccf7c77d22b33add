// Filters above a table: each control with data-filter="KEY" and data-table="ID" — a <select>, a
// checkbox or a search box (site/scripts/match.ts says how each one matches) — hides the rows of
// table ID whose data-KEY it does not accept. An <output data-count-for="ID" data-shown="… {n} …">
// says how many rows are left. The controls' .filters box is hidden until this script runs (for a
// long list, until all its rows are loaded: site/scripts/list.ts), so without JavaScript the table
// simply shows its rows. A filter can come from the URL: ?KEY=value (a checkbox: ?KEY=its value).
import { isActive, rowMatches, type Filter } from './match.ts';
import { whenRowsLoaded } from './rows-event.ts';

type Control = HTMLSelectElement | HTMLInputElement;
const controls = [...document.querySelectorAll<Control>('[data-filter][data-table]')];
const fromUrl = new URLSearchParams(location.search);

function filterOf(control: Control): Filter {
  const key = control.dataset.filter!;
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return { kind: 'checkbox', key, value: control.value, checked: control.checked };
  if (control instanceof HTMLInputElement) return { kind: 'search', key, value: control.value };
  if (control.dataset.match === 'token') return { kind: 'token', key, value: control.value };
  return { kind: 'select', key, value: control.value };
}

function apply(tableId: string): void {
  const table = document.getElementById(tableId);
  if (!table) return;
  const filters = controls.filter((c) => c.dataset.table === tableId).map(filterOf);
  let shown = 0;
  for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
    row.hidden = !rowMatches(filters, row.dataset);
    if (!row.hidden) shown++;
  }
  const count = document.querySelector<HTMLOutputElement>(`output[data-count-for="${CSS.escape(tableId)}"]`);
  if (count) count.textContent = filters.some(isActive) ? (count.dataset.shown ?? '{n}').replace('{n}', shown.toLocaleString(document.documentElement.lang)) : '';
}

/** Sets a control to the URL's value for its key, when the URL has one it accepts. */
function takeFromUrl(control: Control): void {
  const value = fromUrl.get(control.dataset.filter!);
  if (value === null) return;
  if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value === control.value;
  else if (control instanceof HTMLSelectElement) {
    if ([...control.options].some((o) => o.value === value)) control.value = value;
  } else control.value = value;
}

const tables = new Set(controls.map((c) => c.dataset.table ?? ''));
for (const control of controls) {
  takeFromUrl(control);
  control.closest('form')?.addEventListener('submit', (event) => event.preventDefault());
  control.addEventListener(control instanceof HTMLInputElement && control.type !== 'checkbox' ? 'input' : 'change', () => apply(control.dataset.table ?? ''));
}
for (const tableId of tables) {
  const table = document.getElementById(tableId);
  if (!table) continue;
  whenRowsLoaded(table, () => {
    for (const control of controls.filter((c) => c.dataset.table === tableId)) control.closest('.filters')?.removeAttribute('hidden');
    // A filter from the URL, or one that narrows by default (the clients list shows those with open items until asked for all).
    if (controls.some((c) => c.dataset.table === tableId && (fromUrl.has(c.dataset.filter!) || isActive(filterOf(c))))) apply(tableId);
  });
}
