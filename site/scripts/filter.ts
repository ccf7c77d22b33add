// Filters above a table: each control with data-filter="KEY" and data-table="ID" — a <select>, a
// checkbox or a search box (site/scripts/match.ts says how each one matches) — hides the rows of
// table ID whose data-KEY it does not accept. An <output data-count-for="ID" data-shown="… {n} …">
// says how many rows are left. The controls' .filters box is hidden until this script runs, so
// without JavaScript the table simply shows every row.
import { isActive, rowMatches, type Filter } from './match.ts';

type Control = HTMLSelectElement | HTMLInputElement;
const controls = [...document.querySelectorAll<Control>('[data-filter][data-table]')];

function filterOf(control: Control): Filter {
  const key = control.dataset.filter!;
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return { kind: 'checkbox', key, value: control.value, checked: control.checked };
  if (control instanceof HTMLInputElement) return { kind: 'search', key, value: control.value };
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

for (const control of controls) {
  const box = control.closest('.filters');
  box?.removeAttribute('hidden');
  box?.closest('form')?.addEventListener('submit', (event) => event.preventDefault());
  control.addEventListener(control instanceof HTMLInputElement && control.type !== 'checkbox' ? 'input' : 'change', () => apply(control.dataset.table ?? ''));
}
