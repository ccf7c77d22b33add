// Filters the clients table as you type: a row stays when its data-search text holds every word.
// Progressive enhancement: the form is hidden until this script runs.
const form = document.querySelector('form.search');
const input = document.getElementById('client-search');
const count = document.getElementById('client-search-count');
const rows = [...document.querySelectorAll('#clients-table tbody tr')];
if (form && input && count) {
  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      row.hidden = !words.every((w) => row.dataset.search.includes(w));
      if (!row.hidden) shown++;
    }
    count.textContent = words.length ? form.dataset.shown.replace('{n}', shown.toLocaleString(document.documentElement.lang)) : '';
  });
}
