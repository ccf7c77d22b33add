// Download buttons: each <button data-download="TABLE_ID"> saves the table's visible rows as CSV
// with the page's separators. Cells give their raw value in data-csv when they carry one, else
// their text, a number shown formatted ('1 234,56 €') written plain with the page's decimal sign,
// a date in data-csv as the page's language writes it in a spreadsheet (csv.ts, csvDate).
import { csvDelimiter, csvFile, csvValue, plainNumberOf } from './csv.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const table = document.getElementById(button.dataset.download ?? '');
    if (!(table instanceof HTMLTableElement)) return;
    const french = document.documentElement.lang === 'fr';
    const cellText = (cell: Element) => {
      const text = cell.textContent?.trim() ?? '';
      const raw = (cell as HTMLElement).dataset.csv;
      return raw !== undefined ? csvValue(raw, document.documentElement.lang) : (plainNumberOf(text, french ? ',' : '.') ?? text);
    };
    const header = [...table.tHead!.rows[0]!.cells].map(cellText);
    const rows = [...table.tBodies[0]!.rows].filter((row) => !row.hidden).map((row) => [...row.cells].map(cellText));
    const blob = new Blob([csvFile(header, rows, csvDelimiter(document.documentElement.lang))], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${button.dataset.filename ?? 'encours'}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  });
}
