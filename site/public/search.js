// Filters the clients table as you type: rows whose data-search text holds every word typed.
const input = document.getElementById('client-search');
const rows = [...document.querySelectorAll('#clients-table tbody tr')];
input?.addEventListener('input', () => {
  const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
  for (const row of rows) row.hidden = !words.every((w) => row.dataset.search.includes(w));
});
