// Select filters above a table: each <select data-filter="KEY" data-table="ID"> hides the rows
// whose data-KEY differs from the chosen value ('' shows all). The table reads fine without it.
const selects = [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
for (const select of selects) {
  select.closest('.filters')?.removeAttribute('hidden');
  select.addEventListener('change', () => {
    const table = document.getElementById(select.dataset.table ?? '');
    if (!table) return;
    const active = selects.filter((s) => s.dataset.table === select.dataset.table && s.value !== '');
    for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
      row.hidden = !active.every((s) => row.dataset[s.dataset.filter!] === s.value);
    }
  });
}
