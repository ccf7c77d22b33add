// Long lists (site/lib/lists.ts): a <table data-rows="URL"> holds one page of rows from the server;
// this loads every row's values from URL (rows.arrow, an Arrow file: site/lib/list-file.ts), makes
// the rows with the server's own functions (site/lib/list-rows.ts), draws them in the table (as
// text: nothing is parsed as HTML), hides the pager and tells the filters and the sorting, which
// then work on all rows. On the encrypted site every file is encrypted: site/unlock/unlock.js
// offers a decrypting fetch (globalThis.encoursFetch), used when it is there.
import { t } from '../lib/i18n/index.ts';
import { listFileRows } from '../lib/list-rows.ts';
import type { Cell, ListRow } from '../lib/lists.ts';
import { makeFormat } from '../lib/make-format.ts';
import './filter.ts';
import { rowsLoaded } from './rows-event.ts';
import './sortable.ts';

declare global {
  // eslint-disable-next-line no-var
  var encoursFetch: ((path: string) => Promise<Response>) | undefined;
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-rows]')) void load(table);

async function load(table: HTMLTableElement): Promise<void> {
  const url = new URL(table.dataset.rows ?? '', location.href).pathname;
  const response = await (globalThis.encoursFetch ?? fetch)(url);
  if (!response.ok) return;
  const base = import.meta.env.BASE_URL;
  const rows = listFileRows(new Uint8Array(await response.arrayBuffer()), (currency) => ({ base, format: makeFormat(t.locale, currency, t) }));
  const body = table.tBodies[0]!;
  body.replaceChildren(...rows.map(drawRow));
  table.dataset.loaded = 'true';
  for (const pager of document.querySelectorAll<HTMLElement>(`[data-pager-for="${CSS.escape(table.id)}"]`)) pager.hidden = true;
  table.dispatchEvent(new CustomEvent(rowsLoaded, { bubbles: true }));
}

function drawRow(row: ListRow): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const [key, value] of Object.entries(row.d ?? {})) tr.dataset[key] = value;
  tr.append(...row.c.map(drawCell));
  return tr;
}

function drawCell(cell: Cell): HTMLTableCellElement {
  const element = document.createElement(cell.r ? 'th' : 'td');
  if (cell.r) element.scope = 'row';
  if (cell.k) element.className = cell.k;
  if (cell.c !== undefined) element.dataset.csv = cell.c;
  if (cell.s !== undefined) element.dataset.sort = cell.s;
  element.append(cell.h ? link(cell.t, cell.h) : cell.b ? tag('strong', cell.t) : cell.t);
  if (cell.x !== undefined) {
    if (cell.xh) element.append(' · ', link(cell.x, cell.xh));
    else {
      const span = tag('span', cell.x);
      span.className = cell.xk ?? 'id';
      if (cell.xt) span.title = cell.xt;
      element.append(span);
    }
  }
  if (cell.g) {
    const span = tag('span', cell.g);
    span.className = 'tag new';
    element.append(span);
  }
  for (const line of cell.u ?? []) {
    const span = document.createElement('span');
    span.className = 'sub';
    line.forEach((part, i) => span.append(...(i > 0 ? [' · '] : []), part.h ? link(part.t, part.h, part.k) : part.k ? classed(tag('span', part.t), part.k) : part.t));
    element.append(span);
  }
  return element;
}

function link(text: string, href: string, className?: string): HTMLAnchorElement {
  const a = tag('a', text);
  a.href = href;
  return className ? classed(a, className) : a;
}

function classed<E extends HTMLElement>(element: E, className: string): E {
  element.className = className;
  return element;
}

function tag<K extends keyof HTMLElementTagNameMap>(name: K, text: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(name);
  element.textContent = text;
  return element;
}
